import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireRole } from './auth/require-role';
import { RequireSession } from './auth/require-session';
import { tokenStore } from './api/client';
import { PageFallback } from './components/page-fallback';
import { LoginPage } from './pages/login/login-page';
import { ROUTE_TABLE, type RouteEntry, type RoutePath } from './route-table';

type Page = ComponentType | LazyExoticComponent<ComponentType>;

// The signed-in frame (menu, header, bell) is not needed to sign in. A stored session asks for it at once,
// beside GET /me, rather than after it.
const loadAppLayout = () => import('./layout/app-layout');
if (tokenStore.get()) void loadAppLayout();
const AppLayout = lazy(() => loadAppLayout().then((module) => ({ default: module.AppLayout })));
const NotFoundPage = lazy(() => import('./pages/not-found/not-found-page'));
const PracticeCompliancePage = lazy(() => import('./pages/practice/compliance-page'));
const RoundsPage = lazy(() => import('./pages/rounds/rounds-page'));

/** The page of each path of the table. The sign-in page loads first; everything else when it is first needed. */
const PAGES: Record<RoutePath, Page> = {
  '/login': LoginPage,
  '/register': lazy(() => import('./pages/register/register-page')),
  '/register/confirm': lazy(() => import('./pages/register/confirm-registration-page')),
  '/activate': lazy(() => import('./pages/activate/activate-page')),
  '/forgot-password': lazy(() => import('./pages/password-reset/forgot-password-page')),
  '/reset-password': lazy(() => import('./pages/password-reset/reset-password-page')),
  '/home': lazy(() => import('./pages/home/home-page')),
  '/me': lazy(() => import('./pages/me/me-page')),
  '/notifications': lazy(() => import('./pages/notifications/notifications-page')),
  '/notification-settings': lazy(() => import('./pages/notifications/notification-settings-page')),
  '/slots': lazy(() => import('./pages/enterprise/slots-page')),
  '/slots/:slotId': lazy(() => import('./pages/enterprise/slot-page')),
  '/placements': lazy(() => import('./pages/placements/placements-page')),
  '/find-slots': lazy(() => import('./pages/student/find-slots-page')),
  '/recommended': lazy(() => import('./pages/student/recommended-page')),
  '/applications': lazy(() => import('./pages/student/my-applications-page')),
  '/approvals': lazy(() => import('./pages/school/approvals-page')),
  '/dead-letters': lazy(() => import('./pages/platform/dead-letters-page')),
  '/majors': lazy(() => import('./pages/platform/majors-page')),
  '/rules': lazy(() => import('./pages/admin/rules-page')),
  '/access-log': lazy(() => import('./pages/admin/access-log-page')),
  '/practice': lazy(() => import('./pages/practice/find-practice-page')),
  '/my-practice': lazy(() => import('./pages/practice/my-practice-page')),
  '/practice-bookings': lazy(() => import('./pages/practice/enterprise-bookings-page')),
  '/practice-compliance': PracticeCompliancePage,
  '/practice-compliance/:schoolId': PracticeCompliancePage,
  '/quotas': lazy(() => import('./pages/quotas/quota-dashboard-page')),
  '/match-rounds': RoundsPage,
  '/match-rounds/:roundId': lazy(() => import('./pages/rounds/round-page')),
};

export interface AppRoute extends RouteEntry {
  path: RoutePath;
  page: Page;
}

/** The router table: every address with its roles, its page and what the phone sweep does there (route-table.ts). */
export const APP_ROUTES: readonly AppRoute[] = ROUTE_TABLE.map((route) => ({ ...route, page: PAGES[route.path] }));

/** A page only some roles have (the side menu shows it to them only); anyone else gets the not-found page. */
function element({ page: Page, roles }: AppRoute) {
  return roles ? (
    <RequireRole roles={[...roles]} fallback={<NotFoundPage />}>
      <Page />
    </RequireRole>
  ) : (
    <Page />
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageFallback />}>
      <Routes>
        {APP_ROUTES.filter((route) => route.public).map((route) => (
          <Route key={route.path} path={route.path} element={element(route)} />
        ))}
        <Route element={<RequireSession />}>
          <Route element={<AppLayout />}>
            <Route index element={<Navigate to="/home" replace />} />
            {APP_ROUTES.filter((route) => !route.public).map((route) => (
              <Route key={route.path} path={route.path} element={element(route)} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
