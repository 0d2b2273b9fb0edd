import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from '../layout/AppLayout';
import { RequireSession } from '../session/RequireSession';
import { Gate } from '../session/Gate';
import { useMe } from '../session/SessionProvider';
import { NAV } from './nav';

// Pages load on first visit: the login page does not pull in the charts.
const LoginPage = lazy(() => import('../pages/login/LoginPage'));
const SetupPage = lazy(() => import('../pages/setup/SetupPage'));
const OverviewPage = lazy(() => import('../pages/overview/OverviewPage'));
const MembersPage = lazy(() => import('../pages/members/MembersPage'));
const DuplicatesPage = lazy(() => import('../pages/members/DuplicatesPage'));
const MemberDetailPage = lazy(() => import('../pages/member-detail/MemberDetailPage'));
const CommunitiesPage = lazy(() => import('../pages/communities/CommunitiesPage'));
const CommunityDetailPage = lazy(() => import('../pages/community-detail/CommunityDetailPage'));
const ImportPage = lazy(() => import('../pages/import/ImportPage'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage'));
const NotFoundPage = lazy(() => import('../pages/not-found/NotFoundPage'));

/** `/` opens the first page the role may see. */
function Home() {
  const { can } = useMe();
  const first = NAV.find((n) => can(n.permission));
  return first ? <Navigate to={first.path} replace /> : <NotFoundPage />;
}

/** Every page of the console. A route that needs a permission wraps its page in <Gate>. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route element={<RequireSession><AppLayout /></RequireSession>}>
        <Route index element={<Home />} />
        <Route path="overview" element={<Gate permission="members:read"><OverviewPage /></Gate>} />
        <Route path="members" element={<Gate permission="members:read"><MembersPage /></Gate>} />
        <Route path="members/duplicates" element={<Gate permission="members:read"><DuplicatesPage /></Gate>} />
        <Route path="members/:id" element={<Gate permission="members:read"><MemberDetailPage /></Gate>} />
        <Route path="communities" element={<Gate permission="communities:read"><CommunitiesPage /></Gate>} />
        <Route path="communities/:id" element={<Gate permission="communities:read"><CommunityDetailPage /></Gate>} />
        <Route path="import" element={<Gate permission="imports:write"><ImportPage /></Gate>} />
        <Route path="settings/:tab?" element={<Gate permission="staff:manage"><SettingsPage /></Gate>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
