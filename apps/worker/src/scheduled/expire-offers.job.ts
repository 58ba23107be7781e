import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { run } from '@skillbridge/db';
import { Clock } from '@skillbridge/domain';
import { recordEvent } from '@skillbridge/notifications';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { EXPIRE_OFFERS } from './scheduled.statements';

/** Offers not answered by their respond-by date become expired; both sides (and the school) are told. */
@Injectable()
@HandlesJob('offers.expire')
export class ExpireOffersJob implements JobHandler<'offers.expire'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    await this.db.transaction(async (tx) => {
      const expired = await run(tx, EXPIRE_OFFERS, [this.clock.today()]);
      for (const row of expired) {
        await recordEvent(tx, 'application.expired', row.id, { users: [row.student_id], adminsOf: [row.enterprise_id, row.school_id] });
      }
    });
  }
}
