import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerConfig } from './config/worker.config';
import { WorkerModule } from './worker.module';

/** Boots the worker: a Nest application context (no HTTP API), its queues and its health endpoint. */
export async function createWorker(config: WorkerConfig, options: { logs?: boolean } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
