import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { uniqueSuffix } from '../../../../test/support/database';
import { freePort, startProcess, waitUntilUp, REPO_ROOT } from '../../../../test/support/processes';
import { TestApi } from '../../../../test/support/test-api';
import { startWorker } from '../../../../test/support/test-worker';

export interface Stack {
  baseUrl: string;
  api: TestApi;
  stop(): Promise<void>;
}

/**
 * The whole product for a browser: the built API over a demo-seeded database of its own, the built
 * worker (which delivers the inbox entries) on the same database and queue prefix, and the built
 * portal served by `vite preview`, which proxies /api to that API.
 */
export async function startStack(): Promise<Stack> {
  const queuePrefix = `sb-e2e-${uniqueSuffix()}`;
  // No SMTP server here: the worker writes its e-mails as files, into a directory of this run's own.
  const mailDir = mkdtempSync(join(tmpdir(), 'sb-e2e-mail-'));
  const api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
  const stopped: Array<() => Promise<unknown>> = [() => api.stop()];
  const stop = async () => {
    for (const step of stopped.reverse()) await step().catch(() => undefined);
    rmSync(mailDir, { recursive: true, force: true });
  };
  try {
    const worker = await startWorker({ DATABASE_URL: api.database.url, QUEUE_PREFIX: queuePrefix, MAIL_DIR: mailDir });
    stopped.push(() => worker.stop());
    const port = await freePort();
    const portal = startProcess(
      'node_modules/vite/bin/vite.js',
      { API_URL: api.url.replace(/\/api\/v1$/, ''), NODE_ENV: 'production' },
      ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
      `${REPO_ROOT}/apps/portal`,
    );
    stopped.push(() => portal.stop());
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilUp(`${baseUrl}/login`, portal);
    return { baseUrl, api, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
