import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@skillbridge/domain';
import { closeDueRounds } from '@skillbridge/match-rounds';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

/** Collecting ends at a round's preference deadline even if its owner does not close it. */
@Injectable()
@HandlesJob('match-rounds.close-due')
export class CloseDueRoundsJob implements JobHandler<'match-rounds.close-due'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    await closeDueRounds(this.db, this.clock.now());
  }
}
