// First: tracing (when configured) patches pg and ioredis before anything loads them.
import { shutdownTracing } from './telemetry/tracing';
import 'reflect-metadata';
import { ConfigError, loadWorkerConfig } from './config/worker.config';
import { JobRegistryError } from './jobs/job-registry';
import { createWorker } from './worker.factory';

async function main(): Promise<void> {
  const worker = await createWorker(loadWorkerConfig());
  // SIGTERM/SIGINT close the queues gracefully: jobs in hand finish, none is taken after; exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(
      signal,
      () =>
        void worker
          .close()
          .then(shutdownTracing)
          .then(
            () => process.exit(0),
            (error: unknown) => {
              console.error('the worker did not close cleanly:', error);
              process.exit(1);
            },
          ),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof JobRegistryError ? error.message : error);
  process.exit(1);
});
