import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { AppShell } from '../components/app-shell';
import { useSession } from './session';

const SessionUnavailable = lazy(() => import('./session-unavailable'));

/** Routes behind sign-in: anonymous visitors go to /login and come back afterwards. */
export function RequireSession() {
  const { status, ended } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return <AppShell />;
  }
  if (status === 'error') {
    return (
      <Suspense fallback={null}>
        <SessionUnavailable />
      </Suspense>
    );
  }
  if (status === 'anonymous') {
    // After an explicit sign-out the next person starts at their own home, not at the last page.
    return <Navigate to="/login" replace state={ended === 'logout' ? null : { from: `${location.pathname}${location.search}` }} />;
  }
  return <Outlet />;
}
