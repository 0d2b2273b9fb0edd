import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, setUnauthenticatedHandler, ApiError } from '@shared/api/client';
import type { paths } from '@shared/api/schema';
import { forgetCommunities } from '../hooks/useCommunities';
import { forgetTags } from '../hooks/useTags';

export type Me = paths['/api/v1/auth/me']['get']['responses']['200']['content']['application/json'];
export type Workspace = paths['/api/v1/workspace']['get']['responses']['200']['content']['application/json'];
/** A permission the server grants roles (members:write, members:merge…). */
export type Permission = string;

type State =
  | { status: 'loading' }
  | { status: 'signedOut'; reason: 'start' | 'expired' | 'logout' }
  | { status: 'signedIn'; me: Me; workspace: Workspace }
  | { status: 'error'; error: ApiError };

interface Session {
  state: State;
  login(email: string, password: string): Promise<void>;
  /** Takes over a session the server opened another way (first-run setup signs the new owner in). */
  adopt(me: Me): Promise<void>;
  logout(): Promise<void>;
  reload(): void;
}

const SessionContext = createContext<Session | null>(null);

async function loadSignedIn(me?: Me): Promise<State> {
  // What one staff member may see is not what the next one may: start every session afresh.
  forgetCommunities();
  forgetTags();
  // Who first: when nobody is signed in, one 401 says so and nothing else is asked.
  const who = me ?? (await call(api.GET('/api/v1/auth/me')));
  return { status: 'signedIn', me: who, workspace: await call(api.GET('/api/v1/workspace')) };
}

/**
 * Who is signed in and what they may do, from /auth/me. The console hides what a role cannot do,
 * but the server decides: every call is checked there again. Any 401 (the session expired or was
 * ended elsewhere) brings the login page back.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadSignedIn().then(
      (s) => live && setState(s),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) setState({ status: 'signedOut', reason: 'start' });
        else
          setState({
            status: 'error',
            error: e instanceof ApiError ? e : new ApiError({ status: 0, code: 'NETWORK', detail: null }),
          });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthenticatedHandler(() =>
      setState((s) => (s.status === 'signedIn' ? { status: 'signedOut', reason: 'expired' } : s)),
    );
    return () => setUnauthenticatedHandler(null);
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const me = await call(api.POST('/api/v1/auth/login', { body: { email, password } }));
    setState(await loadSignedIn(me));
  }, []);

  const adopt = useCallback(async (me: Me) => {
    setState(await loadSignedIn(me));
  }, []);

  const logout = useCallback(async () => {
    try {
      await call(api.POST('/api/v1/auth/logout'));
    } finally {
      setState({ status: 'signedOut', reason: 'logout' });
    }
  }, []);

  const value = useMemo<Session>(
    () => ({ state, login, adopt, logout, reload: () => setAttempt((n) => n + 1) }),
    [state, login, adopt, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in staff member; only for pages behind RequireSession. */
export function useMe(): { me: Me; workspace: Workspace; can: (p: Permission) => boolean } {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe without a session');
  const { me, workspace } = state;
  return { me, workspace, can: (p) => me.permissions.includes(p) };
}

/** Whether the signed-in staff member holds a permission. */
export function useCan(): (p: Permission) => boolean {
  return useMe().can;
}
