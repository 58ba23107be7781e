import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { prefetchSessionUser } from './api/auth.hooks';
import { tokenStore } from './api/client';
import { SessionProvider } from './auth/session';
import { OfflineBanner } from './offline/offline-banner';
import { queryRetryDelay, shouldRetryQuery } from './offline/query-retry';
import { AppRoutes } from './routes';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; a dropped connection or a 5xx might, after a pause.
      retry: shouldRetryQuery,
      retryDelay: queryRetryDelay,
      // Reads wait while the browser is offline and run again as soon as it is back.
      networkMode: 'online',
      refetchOnReconnect: true,
    },
    mutations: {
      // A write is sent at once and fails at once when offline, never queued to run later behind the
      // user's back: the form says so and keeps its draft (offline/use-form-draft.ts).
      networkMode: 'always',
      retry: false,
    },
  },
});

/**
 * antd in zero-runtime mode: its components' CSS is written at build time for this theme
 * (antd-static-style.ts, linked by boot.ts and antd-rest-style.ts) instead of generated in the browser on
 * the first render of each component; the theme's tokens still reach them as CSS variables. No hashed class
 * names: the build's CSS is written without them (one antd in the portal).
 */
const zeroRuntimeTheme = { ...theme, hashed: false, zeroRuntime: true };

// A stored session: GET /me leaves now, beside the page's code (routes.tsx), not after the first render.
if (tokenStore.get()) void prefetchSessionUser(queryClient);

/**
 * antd and dayjs speak the language the user chose in the header. antd's App (the context of
 * `App.useApp()`: messages, notifications, confirmations) wraps the signed-in frame only
 * (layout/app-layout.tsx): the pages before sign-in use none, so the first download does without them.
 */
function LocalisedAntd({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
  }, [english]);
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={zeroRuntimeTheme}>
      <OfflineBanner />
      {children}
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocalisedAntd>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </LocalisedAntd>
    </QueryClientProvider>
  );
}
