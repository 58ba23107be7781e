import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import {
  JOB_NAMES,
  JOB_QUEUE,
  JobName,
  JobProducer,
  QUEUE_CONCURRENCY,
  QUEUE_LOCK_MS,
  SCHEDULES,
  ScheduledJobName,
  jobId,
  scheduledJob,
} from '@skillbridge/jobs';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { WorkerConfig } from '../config/worker.config';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { InjectRedis, checkEvictionPolicy } from '../redis.provider';
import { JOB_HANDLER, JobHandler } from './job-handler';
import { buildJobRegistry } from './job-registry';

/**
 * One BullMQ worker per queue, dispatching each job by name to its registered handler. Checks the
 * registry before taking any job, and closes gracefully (finishing jobs in hand) on shutdown.
 */
@Injectable()
export class QueueRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(QueueRuntime.name);
  private readonly workers: Worker[] = [];
  /** The worker's side of the shared producer: fan-out, deliveries and schedules enqueue through it. */
  readonly jobs: JobProducer;
  private registry = new Map<JobName, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly config: WorkerConfig,
    @InjectRedis() private readonly redis: Redis,
    private readonly metrics: WorkerMetrics,
  ) {
    this.jobs = new JobProducer({
      connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
      prefix: config.QUEUE_PREFIX,
      retryBaseMs: config.RETRY_BASE_MS,
    });
  }

  /** A bad registry stops the worker before it takes a single job. */
  checkRegistry(): void {
    const found = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance)
      .map((wrapper) => ({
        name: this.reflector.get<string | undefined>(JOB_HANDLER, wrapper.metatype as NonNullable<typeof wrapper.metatype>),
        handler: wrapper.instance as JobHandler,
      }))
      .filter((entry): entry is { name: string; handler: JobHandler } => entry.name !== undefined);
    this.registry = buildJobRegistry(JOB_NAMES, found);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.checkRegistry();
    await checkEvictionPolicy(this.redis, this.config.NODE_ENV === 'production');
    const connection = { url: this.config.REDIS_URL, maxRetriesPerRequest: null };
    // Open every queue now, so the metrics sample each one's depth from the start.
    for (const name of JOB_NAMES) this.jobs.queue(name);
    for (const queueName of new Set(Object.values(JOB_QUEUE))) {
      const worker = new Worker(queueName, (job) => this.dispatch(job), {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        concurrency: QUEUE_CONCURRENCY[queueName] ?? this.config.WORKER_CONCURRENCY,
        lockDuration: QUEUE_LOCK_MS[queueName],
        // Look for jobs of a dead worker as often as a hold lasts (BullMQ's default: every 30 s).
        stalledInterval: Math.min(QUEUE_LOCK_MS[queueName], 30_000),
      });
      worker.on('failed', (job, error) => this.logger.warn({ jobId: job?.id, name: job?.name, err: error }, 'job failed'));
      this.workers.push(worker);
    }
    // Job schedulers are idempotent: every worker may declare them.
    for (const [name, repeat] of Object.entries(SCHEDULES) as Array<[ScheduledJobName, (typeof SCHEDULES)[ScheduledJobName]]>) {
      await this.queue(name).upsertJobScheduler(
        jobId(name),
        name === 'imports.sweep' ? { every: this.config.IMPORT_SWEEP_EVERY_MS } : repeat,
        scheduledJob(name),
      );
    }
    this.logger.log(`taking jobs: ${JOB_NAMES.join(', ')}`);
  }

  running(): boolean {
    return this.workers.length > 0 && this.workers.every((worker) => worker.isRunning());
  }

  /** Every queue this worker opened (for the metrics' depth samples). */
  openQueues(): Queue[] {
    return this.jobs.openQueues();
  }

  queue(name: JobName): Queue {
    return this.jobs.queue(name);
  }

  private async dispatch(job: Job): Promise<void> {
    const handler = this.registry.get(job.name as JobName);
    // A job nobody handles is a deploy mismatch: fail it loudly rather than drop it.
    if (!handler) throw new Error(`no handler for job '${job.name}'`);
    const done = this.metrics.jobDuration.startTimer({ name: job.name });
    try {
      await handler.handle(job.data, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
      this.metrics.jobs.inc({ queue: job.queueName, name: job.name, outcome: 'completed' });
    } catch (error) {
      this.metrics.jobs.inc({ queue: job.queueName, name: job.name, outcome: 'failed' });
      throw error;
    } finally {
      done();
    }
  }

  /**
   * Jobs in hand finish before anything closes: Nest shuts the deepest modules first (the database's
   * among them), so the workers stop here, in the phase that runs before every module's shutdown.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`closing (${signal ?? 'shutdown'}): finishing the jobs in hand`);
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  /** The producer closes last: the outbox relay may enqueue until its own loop has stopped. */
  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close();
  }
}
