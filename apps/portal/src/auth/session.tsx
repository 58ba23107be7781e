import type { LoginRequest, MeView, TokenPair } from '@skillbridge/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { authApi } from '../api/auth.api';
import { loadSessionUser, useSessionUser } from '../api/auth.hooks';
import { tokenStore } from '../api/client';
import { clearAllDrafts } from '../offline/form-draft';

/** `error`: signed in, but `GET /me` failed for another reason than the session (the API is down, say). */
export type SessionStatus = 'anonymous' | 'loading' | 'signed-in' | 'error';

export interface Session {
  status: SessionStatus;
  /** The signed-in user with their organisation (`GET /me`); null unless signed in. */
  me: MeView | null;
  /** How the last session ended: signed out here, or expired (a failed refresh, another tab); null before any. */
  ended: 'logout' | 'expired' | null;
  /** Why `GET /me` failed, when status is `error`. */
  error: unknown;
  retry(): void;
  login(credentials: LoginRequest): Promise<MeView>;
  /** Signs in with a token pair another call gave (a confirmed registration). */
  adopt(tokens: TokenPair): Promise<MeView>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in: the stored token pair plus `GET /me`, shared by the whole portal. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [hasTokens, setHasTokens] = useState(() => tokenStore.get() !== null);
  const [ended, setEnded] = useState<Session['ended']>(null);
  const signingOut = useRef(false);

  useEffect(
    () =>
      tokenStore.subscribe((tokens) => {
        setHasTokens(tokens !== null);
        if (tokens) setEnded(null);
        else setEnded(signingOut.current ? 'logout' : 'expired');
        // Signed out (here, in another tab, or by a failed refresh): forget everything we fetched as that user.
        if (!tokens) queryClient.clear();
      }),
    [queryClient],
  );

  const { data, isError, error, refetch } = useSessionUser(hasTokens);

  const adopt = useCallback(
    async (tokens: TokenPair) => {
      queryClient.clear();
      tokenStore.set({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
      return loadSessionUser(queryClient);
    },
    [queryClient],
  );

  const login = useCallback(async (credentials: LoginRequest) => adopt(await authApi.login(credentials)), [adopt]);

  const logout = useCallback(async () => {
    const tokens = tokenStore.get();
    signingOut.current = true;
    try {
      if (tokens) await authApi.logout(tokens.refreshToken);
    } catch {
      // Signing out locally matters more than telling the server; the refresh token expires anyway.
    } finally {
      // Signing out here forgets the forms' drafts too; an expired session keeps them for the next sign-in.
      clearAllDrafts(localStorage);
      tokenStore.set(null);
      signingOut.current = false;
    }
  }, []);

  const value = useMemo<Session>(() => {
    const me = hasTokens ? (data ?? null) : null;
    const status: SessionStatus = !hasTokens ? 'anonymous' : me ? 'signed-in' : isError ? 'error' : 'loading';
    return { status, me, ended, error, retry: () => void refetch(), login, adopt, logout };
  }, [hasTokens, data, isError, error, refetch, ended, login, adopt, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in user, for pages that only render inside the signed-in layout. */
export function useMe(): MeView {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
