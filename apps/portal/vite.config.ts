import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { antdStaticStyle } from './antd-static-style';
import { appShellWords } from './app-shell';
import { PORTAL_SECURITY_HEADERS } from './security-headers';
import { theme } from './src/theme';

// The API the dev server and `vite preview` forward /api to.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: apiUrl, changeOrigin: false } };

export default defineConfig({
  plugins: [react(), antdStaticStyle(theme), appShellWords()],
  resolve: {
    alias: {
      // The contracts and the domain's rules are TypeScript source, shared with the API; never their build.
      '@skillbridge/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
      '@skillbridge/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
    },
  },
  server: { port: 4200, strictPort: true, host: '127.0.0.1', proxy },
  // The built portal as it ships (npm start, the browser tests): with its Content-Security-Policy.
  // Not the dev server, whose React refresh preamble is an inline script.
  preview: { port: 4200, strictPort: true, host: '127.0.0.1', proxy, headers: PORTAL_SECURITY_HEADERS },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // index.html runs boot.ts (a few lines), which starts main.tsx once the app shell is painted; main is an
      // entry of its own so that what it needs is `$initial` below, grouped in the same few chunks as before.
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        main: fileURLToPath(new URL('./src/main.tsx', import.meta.url)),
      },
      output: {
        // Few requests before the first paint: a phone on a slow link pays a round trip for each (HTTP/1.1 from
        // `vite preview`, six at a time). What the first page needs (`$initial`: statically imported from
        // main.tsx) comes in a handful of chunks; the libraries every page needs each have a chunk of their
        // own that a release of the portal's code leaves cached. Ant Design's other components stay in the
        // automatic split, so a page downloads only those it uses; ECharts only arrives with a chart
        // (components/chart.tsx).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3 },
            { name: 'i18next', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 3 },
            { name: 'tanstack-query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 3 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/, priority: 3 },
            // antd's styles for the components after the first page (antd-static-style.ts): one stylesheet of its own,
            // fetched with the signed-in frame or a later page before sign-in, whichever comes first.
            { name: 'antd-style', test: /antd-rest-style|@antd-style[\\/]rest/, priority: 4 },
            { name: 'antd-initial', test: /node_modules[\\/]/, tags: ['$initial'], priority: 2 },
            // Vite's helper for dynamic imports, on its own: boot.ts uses it without pulling in the rest.
            { name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 5 },
            // Not boot.ts and the stylesheet it links: index.html's own (app-shell.ts).
            {
              name: 'shell',
              test: /[\\/](apps[\\/]portal[\\/]src[\\/](?!boot\.ts|styles\.css)|libs[\\/])/,
              tags: ['$initial'],
              priority: 1,
            },
            // After sign-in: the frame (menu, header, bell), the icons and the API hooks, each one request, not dozens.
            { name: 'signed-in-frame', test: /[\\/]apps[\\/]portal[\\/]src[\\/]layout[\\/]/ },
            { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/ },
            { name: 'api-hooks', test: /[\\/]apps[\\/]portal[\\/]src[\\/]api[\\/]/ },
          ],
        },
      },
    },
  },
});
