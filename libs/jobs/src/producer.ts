import { ConnectionOptions, Job, JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName, jobOptions } from './jobs';

export interface JobProducerOptions {
  connection: ConnectionOptions;
  prefix: string;
  /** First backoff of the jobs whose policy says `retry-base` (default one second). */
  retryBaseMs?: number;
}

/**
 * The one way to enqueue work, for the API and the worker alike: the job name fixes its queue
 * (JOB_QUEUE), its payload type (JobPayloads) and its retry policy (JOB_RETRY); the caller gives
 * only the payload and the deterministic id. Queues are opened on first use and closed together.
 */
export class JobProducer {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly options: JobProducerOptions) {}

  /** The queue a job goes to, opened on first use (the worker's schedulers and metrics read it too). */
  queue(name: JobName): Queue {
    const queueName = JOB_QUEUE[name];
    let queue = this.queues.get(queueName);
    if (!queue) {
      queue = new Queue(queueName, { connection: this.options.connection, prefix: this.options.prefix });
      this.queues.set(queueName, queue);
    }
    return queue;
  }

  /** Every queue opened so far. */
  openQueues(): Queue[] {
    return [...this.queues.values()];
  }

  optionsOf(name: JobName): JobsOptions {
    return jobOptions(name, this.options.retryBaseMs);
  }

  add<N extends JobName>(name: N, data: JobPayloads[N], jobId: string): Promise<Job> {
    return this.queue(name).add(name, data, { ...this.optionsOf(name), jobId });
  }

  /** Several jobs of one name in one round trip. */
  async addBulk<N extends JobName>(name: N, jobs: Array<{ data: JobPayloads[N]; jobId: string }>): Promise<void> {
    if (jobs.length === 0) return;
    const opts = this.optionsOf(name);
    await this.queue(name).addBulk(jobs.map(({ data, jobId }) => ({ name, data, opts: { ...opts, jobId } })));
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
