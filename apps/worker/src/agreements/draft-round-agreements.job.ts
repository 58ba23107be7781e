import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DRAFTING_BATCH, draftRoundBatch } from '@skillbridge/agreements';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

/**
 * Drafts a large published round's agreements in batches, each batch its own transaction, so that the round's
 * progress (GET /match-rounds/:id `agreementDrafting`) moves as it goes and a retry goes on from where it stopped.
 */
@Injectable()
@HandlesJob('agreements.draft-round')
export class DraftRoundAgreementsJob implements JobHandler<'agreements.draft-round'> {
  private readonly logger = new Logger(DraftRoundAgreementsJob.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async handle({ roundId }: { roundId: string }): Promise<void> {
    let drafted = 0;
    for (;;) {
      const batch = await this.db.transaction((tx) => draftRoundBatch(tx, roundId, DRAFTING_BATCH));
      if (batch === 0) break;
      drafted += batch;
    }
    this.logger.log({ roundId, drafted }, 'round agreements drafted');
  }
}
