import type { Role } from '@skillbridge/contracts';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireRole } from './auth/require-role';
import { RequireSession } from './auth/require-session';
import { tokenStore } from './api/client';
import { PageFallback } from './components/page-fallback';
import { LoginPage } from './pages/login/login-page';

// The sign-in page loads first; everything else when it is first needed.
// The signed-in frame (menu, header, bell) is not needed to sign in. A stored session asks for it at once,
// beside GET /me, rather than after it.
const loadAppLayout = () => import('./layout/app-layout');
if (tokenStore.get()) void loadAppLayout();
const AppLayout = lazy(() => loadAppLayout().then((module) => ({ default: module.AppLayout })));
const RegisterPage = lazy(() => import('./pages/register/register-page'));
const ConfirmRegistrationPage = lazy(() => import('./pages/register/confirm-registration-page'));
const ActivatePage = lazy(() => import('./pages/activate/activate-page'));
const ForgotPasswordPage = lazy(() => import('./pages/password-reset/forgot-password-page'));
const ResetPasswordPage = lazy(() => import('./pages/password-reset/reset-password-page'));
const HomePage = lazy(() => import('./pages/home/home-page'));
const MePage = lazy(() => import('./pages/me/me-page'));
const NotFoundPage = lazy(() => import('./pages/not-found/not-found-page'));
const SlotsPage = lazy(() => import('./pages/enterprise/slots-page'));
const SlotPage = lazy(() => import('./pages/enterprise/slot-page'));
const PlacementsPage = lazy(() => import('./pages/placements/placements-page'));
const FindSlotsPage = lazy(() => import('./pages/student/find-slots-page'));
const RecommendedPage = lazy(() => import('./pages/student/recommended-page'));
const MyApplicationsPage = lazy(() => import('./pages/student/my-applications-page'));
const ApprovalsPage = lazy(() => import('./pages/school/approvals-page'));
const NotificationsPage = lazy(() => import('./pages/notifications/notifications-page'));
const NotificationSettingsPage = lazy(() => import('./pages/notifications/notification-settings-page'));
const DeadLettersPage = lazy(() => import('./pages/platform/dead-letters-page'));
const FindPracticePage = lazy(() => import('./pages/practice/find-practice-page'));
const MyPracticePage = lazy(() => import('./pages/practice/my-practice-page'));
const PracticeBookingsPage = lazy(() => import('./pages/practice/enterprise-bookings-page'));
const PracticeCompliancePage = lazy(() => import('./pages/practice/compliance-page'));
const QuotaDashboardPage = lazy(() => import('./pages/quotas/quota-dashboard-page'));
const RoundsPage = lazy(() => import('./pages/rounds/rounds-page'));
const RoundPage = lazy(() => import('./pages/rounds/round-page'));

/** Who takes part in match rounds: students list, enterprises rank, schools and officers run them. */
const ROUND_ROLES: Role[] = ['student', 'enterprise_admin', 'school_admin', 'bureau_officer', 'platform_admin'];

/** A page only some roles have (the side menu shows it to them only). */
const only = (roles: Role[], page: ReactNode) => (
  <RequireRole roles={roles} fallback={<NotFoundPage />}>
    {page}
  </RequireRole>
);

export function AppRoutes() {
  return (
    <Suspense fallback={<PageFallback />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/register/confirm" element={<ConfirmRegistrationPage />} />
        <Route path="/activate" element={<ActivatePage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route element={<RequireSession />}>
          <Route element={<AppLayout />}>
            <Route index element={<Navigate to="/home" replace />} />
            <Route path="/home" element={<HomePage />} />
            <Route path="/me" element={<MePage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/notification-settings" element={<NotificationSettingsPage />} />
            <Route path="/slots" element={only(['enterprise_admin'], <SlotsPage />)} />
            <Route path="/slots/:slotId" element={only(['enterprise_admin'], <SlotPage />)} />
            <Route path="/placements" element={only(['enterprise_admin', 'student'], <PlacementsPage />)} />
            <Route path="/find-slots" element={only(['student'], <FindSlotsPage />)} />
            <Route path="/recommended" element={only(['student'], <RecommendedPage />)} />
            <Route path="/applications" element={only(['student'], <MyApplicationsPage />)} />
            <Route path="/approvals" element={only(['school_admin'], <ApprovalsPage />)} />
            <Route path="/dead-letters" element={only(['platform_admin'], <DeadLettersPage />)} />
            <Route path="/practice" element={only(['teacher'], <FindPracticePage />)} />
            <Route path="/my-practice" element={only(['teacher'], <MyPracticePage />)} />
            <Route path="/practice-bookings" element={only(['enterprise_admin'], <PracticeBookingsPage />)} />
            <Route
              path="/practice-compliance"
              element={only(['school_admin', 'bureau_officer', 'platform_admin'], <PracticeCompliancePage />)}
            />
            <Route path="/practice-compliance/:schoolId" element={only(['bureau_officer', 'platform_admin'], <PracticeCompliancePage />)} />
            <Route path="/quotas" element={only(['bureau_officer', 'platform_admin'], <QuotaDashboardPage />)} />
            <Route path="/match-rounds" element={only(ROUND_ROLES, <RoundsPage />)} />
            <Route path="/match-rounds/:roundId" element={only(ROUND_ROLES, <RoundPage />)} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
