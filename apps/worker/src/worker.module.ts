import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@skillbridge/db';
import { LoggerModule } from 'nestjs-pino';
import { WorkerConfig } from './config/worker.config';
import { HealthServer } from './health/health.server';
import { HeartbeatJob } from './jobs/heartbeat.job';
import { QueueRuntime } from './jobs/queue-runtime.service';

@Global()
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DiscoveryModule,
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, customProps: () => ({ service: 'worker' }) } }),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, { extra: { max: 5 } })),
      ],
      providers: [{ provide: WorkerConfig, useValue: config }, QueueRuntime, HealthServer, HeartbeatJob],
      exports: [WorkerConfig],
    };
  }
}
