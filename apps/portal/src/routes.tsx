import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { matchPath, Navigate, Route, Routes } from 'react-router-dom';
import { RequireRole } from './auth/require-role';
import { RequireSession } from './auth/require-session';
import { tokenStore } from './api/client';
import { AppShell } from './components/app-shell';
import { PageFallback } from './components/page-fallback';
import { loadHome } from './pages/home/home-loaders';
import { LoginPage } from './pages/login/login-page';
import { ROUTE_TABLE, type RouteEntry, type RoutePath } from './route-table';

type Page = ComponentType | LazyExoticComponent<ComponentType>;
type PageModule = Promise<{ default: ComponentType }>;

// The signed-in frame (menu, header, bell) is not needed to sign in. A stored session asks for it at once,
// beside GET /me, rather than after it.
const loadAppLayout = () => import('./layout/app-layout');
const AppLayout = lazy(() => loadAppLayout().then((module) => ({ default: module.AppLayout })));
const NotFoundPage = lazy(() => import('./pages/not-found/not-found-page'));
const loadPracticeCompliance = () => import('./pages/practice/compliance-page');
const loadRounds = () => import('./pages/rounds/rounds-page');

/** How each path's page arrives. The sign-in page is in the first download; everything else is fetched when needed. */
const LOADERS: Record<Exclude<RoutePath, '/login'>, () => PageModule> = {
  '/register': () => import('./pages/register/register-page'),
  '/register/confirm': () => import('./pages/register/confirm-registration-page'),
  '/activate': () => import('./pages/activate/activate-page'),
  '/forgot-password': () => import('./pages/password-reset/forgot-password-page'),
  '/reset-password': () => import('./pages/password-reset/reset-password-page'),
  '/guardian-sign': () => import('./pages/agreements/guardian-sign-page'),
  '/verify': () => import('./pages/agreements/verify-page'),
  '/home': () => import('./pages/home/home-page'),
  '/me': () => import('./pages/me/me-page'),
  '/notifications': () => import('./pages/notifications/notifications-page'),
  '/notification-settings': () => import('./pages/notifications/notification-settings-page'),
  '/slots': () => import('./pages/enterprise/slots-page'),
  '/slots/:slotId': () => import('./pages/enterprise/slot-page'),
  '/placements': () => import('./pages/placements/placements-page'),
  '/find-slots': () => import('./pages/student/find-slots-page'),
  '/recommended': () => import('./pages/student/recommended-page'),
  '/applications': () => import('./pages/student/my-applications-page'),
  '/approvals': () => import('./pages/school/approvals-page'),
  '/dead-letters': () => import('./pages/platform/dead-letters-page'),
  '/majors': () => import('./pages/platform/majors-page'),
  '/rules': () => import('./pages/admin/rules-page'),
  '/access-log': () => import('./pages/admin/access-log-page'),
  '/practice': () => import('./pages/practice/find-practice-page'),
  '/my-practice': () => import('./pages/practice/my-practice-page'),
  '/practice-bookings': () => import('./pages/practice/enterprise-bookings-page'),
  '/practice-compliance': loadPracticeCompliance,
  '/practice-compliance/:schoolId': loadPracticeCompliance,
  '/quotas': () => import('./pages/quotas/quota-dashboard-page'),
  '/match-rounds': loadRounds,
  '/match-rounds/:roundId': () => import('./pages/rounds/round-page'),
  '/agreements': () => import('./pages/agreements/agreements-page'),
  '/agreements/:agreementId': () => import('./pages/agreements/agreement-page'),
};

const PracticeCompliancePage = lazy(loadPracticeCompliance);
const RoundsPage = lazy(loadRounds);

/** The page of each path of the table. */
const PAGES: Record<RoutePath, Page> = {
  ...(Object.fromEntries(Object.entries(LOADERS).map(([path, load]) => [path, lazy(load)])) as Record<keyof typeof LOADERS, Page>),
  '/login': LoginPage,
  '/practice-compliance': PracticeCompliancePage,
  '/practice-compliance/:schoolId': PracticeCompliancePage,
  '/match-rounds': RoundsPage,
};

/**
 * A stored session (a reload, a link opened, the app started from the home screen): the frame and the page
 * of the address — for /home, the home of the role the stored token names — are fetched at once, beside
 * GET /me, instead of one after the other once it has answered. Only which code to fetch early is guessed
 * from the token; who the user is and what they may see is GET /me's answer, as before.
 */
function preloadStoredSession(): void {
  if (!tokenStore.get()) return;
  void loadAppLayout();
  const route = (ROUTE_TABLE as readonly RouteEntry[]).find((entry) => !entry.public && matchPath(entry.path, window.location.pathname));
  if (!route) return;
  void LOADERS[route.path as keyof typeof LOADERS]();
  const role = tokenStore.role();
  if (route.path === '/home' && role) void loadHome(role);
}
preloadStoredSession();

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
          <Route
            element={
              <Suspense fallback={<AppShell />}>
                <AppLayout />
              </Suspense>
            }
          >
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
