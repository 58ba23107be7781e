import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@skillbridge/db';
import { LoggerModule } from 'nestjs-pino';
import { ClockBinding, clockProvider } from './config/clock.provider';
import { WorkerConfig } from './config/worker.config';
import { HealthServer } from './health/health.server';
import { WorkerMetrics } from './metrics/worker-metrics';
import { SendPasswordResetJob } from './accounts/send-password-reset.job';
import { DraftRoundAgreementsJob } from './agreements/draft-round-agreements.job';
import { SendGuardianLinkJob } from './agreements/send-guardian-link.job';
import { SendSigningCodeJob } from './agreements/send-signing-code.job';
import { SendRegistrationJob } from './accounts/send-registration.job';
import { HeartbeatJob } from './jobs/heartbeat.job';
import { ImportRunner } from './imports/import-runner.service';
import { RunImportJob } from './imports/run-import.job';
import { SweepImportsJob } from './imports/sweep-imports.job';
import { QueueRuntime } from './jobs/queue-runtime.service';
import { EmailChannel } from './channels/email.channel';
import { WebhookChannel } from './channels/webhook.channel';
import { DeliverNotificationJob } from './notifications/deliver-notification.job';
import { FanOutNotificationsJob } from './notifications/fan-out-notifications.job';
import { OutboxRelay } from './notifications/outbox-relay.service';
import { CloseDueRoundsJob } from './matching/close-due-rounds.job';
import { RunMatchRoundJob } from './matching/run-match-round.job';
import { RedisCloser, redisProvider } from './redis.provider';
import { ExpireOffersJob } from './scheduled/expire-offers.job';
import { RefreshHostedJob } from './scheduled/refresh-hosted.job';
import { SendDigestJob } from './scheduled/send-digest.job';
import { SendRemindersJob } from './scheduled/send-reminders.job';

@Global()
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DiscoveryModule,
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, customProps: () => ({ service: 'worker' }) } }),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, { extra: { max: config.WORKER_DB_POOL } })),
      ],
      providers: [
        { provide: WorkerConfig, useValue: config },
        clockProvider,
        ClockBinding,
        redisProvider,
        RedisCloser,
        WorkerMetrics,
        QueueRuntime,
        OutboxRelay,
        HealthServer,
        EmailChannel,
        WebhookChannel,
        HeartbeatJob,
        DeliverNotificationJob,
        FanOutNotificationsJob,
        ExpireOffersJob,
        RefreshHostedJob,
        SendRemindersJob,
        SendDigestJob,
        ImportRunner,
        RunImportJob,
        SweepImportsJob,
        RunMatchRoundJob,
        CloseDueRoundsJob,
        SendPasswordResetJob,
        SendRegistrationJob,
        SendGuardianLinkJob,
        SendSigningCodeJob,
        DraftRoundAgreementsJob,
      ],
      exports: [WorkerConfig],
    };
  }
}
