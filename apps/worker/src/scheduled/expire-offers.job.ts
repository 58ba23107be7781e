import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { recordEvent } from '@skillbridge/db';
import { Clock } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

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
      const [expired]: [Array<{ id: string; student_id: string; enterprise_id: string; school_id: string }>] = await tx.query(
        `UPDATE applications SET status = 'expired', decided_at = now(), updated_at = now()
          WHERE status = 'offered' AND respond_by < $1
          RETURNING id, student_id, enterprise_id, school_id`,
        [this.clock.today()],
      );
      for (const row of expired) {
        await recordEvent(tx, 'application.expired', row.id, { users: [row.student_id], adminsOf: [row.enterprise_id, row.school_id] });
      }
    });
  }
}
