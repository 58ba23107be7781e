import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportStatus, UNFINISHED_IMPORT_STATUSES, run } from '@skillbridge/db';
import { jobId } from '@skillbridge/jobs';
import { DataSource } from 'typeorm';
import { WorkerConfig } from '../config/worker.config';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { QueueRuntime } from '../jobs/queue-runtime.service';
import { END_QUIET_IMPORT, QUIET_IMPORTS } from './imports.statements';
import { Verdict, sweepVerdict } from './sweep-verdict';

/**
 * An unfinished import is looked at (its job asked for) once it has been quiet this long: long
 * enough for the API to queue a new import's job after saving it, short enough that a job Redis
 * lost is noticed within a minute or two rather than at the stale threshold.
 */
const JOB_LOOKUP_AFTER_MS = 60_000;
/** Imports looked at per run; the rest wait for the next run (there are never many). */
const BATCH = 500;

const UNFINISHED = [...UNFINISHED_IMPORT_STATUSES];

/**
 * No import stays unfinished for ever. An import whose runner has recorded no progress for
 * IMPORT_STALE_AFTER_MS (its worker was killed, or hangs) is ended `failed` (STALLED); one whose
 * BullMQ job is gone (Redis lost it, or it ended without finishing the import) is ended `failed`
 * (JOB_LOST). Only a queued import whose job still waits for a worker is left alone: it will run.
 * Each end is one guarded UPDATE that re-checks the import is still unfinished and still quiet, so a
 * runner that has just taken it up again (a BullMQ retry) or is committing it is never overruled;
 * and a runner that comes back later finds it `failed` and stops (ImportRunner guards every status).
 */
@Injectable()
@HandlesJob('imports.sweep')
export class SweepImportsJob implements JobHandler<'imports.sweep'> {
  private readonly logger = new Logger(SweepImportsJob.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runtime: QueueRuntime,
    private readonly config: WorkerConfig,
  ) {}

  async handle(): Promise<void> {
    const staleMs = this.config.IMPORT_STALE_AFTER_MS;
    const lookupMs = Math.min(staleMs, JOB_LOOKUP_AFTER_MS);
    const quiet = await run(this.db, QUIET_IMPORTS, [lookupMs, staleMs, UNFINISHED, BATCH]);
    for (const row of quiet) {
      const verdict = await this.verdict(row, staleMs, lookupMs);
      if (verdict) await this.end(row.id, verdict);
    }
  }

  private async verdict(row: { id: string; status: ImportStatus; stale: boolean }, staleMs: number, lookupMs: number): Promise<Verdict> {
    const job = await this.runtime.queue('import.run').getJob(jobId('import.run', row.id));
    return sweepVerdict(row, job ? await job.getState() : 'unknown', { staleMs, lookupMs });
  }

  private async end(importId: string, { reason, quietMs }: NonNullable<Verdict>): Promise<void> {
    const failure = reason === 'STALLED' ? `no progress for ${Math.round(quietMs / 1000)} s` : 'its job is gone from the queue';
    const ended = await run(this.db, END_QUIET_IMPORT, [importId, reason, failure, quietMs, UNFINISHED]);
    if (ended.length) this.logger.warn({ importId, reason }, 'unfinished import ended failed');
  }
}
