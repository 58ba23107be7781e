import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runOne } from '@skillbridge/db';
import { DataSource } from 'typeorm';
import { PING } from '../health/health.statements';
import { HandlesJob, JobHandler } from './job-handler';

/** Proves end to end that jobs flow: Redis → worker → PostgreSQL. The health endpoint reads the time. */
@Injectable()
@HandlesJob('system.heartbeat')
export class HeartbeatJob implements JobHandler<'system.heartbeat'> {
  lastBeatAt: Date | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async handle(): Promise<void> {
    await runOne(this.db, PING, []);
    this.lastBeatAt = new Date();
  }
}
