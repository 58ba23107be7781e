import type { MeView } from '@skillbridge/contracts';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { authApi } from './auth.api';

/** TanStack Query keys of the signed-in user. */
export const authKeys = {
  me: ['me'] as const,
};

const SESSION_STALE_MS = 5 * 60_000;

/** `GET /me` behind the session: asked only with a token, and kept five minutes. */
export function useSessionUser(enabled: boolean) {
  return useQuery({ queryKey: authKeys.me, queryFn: authApi.me, enabled, staleTime: SESSION_STALE_MS });
}

/**
 * `GET /me` asked as soon as the portal's code runs, when a session is stored: the session's first render
 * finds it under way (or answered) instead of sending it then.
 */
export const prefetchSessionUser = (queryClient: QueryClient): Promise<void> =>
  queryClient.prefetchQuery({ queryKey: authKeys.me, queryFn: authApi.me, staleTime: SESSION_STALE_MS });

/** `GET /me` asked again whenever the page opens: the profile page shows the account as the server has it now. */
export function useMyAccount() {
  return useQuery({ queryKey: authKeys.me, queryFn: authApi.me, refetchOnMount: 'always' });
}

/** `GET /me` now, into the cache the session reads: the last step of signing in. */
export const loadSessionUser = (queryClient: QueryClient): Promise<MeView> =>
  queryClient.fetchQuery({ queryKey: authKeys.me, queryFn: authApi.me });
