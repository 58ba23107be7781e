import 'reflect-metadata';
import { ConfigError, loadWorkerConfig } from './config/worker.config';
import { JobRegistryError } from './jobs/job-registry';
import { createWorker } from './worker.factory';

createWorker(loadWorkerConfig()).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof JobRegistryError ? error.message : error);
  process.exit(1);
});
