import { createDataSource } from '@skillbridge/db';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { startProcess } from '../../../test/support/processes';
import { OwnRedis } from '../../../test/support/redis-server';
import { SmtpSink, eventually } from '../../../test/support/sinks';
import { startWorker } from '../../../test/support/test-worker';

describe('the worker and its Redis (integration: a redis-server of the test’s own)', () => {
  let database: TestDatabase;
  let db: DataSource;
  let smtp: SmtpSink;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await createDataSource(database.url, { extra: { max: 2 } }).initialize();
    smtp = await new SmtpSink().start();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
    await smtp.stop();
  });

  it('drill: Redis restarts in the middle of 1,000 events — every one is delivered, once per channel', async () => {
    const redis = await OwnRedis.start();
    const [{ id: applicationId, student_id: studentId }] = await db.query(
      `INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, respond_by)
       SELECT s.id, st.user_id, st.school_id, s.enterprise_id, 'offered', '2027-02-25'
         FROM slots s, students st WHERE s.state = 'open' AND s.type = 'internship' LIMIT 1
       RETURNING id, student_id`,
    );
    const inserted: Array<{ id: string }> = await db.query(
      `INSERT INTO outbox_events (kind, subject_id, recipients) SELECT 'application.offered', $1, ARRAY[$2::uuid] FROM generate_series(1, 1000) RETURNING id`,
      [applicationId, studentId],
    );
    const events = inserted.map((e) => e.id);
    const delivered = async (channel: string): Promise<number> =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM deliveries WHERE event_id = ANY($1::bigint[]) AND channel = $2 AND status = 'sent'`,
          [events, channel],
        )
      )[0].n;

    const worker = await startWorker({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'drill',
      SMTP_URL: smtp.url,
      RETRY_BASE_MS: '100',
      EMAILS_PER_HOUR: '100000',
    });
    try {
      await eventually(
        () => delivered('inbox'),
        (n) => n >= 200,
        60_000,
      );
      await redis.down('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await redis.up();

      await eventually(
        () => delivered('inbox'),
        (n) => n === 1000,
        120_000,
      );
      await eventually(
        () => delivered('email'),
        (n) => n === 1000,
        120_000,
      );
      const [{ entries, distinct }] = await db.query(
        `SELECT count(*)::int AS entries, count(DISTINCT event_id)::int AS distinct FROM notifications WHERE event_id = ANY($1::bigint[])`,
        [events],
      );
      expect({ entries, distinct }).toEqual({ entries: 1000, distinct: 1000 });
      const ids: Array<{ id: string }> = await db.query(
        `SELECT id FROM deliveries WHERE event_id = ANY($1::bigint[]) AND channel = 'email'`,
        [events],
      );
      const arrived = smtp.uniqueIds();
      expect(ids.filter((d) => !arrived.has(`<delivery-${d.id}@skillbridge>`))).toEqual([]);
    } finally {
      await worker.stop('SIGKILL');
      await redis.down();
    }
  }, 300_000);

  it('refuses to start in production on a Redis that may evict queued jobs', async () => {
    const redis = await OwnRedis.start(['--maxmemory', '100mb', '--maxmemory-policy', 'allkeys-lru']);
    try {
      const worker = startProcess('apps/worker/dist/main.js', {
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        WORKER_HEALTH_PORT: '0',
        LOG_LEVEL: 'warn',
      });
      expect(await worker.stop('SIGCONT')).toBe(1);
      expect(worker.output()).toContain("Redis maxmemory-policy is 'allkeys-lru'");
    } finally {
      await redis.down();
    }
  });
});
