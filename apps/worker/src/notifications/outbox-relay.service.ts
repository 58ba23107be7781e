import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { run, runCount } from '@skillbridge/db';
import { jobId } from '@skillbridge/jobs';
import { DataSource } from 'typeorm';
import { WorkerConfig } from '../config/worker.config';
import { QueueRuntime } from '../jobs/queue-runtime.service';
import { CLAIM_UNPUBLISHED, MARK_PUBLISHED } from './notifications.statements';

/**
 * Moves events from the outbox to the queue. Claims a batch with FOR UPDATE SKIP LOCKED (so
 * several workers share the work), enqueues fan-out jobs with ids derived from their events, and
 * marks the rows published in the same transaction. A relay that dies after enqueuing but before
 * committing leaves the rows to be claimed again; the job ids (and, should the batch come out cut
 * differently, the deliveries' unique key) make that a no-op.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runtime: QueueRuntime,
    private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops before the database and the producer close (they close in the shutdown phase after this one). */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** One round: how many events were relayed. */
  async relayBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const events = await run(tx, CLAIM_UNPUBLISHED, [this.config.RELAY_BATCH]);
      if (events.length === 0) return 0;
      // Fan-out jobs of a bounded size, so that several run side by side; ids from their events.
      const jobs = [];
      for (let i = 0; i < events.length; i += FANOUT_SIZE) {
        const eventIds = events.slice(i, i + FANOUT_SIZE).map((e) => String(e.id));
        jobs.push({ data: { eventIds }, jobId: jobId('notification.fanout', eventIds[0], eventIds[eventIds.length - 1]) });
      }
      await this.runtime.jobs.addBulk('notification.fanout', jobs);
      await runCount(tx, MARK_PUBLISHED, [events.map((e) => e.id)]);
      return events.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let relayed = 0;
      try {
        relayed = await this.relayBatch();
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox relay round failed; retrying');
        await sleep(1000);
      }
      if (relayed < this.config.RELAY_BATCH) await sleep(this.config.RELAY_IDLE_MS);
    }
  }
}

/** Events per fan-out job. */
const FANOUT_SIZE = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
