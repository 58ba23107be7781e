import { createTestDatabase, TestDatabase, uniqueSuffix } from '../../../test/support/database';
import { freePort, startProcess, waitUntilUp } from '../../../test/support/processes';

interface WorkerHealth {
  status: string;
  postgres: boolean;
  redis: boolean;
  queues: boolean;
  lastHeartbeatAt: string | null;
}

describe('the worker process (integration: real PostgreSQL and Redis)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const env = (port: number) => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: `sb-test-${uniqueSuffix()}`,
    WORKER_HEALTH_PORT: String(port),
  });

  it('boots, runs its first job through Redis, reports healthy, and stops gracefully on SIGTERM', async () => {
    const port = await freePort();
    const worker = startProcess('apps/worker/dist/main.js', env(port));
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/health`, worker);
      let health: WorkerHealth | undefined;
      for (let i = 0; i < 50 && !health?.lastHeartbeatAt; i++) {
        health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as WorkerHealth;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(health).toMatchObject({ status: 'ok', postgres: true, redis: true, queues: true });
      expect(health?.lastHeartbeatAt).not.toBeNull();
    } finally {
      const code = await worker.stop('SIGTERM');
      // What the worker printed, when it did not close cleanly.
      expect({ code, output: code === 0 ? '' : worker.output() }).toEqual({ code: 0, output: '' });
    }
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('refuses to start with a malformed REDIS_URL, naming it and printing no secret', async () => {
    const worker = startProcess('apps/worker/dist/main.js', {
      ...env(await freePort()),
      REDIS_URL: 'http://not-redis',
      DATABASE_URL: 'postgres://user:very-secret@127.0.0.1:1/x',
    });
    expect(await worker.stop('SIGCONT')).toBe(1);
    expect(worker.output()).toContain('Invalid configuration: REDIS_URL');
    expect(worker.output()).not.toContain('very-secret');
  });
});
