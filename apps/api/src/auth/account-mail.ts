import { Injectable } from '@nestjs/common';
import { JobPayloads, JobProducer, jobId } from '@skillbridge/jobs';

/** The jobs that e-mail a one-time link (or say why there is none) straight to an address. */
export type AccountMailJob = 'password-reset.send' | 'registration.send';

/**
 * Queues the e-mails that carry a one-time link: the API never makes the link's secret nor looks up
 * whether the e-mail has an account (its answer and its time would say so); the worker does both
 * and sends straight over SMTP. Retries follow the jobs' policy (JOB_RETRY): a link is only worth its life.
 */
@Injectable()
export class AccountMail {
  constructor(private readonly jobs: JobProducer) {}

  async queueSend<N extends AccountMailJob>(name: N, id: string, payload: JobPayloads[N]): Promise<void> {
    await this.jobs.add(name, payload, jobId(name, id));
  }
}
