import { RunningProcess, freePort, startProcess, waitUntilUp } from './processes';

/** The built worker in a process of its own, as production runs it. */
export async function startWorker(env: Record<string, string | undefined>): Promise<RunningProcess & { healthUrl: string }> {
  const port = await freePort();
  const worker = startProcess('apps/worker/dist/main.js', {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    REDIS_URL: process.env.REDIS_URL,
    WORKER_HEALTH_PORT: String(port),
    RELAY_IDLE_MS: '50',
    ...env,
  });
  const healthUrl = `http://127.0.0.1:${port}/health`;
  await waitUntilUp(healthUrl, worker);
  return Object.assign(worker, { healthUrl });
}
