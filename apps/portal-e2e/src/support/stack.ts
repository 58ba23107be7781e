import { uniqueSuffix } from '../../../../test/support/database';
import { freePort, startProcess, waitUntilUp, REPO_ROOT } from '../../../../test/support/processes';
import { SmtpSink } from '../../../../test/support/sinks';
import { TestApi } from '../../../../test/support/test-api';
import { startWorker } from '../../../../test/support/test-worker';

export interface Stack {
  baseUrl: string;
  api: TestApi;
  /** The SMTP server the worker sends the stack's e-mail to. */
  smtp: SmtpSink;
  stop(): Promise<void>;
}

/**
 * The whole product for a browser: the built API over a demo-seeded database of its own, the built
 * worker (which delivers the inbox entries and e-mails, to a test SMTP server) on the same database
 * and queue prefix, and the built portal served by `vite preview`, which proxies /api to that API.
 */
export async function startStack(): Promise<Stack> {
  const queuePrefix = `sb-e2e-${uniqueSuffix()}`;
  const smtp = await new SmtpSink().start();
  const api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
  const stopped: Array<() => Promise<unknown>> = [() => smtp.stop(), () => api.stop()];
  const stop = async () => {
    for (const step of stopped.reverse()) await step().catch(() => undefined);
  };
  try {
    // The portal's port first: the worker writes its address into the links it e-mails.
    const port = await freePort();
    const worker = await startWorker({
      DATABASE_URL: api.database.url,
      QUEUE_PREFIX: queuePrefix,
      SMTP_URL: smtp.url,
      PORTAL_URL: `http://127.0.0.1:${port}`,
    });
    stopped.push(() => worker.stop());
    const portal = startProcess(
      'node_modules/vite/bin/vite.js',
      { API_URL: api.url.replace(/\/api\/v1$/, ''), NODE_ENV: 'production' },
      ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
      `${REPO_ROOT}/apps/portal`,
    );
    stopped.push(() => portal.stop());
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilUp(`${baseUrl}/login`, portal);
    return { baseUrl, api, smtp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
