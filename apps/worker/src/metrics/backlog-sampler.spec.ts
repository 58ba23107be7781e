import type { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { BacklogSampler } from './backlog-sampler';

/** Fakes that count their reads: one queue, and the outbox's backlog. */
function fakes(options: { fail?: () => boolean } = {}) {
  const reads = { queue: 0, db: 0 };
  const queue = {
    name: 'notifications',
    getJobCounts: async () => {
      reads.queue++;
      if (options.fail?.()) throw new Error('redis down');
      return { waiting: 7, active: 2, delayed: 1, failed: 0 };
    },
  } as unknown as Queue;
  const db = async () => {
    reads.db++;
    return { unpublished: 3, oldestAgeSeconds: 12.5 };
  };
  return { reads, queue, db };
}

describe('BacklogSampler', () => {
  it('exposes queue depths by state and the outbox backlog', async () => {
    const { queue, db } = fakes();
    const registry = new Registry();
    new BacklogSampler(() => [queue], db, 1000).register(registry);
    const text = await registry.metrics();
    expect(text).toContain('skillbridge_queue_jobs{queue="notifications",state="waiting"} 7');
    expect(text).toContain('skillbridge_queue_jobs{queue="notifications",state="active"} 2');
    expect(text).toContain('skillbridge_outbox_unpublished 3');
    expect(text).toContain('skillbridge_outbox_oldest_unpublished_age_seconds 12.5');
  });

  it('reads once however many scrapes arrive within the sampling interval, concurrent ones included', async () => {
    const { reads, queue, db } = fakes();
    const registry = new Registry();
    new BacklogSampler(() => [queue], db, 60_000).register(registry);
    await Promise.all(Array.from({ length: 20 }, () => registry.metrics()));
    await registry.metrics();
    expect(reads).toEqual({ queue: 1, db: 1 });
  });

  it('reads again once the sample is older than the interval', async () => {
    const { reads, queue, db } = fakes();
    const sut = new BacklogSampler(() => [queue], db, 500);
    await sut.sample();
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 600);
    await sut.sample();
    jest.restoreAllMocks();
    expect(reads.db).toBe(2);
  });

  it('keeps the last sample when a read fails, and the scrape still succeeds', async () => {
    let failing = false;
    const { queue, db } = fakes({ fail: () => failing });
    const registry = new Registry();
    const sut = new BacklogSampler(() => [queue], db, 500);
    sut.register(registry);
    await registry.metrics();
    failing = true;
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 10_000);
    const text = await registry.metrics();
    jest.restoreAllMocks();
    expect(text).toContain('skillbridge_queue_jobs{queue="notifications",state="waiting"} 7');
    expect(text).toMatch(/skillbridge_backlog_sample_age_seconds (9|10)\.\d+|skillbridge_backlog_sample_age_seconds 10/);
  });
});
