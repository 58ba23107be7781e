import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@skillbridge/domain';
import { hostedChangesOn, refreshQuotas, rulesForYear } from '@skillbridge/quotas';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

/**
 * domain.md §3: a day not yet lived never counts. Hosted is stored in quota_years and refreshed by
 * every placement change; what moves with the date alone — a placement running into a new year
 * counts for it from 1 January — is refreshed here each local midnight (and, on a late or missed
 * run, for the week before: refreshing is idempotent).
 */
@Injectable()
@HandlesJob('quotas.refresh-hosted')
export class RefreshHostedJob implements JobHandler<'quotas.refresh-hosted'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const today = this.clock.today();
    await this.db.transaction(async (tx) => {
      const enterprises = await hostedChangesOn(tx, today);
      if (enterprises.length) await refreshQuotas(tx, await rulesForYear(this.db, Number(today.slice(0, 4))), enterprises, today);
    });
  }
}
