import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's response headers, worked out once at boot: with fixed options they are the same for every
 * request, and running helmet's middleware per request (through @fastify/helmet) was ~6 % of a search
 * request's CPU. An onRequest hook then sets them as one object.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  let done = false;
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  helmet(options)({} as never, response as never, () => void (done = true));
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be computed once');
  return headers;
}

/**
 * Whether an answer must not be kept by a browser or a proxy (`Cache-Control: no-store`): the API's
 * answers carry tokens (sign-in, refresh, activation, registration) or someone's data (every read
 * behind auth), or say whether something exists — all of them but the health probes. Decided on
 * the raw URL before routing, so that errors, 404s and odd spellings of a path are covered too.
 */
export const noStore = (url: string): boolean => !/^\/api\/v1\/health(\/|\?|$)/.test(url);
