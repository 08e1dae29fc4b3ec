/** Route guards and the current user, from the session query of the auth feature. */
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSessionQuery } from '../features/auth/hooks/use-session';
import type { SessionUser } from './api-types';
import { describeError } from './errors';
import { useI18n } from './i18n';
import { ForcePasswordChangePage } from './pages/force-password-change-page';
import { can, type Capability } from './permissions';
import { ErrorState, LoadingState } from '../components/ui/states';

/** The logged-in user. Only valid under <RequireAuth>. */
export function useCurrentUser(): SessionUser {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useCurrentUser used outside an authenticated route');
  return data.user;
}

export function useCan(capability: Capability): boolean {
  return can(useCurrentUser().role, capability);
}

/** Everything under it needs a session; a person who must change the password sees only that screen. */
export function RequireAuth() {
  const { t, locale } = useI18n();
  const location = useLocation();
  const session = useSessionQuery();

  if (session.isPending) return <LoadingState />;
  if (session.isError) return <ErrorState message={describeError(session.error, t, locale)} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (session.data.user.mustChangePassword) return <ForcePasswordChangePage />;
  return <Outlet />;
}

/** Hides a whole screen from roles that cannot use it (the server refuses anyway). */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { t } = useI18n();
  const allowed = useCan(capability);
  if (!allowed) return <ErrorState message={t('error.forbidden')} />;
  return <>{children}</>;
}
