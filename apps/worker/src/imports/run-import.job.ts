import { Injectable } from '@nestjs/common';
import { IMPORT_ATTEMPTS } from '@skillbridge/jobs';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { ImportRunner } from './import-runner.service';

/** Runs one bulk import by id (the file is in PostgreSQL: any worker replica can take it). */
@Injectable()
@HandlesJob('import.run')
export class RunImportJob implements JobHandler<'import.run'> {
  constructor(private readonly runner: ImportRunner) {}

  handle(payload: { importId: string }, context: { attempt: number }): Promise<void> {
    return this.runner.run(payload.importId, context.attempt >= IMPORT_ATTEMPTS);
  }
}
