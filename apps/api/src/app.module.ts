import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@skillbridge/db';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'crypto';
import type { IncomingMessage } from 'http';
import { AgreementsModule } from './agreements/agreements.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { AppConfig } from './config/app.config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { MajorsModule } from './majors/majors.module';
import { MarketplaceModule } from './marketplace.module';
import { MatchRoundsModule } from './match-rounds/match-rounds.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PracticeModule } from './practice/practice.module';
import { QuotasModule } from './quotas/quotas.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { JobsModule } from './jobs/jobs.module';
import { RedisModule } from './redis/redis.module';
import { RulesModule } from './rules/rules.module';
import { PoliciesModule } from './policies/policies.module';

/** Fastify gives every request its id (see app.factory.ts); the log lines carry it. */
const requestId = (request: IncomingMessage & { id?: string }): string => request.id ?? randomUUID();

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: requestId,
            customProps: () => ({ service: 'api' }),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (request) => /^\/(api\/v1\/health|metrics)/.test(request.url ?? '') },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL)),
        RedisModule,
        JobsModule,
        RulesModule,
        PoliciesModule,
        AuthModule,
        OrganisationsModule,
        MajorsModule,
        MarketplaceModule,
        AgreementsModule,
        NotificationsModule,
        PracticeModule,
        QuotasModule,
        MatchRoundsModule,
        AuditModule,
        ImportsModule,
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
