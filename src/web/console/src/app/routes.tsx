import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from '../layout/AppLayout';
import { RequireSession } from '../session/RequireSession';
import { Gate } from '../session/Gate';
import { useMe } from '../session/SessionProvider';
import { navPages } from './nav';

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
const ProgrammePage = lazy(() => import('../pages/loyalty/ProgrammePage'));
const RulesPage = lazy(() => import('../pages/loyalty-rules/RulesPage'));
const RewardsPage = lazy(() => import('../pages/loyalty-rewards/RewardsPage'));
const RedemptionsPage = lazy(() => import('../pages/loyalty-redemptions/RedemptionsPage'));
const AdjustmentsPage = lazy(() => import('../pages/loyalty-adjustments/AdjustmentsPage'));
const BadgesPage = lazy(() => import('../pages/loyalty-badges/BadgesPage'));
const EngagementPage = lazy(() => import('../pages/analytics/EngagementPage'));
const LifecyclePage = lazy(() => import('../pages/analytics/LifecyclePage'));
const CohortsPage = lazy(() => import('../pages/analytics/CohortsPage'));
const RfmPage = lazy(() => import('../pages/analytics/RfmPage'));
const AnalyticsCommunitiesPage = lazy(() => import('../pages/analytics/CommunitiesPage'));
const BusinessPage = lazy(() => import('../pages/analytics/BusinessPage'));
const NotFoundPage = lazy(() => import('../pages/not-found/NotFoundPage'));

/** `/` opens the first page the role may see. */
function Home() {
  const { can } = useMe();
  const first = navPages().find((n) => can(n.permission));
  return first ? <Navigate to={first.path} replace /> : <NotFoundPage />;
}

/** Every page of the console. A route that needs a permission wraps its page in <Gate>. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route
          path="overview"
          element={
            <Gate permission="members:read">
              <OverviewPage />
            </Gate>
          }
        />
        <Route
          path="members"
          element={
            <Gate permission="members:read">
              <MembersPage />
            </Gate>
          }
        />
        <Route
          path="members/duplicates"
          element={
            <Gate permission="members:read">
              <DuplicatesPage />
            </Gate>
          }
        />
        <Route
          path="members/:id"
          element={
            <Gate permission="members:read">
              <MemberDetailPage />
            </Gate>
          }
        />
        <Route
          path="communities"
          element={
            <Gate permission="communities:read">
              <CommunitiesPage />
            </Gate>
          }
        />
        <Route
          path="communities/:id"
          element={
            <Gate permission="communities:read">
              <CommunityDetailPage />
            </Gate>
          }
        />
        <Route
          path="import"
          element={
            <Gate permission="imports:write">
              <ImportPage />
            </Gate>
          }
        />
        <Route
          path="analytics"
          element={
            <Gate permission="analytics:read">
              <EngagementPage />
            </Gate>
          }
        />
        <Route
          path="analytics/lifecycle"
          element={
            <Gate permission="analytics:read">
              <LifecyclePage />
            </Gate>
          }
        />
        <Route
          path="analytics/cohorts"
          element={
            <Gate permission="analytics:read">
              <CohortsPage />
            </Gate>
          }
        />
        <Route
          path="analytics/rfm"
          element={
            <Gate permission="analytics:read">
              <RfmPage />
            </Gate>
          }
        />
        <Route
          path="analytics/communities"
          element={
            <Gate permission="analytics:read">
              <AnalyticsCommunitiesPage />
            </Gate>
          }
        />
        <Route
          path="analytics/business"
          element={
            <Gate permission="analytics:read">
              <BusinessPage />
            </Gate>
          }
        />
        <Route
          path="loyalty"
          element={
            <Gate permission="loyalty:read">
              <ProgrammePage />
            </Gate>
          }
        />
        <Route
          path="loyalty/rules"
          element={
            <Gate permission="loyalty:read">
              <RulesPage />
            </Gate>
          }
        />
        <Route
          path="loyalty/rewards"
          element={
            <Gate permission="loyalty:read">
              <RewardsPage />
            </Gate>
          }
        />
        <Route
          path="loyalty/redemptions"
          element={
            <Gate permission="loyalty:read">
              <RedemptionsPage />
            </Gate>
          }
        />
        <Route
          path="loyalty/adjustments"
          element={
            <Gate permission="loyalty:read">
              <AdjustmentsPage />
            </Gate>
          }
        />
        <Route
          path="loyalty/badges"
          element={
            <Gate permission="loyalty:read">
              <BadgesPage />
            </Gate>
          }
        />
        <Route
          path="settings/:tab?"
          element={
            <Gate permission="staff:manage">
              <SettingsPage />
            </Gate>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
