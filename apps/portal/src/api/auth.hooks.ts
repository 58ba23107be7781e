import type { MeView } from '@skillbridge/contracts';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { authApi } from './auth.api';

/** TanStack Query keys of the signed-in user. */
export const authKeys = {
  me: ['me'] as const,
};

/** `GET /me` behind the session: asked only with a token, and kept five minutes. */
export function useSessionUser(enabled: boolean) {
  return useQuery({ queryKey: authKeys.me, queryFn: authApi.me, enabled, staleTime: 5 * 60_000 });
}

/** `GET /me` asked again whenever the page opens: the profile page shows the account as the server has it now. */
export function useMyAccount() {
  return useQuery({ queryKey: authKeys.me, queryFn: authApi.me, refetchOnMount: 'always' });
}

/** `GET /me` now, into the cache the session reads: the last step of signing in. */
export const loadSessionUser = (queryClient: QueryClient): Promise<MeView> =>
  queryClient.fetchQuery({ queryKey: authKeys.me, queryFn: authApi.me });
