import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from '@skillbridge/jobs';

export const JOB_HANDLER = 'skillbridge:job-handler';

/** Marks a provider as the handler of one job name. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);

export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayloads[N], context: { jobId: string; attempt: number }): Promise<void>;
}
