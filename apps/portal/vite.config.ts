import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { PORTAL_SECURITY_HEADERS } from './security-headers';

// The API the dev server and `vite preview` forward /api to.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: apiUrl, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
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
  },
});
