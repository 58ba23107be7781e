import { runOne } from '@skillbridge/db';
import { Queue } from 'bullmq';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { OUTBOX_BACKLOG } from './metrics.statements';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
const READ_TIMEOUT_MS = 3000;

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });

interface OutboxBacklog {
  unpublished: number;
  oldestAgeSeconds: number;
}

interface Sample {
  queues: Array<{ queue: string; counts: Record<string, number> }>;
  outbox: OutboxBacklog;
}

/** The outbox's backlog as the sampler reports it. */
export async function readOutboxBacklog(db: DataSource): Promise<OutboxBacklog> {
  const row = await runOne(db, OUTBOX_BACKLOG, []);
  return { unpublished: row?.unpublished ?? 0, oldestAgeSeconds: row?.oldest ?? 0 };
}

/**
 * Queue depths and the outbox backlog, read at most once per `maxAgeMs` however often (or however
 * many scrapers) ask: a scrape within that window gets the last sample, and concurrent scrapes share
 * one read. Every replica reports the same shared numbers: aggregate with max(), not sum(). When a
 * read fails (Redis or PostgreSQL down) the last sample stays, and its age says how stale it is.
 */
export class BacklogSampler {
  last?: { at: number; sample: Sample };
  private inFlight?: Promise<Sample>;

  constructor(
    private readonly queues: () => Queue[],
    private readonly readOutbox: () => Promise<OutboxBacklog>,
    private readonly maxAgeMs: number,
  ) {}

  register(registry: Registry): void {
    // Each gauge's collect() runs with the gauge as `this`: these two reach the sampler.
    const takeSample = () => this.sample();
    const lastSampledAt = () => this.last?.at;
    new Gauge({
      name: 'skillbridge_queue_jobs',
      help: 'Jobs in each BullMQ queue by state (waiting, active, delayed, failed), sampled.',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        const sample = await takeSample();
        if (!sample) return;
        this.reset();
        for (const { queue, counts } of sample.queues) for (const state of STATES) this.set({ queue, state }, counts[state] ?? 0);
      },
    });
    new Gauge({
      name: 'skillbridge_outbox_unpublished',
      help: 'Outbox events not yet relayed to the queue, sampled.',
      registers: [registry],
      async collect() {
        const sample = await takeSample();
        if (sample) this.set(sample.outbox.unpublished);
      },
    });
    new Gauge({
      name: 'skillbridge_outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest outbox event not yet relayed (0 when none), sampled.',
      registers: [registry],
      async collect() {
        const sample = await takeSample();
        if (sample) this.set(sample.outbox.oldestAgeSeconds);
      },
    });
    new Gauge({
      name: 'skillbridge_backlog_sample_age_seconds',
      help: 'Age of the queue and outbox sample above; it grows while reads fail.',
      registers: [registry],
      collect() {
        const at = lastSampledAt();
        if (at !== undefined) this.set((Date.now() - at) / 1000);
      },
    });
  }

  async sample(): Promise<Sample | undefined> {
    if (this.last && Date.now() - this.last.at < this.maxAgeMs) return this.last.sample;
    // Bounded: the queues' connections wait out a Redis outage rather than fail, a scrape must not.
    this.inFlight ??= withTimeout(this.read(), READ_TIMEOUT_MS)
      .then((sample) => {
        this.last = { at: Date.now(), sample };
        return sample;
      })
      .finally(() => (this.inFlight = undefined));
    return this.inFlight.catch(() => this.last?.sample);
  }

  private async read(): Promise<Sample> {
    const [queues, outbox] = await Promise.all([
      Promise.all(this.queues().map(async (queue) => ({ queue: queue.name, counts: await queue.getJobCounts(...STATES) }))),
      this.readOutbox(),
    ]);
    return { queues, outbox };
  }
}
