import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runMatchRound } from '@skillbridge/match-rounds';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

/** Runs a match round (deferred acceptance, audit, stored run); a repeated or stale request is skipped. */
@Injectable()
@HandlesJob('match.run')
export class RunMatchRoundJob implements JobHandler<'match.run'> {
  private readonly logger = new Logger(RunMatchRoundJob.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async handle({ roundId, request }: { roundId: string; request: number }): Promise<void> {
    const runId = await runMatchRound(this.db, roundId, request);
    this.logger.log({ roundId, request, runId }, runId ? 'match round ran' : 'match round run skipped');
  }
}
