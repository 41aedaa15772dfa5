import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, configureClient, setCsrfToken } from '../api/client';
import type { ApiError } from '../api/client';
import type { CurrentUser, MeResponse, Role } from '../api/types';

/** Who is signed in: unknown until /api/auth/me answers, then a user or nobody. */
export type SessionState = { readonly status: 'loading' } | { readonly status: 'anonymous' } | { readonly status: 'signed-in'; readonly user: CurrentUser };

export interface Session {
  readonly state: SessionState;
  readonly login: (username: string, password: string) => Promise<CurrentUser>;
  readonly logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children, reportError }: { readonly children: ReactNode; readonly reportError: (error: ApiError) => void }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    // The API's 401 means the session ended (expired, signed out elsewhere): forget the user, and the
    // route guard takes them to the login page with the page they were on.
    configureClient({ reportError, onUnauthenticated: () => setState({ status: 'anonymous' }) });
  }, [reportError]);

  useEffect(() => {
    let live = true;
    api
      .get<MeResponse>('/api/auth/me', { quiet: true })
      .then((me) => {
        setCsrfToken(me.csrfToken);
        if (live) setState({ status: 'signed-in', user: me.user });
      })
      .catch(() => {
        if (live) setState({ status: 'anonymous' });
      });
    return () => {
      live = false;
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const me = await api.post<MeResponse>('/api/auth/login', { body: { username, password }, quiet: true });
    setCsrfToken(me.csrfToken);
    setState({ status: 'signed-in', user: me.user });
    return me.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout', { quiet: true });
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  const session = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages under the signed-in layout, which renders nothing without one. */
export function useUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser outside the signed-in layout');
  return state.user;
}

export function hasRole(user: CurrentUser, ...roles: Role[]): boolean {
  return user.roles.some((g) => roles.includes(g.role));
}
