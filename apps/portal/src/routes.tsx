import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireSession } from './auth/require-session';
import { PageFallback } from './components/page-fallback';
import { AppLayout } from './layout/app-layout';
import { LoginPage } from './pages/login/login-page';

// The sign-in page loads first; everything else when it is first needed.
const RegisterPage = lazy(() => import('./pages/register/register-page'));
const HomePage = lazy(() => import('./pages/home/home-page'));
const MePage = lazy(() => import('./pages/me/me-page'));
const NotFoundPage = lazy(() => import('./pages/not-found/not-found-page'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageFallback />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route element={<RequireSession />}>
          <Route element={<AppLayout />}>
            <Route index element={<Navigate to="/home" replace />} />
            <Route path="/home" element={<HomePage />} />
            <Route path="/me" element={<MePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
