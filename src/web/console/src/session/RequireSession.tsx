import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Flex, Spin } from 'antd';
import { useSession } from './SessionProvider';
import { ErrorState } from '../components/ErrorState';

/** Signed-in pages: the login page first when nobody is signed in (coming back here after). */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, reload } = useSession();
  const location = useLocation();
  if (state.status === 'loading')
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  if (state.status === 'error')
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <ErrorState error={state.error} onRetry={reload} />
      </Flex>
    );
  if (state.status === 'signedOut') {
    const here = location.pathname + location.search;
    const next = state.reason === 'logout' || here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace state={{ expired: state.reason === 'expired' }} />;
  }
  return <>{children}</>;
}

/** Only a path inside the console is followed after login, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}
