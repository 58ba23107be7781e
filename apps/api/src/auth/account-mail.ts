import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobPayloads, QUEUES, jobId } from '@skillbridge/db';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app.config';

/** The jobs that e-mail a one-time link (or say why there is none) straight to an address. */
export type AccountMailJob = 'password-reset.send' | 'registration.send';

/**
 * Queues the e-mails that carry a one-time link: the API never makes the link's secret nor looks up
 * whether the e-mail has an account (its answer and its time would say so); the worker does both
 * and sends straight over SMTP.
 */
@Injectable()
export class AccountMail implements OnApplicationShutdown {
  private queue?: Queue;

  constructor(private readonly config: AppConfig) {}

  async queueSend<N extends AccountMailJob>(name: N, id: string, payload: JobPayloads[N]): Promise<void> {
    this.queue ??= new Queue(QUEUES.notifications, { connection: { url: this.config.REDIS_URL }, prefix: this.config.QUEUE_PREFIX });
    // A link is only worth its life: a job that has failed for a day is dropped.
    await this.queue.add(name, payload, { jobId: jobId(name, id), attempts: 8, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: { age: 86_400 } });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}
