/**
 * The signed-in agent. The bearer token lives in localStorage (api/client.ts); this context holds who
 * it belongs to, signs in and out, and sends the user back to the sign-in page when the API answers 401.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { clearSession, onUnauthorized, readSession, saveSession } from './api/client';
import { authApi } from './api/endpoints';
import type { Me } from './api/types';
import { hrefFor, navigate, parseRoute } from './router';

type SessionState = { status: 'checking' } | { status: 'signed_out' } | { status: 'signed_in'; me: Me };

interface SessionContextValue {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function currentPath(): string | undefined {
  const route = parseRoute(window.location.hash);
  return route.name === 'login' ? route.next : hrefFor(route);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() => (readSession() ? { status: 'checking' } : { status: 'signed_out' }));

  useEffect(() => {
    if (state.status !== 'checking') return;
    let cancelled = false;
    authApi
      .me()
      .then((me) => !cancelled && setState({ status: 'signed_in', me }))
      .catch(() => !cancelled && setState({ status: 'signed_out' }));
    return () => {
      cancelled = true;
    };
  }, [state.status]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setState({ status: 'signed_out' });
        const next = currentPath();
        navigate({ name: 'login', next: next?.startsWith('#/login') ? undefined : next }, { replace: true });
      }),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await authApi.login(email, password);
    saveSession({ token: session.token, expiresAt: session.expiresAt });
    const me = await authApi.me();
    setState({ status: 'signed_in', me });
  }, []);

  const signOut = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    clearSession();
    setState({ status: 'signed_out' });
    navigate({ name: 'login' });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** The signed-in agent; only for screens rendered behind the sign-in gate. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed_in') throw new Error('useMe outside a signed-in screen');
  return state.me;
}
