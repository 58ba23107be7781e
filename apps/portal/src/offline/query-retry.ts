import { ApiError } from '../api/client';

/** How many times a failed read is asked again before the page shows the error. */
export const QUERY_RETRIES = 3;

/** The longest wait between two tries: a phone on a train may be out of reach for a while. */
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Whether a failed query is worth asking again: a dropped connection (status 0), a proxy that could
 * not reach the API, a 5xx or a 429 may pass; any other 4xx is the answer and will not change.
 * Anything that is not an ApiError (a bug in a page's code, say) is not retried either.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= QUERY_RETRIES) return false;
  if (!(error instanceof ApiError)) return false;
  if (error.status === 0 || error.status === 429) return true;
  return error.status >= 500;
}

/**
 * Exponential backoff, 1 s, 2 s, 4 s … up to 30 s; a 429's `Retry-After` is honoured when longer.
 * `attempt` counts from 0 for the first retry, as TanStack Query passes it.
 */
export function queryRetryDelay(attempt: number, error: unknown): number {
  const backoff = Math.min(1000 * 2 ** attempt, MAX_RETRY_DELAY_MS);
  const asked = error instanceof ApiError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
  return Math.min(Math.max(backoff, asked), MAX_RETRY_DELAY_MS);
}

/** A call that failed because the network is gone, not because the API refused it. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}
