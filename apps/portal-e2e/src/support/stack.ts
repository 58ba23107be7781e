import { freePort, startProcess, waitUntilUp, REPO_ROOT } from '../../../../test/support/processes';
import { TestApi } from '../../../../test/support/test-api';

export interface Stack {
  baseUrl: string;
  api: TestApi;
  stop(): Promise<void>;
}

/**
 * The whole product for a browser: the built API over a demo-seeded database of its own, and the
 * built portal served by `vite preview`, which proxies /api to that API.
 */
export async function startStack(): Promise<Stack> {
  const api = await TestApi.start();
  const port = await freePort();
  const portal = startProcess('node_modules/vite/bin/vite.js', {
    API_URL: api.url.replace(/\/api\/v1$/, ''),
    NODE_ENV: 'production',
  }, ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], `${REPO_ROOT}/apps/portal`);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${baseUrl}/login`, portal);
  } catch (error) {
    await api.stop();
    throw error;
  }
  return {
    baseUrl,
    api,
    stop: async () => {
      await portal.stop();
      await api.stop();
    },
  };
}
