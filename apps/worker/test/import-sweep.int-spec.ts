import type { ImportView } from '@skillbridge/contracts';
import { QUEUES, jobId } from '@skillbridge/jobs';
import { Queue } from 'bullmq';
import { randomUUID } from 'crypto';
import { uniqueSuffix } from '../../../test/support/database';
import { STUDENT_HEADER, studentRows, toCsv } from '../../../test/support/import-files';
import { RunningProcess } from '../../../test/support/processes';
import { eventually } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

/**
 * Issue 13, "an import must always end": the worker killed in the middle of an import's COPY, the
 * sweep ending it `failed`, a late run of its job leaving it so, and the same file then imported
 * whole. The stale threshold is set small through the worker's configuration (10 minutes by default);
 * the import of 100,000 students outlasts it many times over, so only its heartbeat keeps it alive.
 */
describe('imports that cannot finish are ended: the sweep (integration: worker processes, PostgreSQL, Redis)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  const STALE_AFTER_MS = 2000;
  let api: TestApi;
  let worker: RunningProcess | undefined;
  let queue: Queue;
  let school: string;
  let schoolId: string;

  const workerEnv = () => ({
    DATABASE_URL: api.database.url,
    QUEUE_PREFIX: queuePrefix,
    IMPORT_STALE_AFTER_MS: String(STALE_AFTER_MS),
    IMPORT_SWEEP_EVERY_MS: '250',
  });

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
    queue = new Queue(QUEUES.imports, { connection: { url: process.env.REDIS_URL }, prefix: queuePrefix });
    school = await api.token(demo('school'));
    schoolId = await api.organisationOf(demo('school'));
  }, 60_000);
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await queue?.close();
    await api?.stop();
  });

  const upload = async (csv: string): Promise<ImportView> => {
    const form = new FormData();
    form.append('kind', 'students');
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'students.csv');
    const response = await fetch(`${api.url}/schools/${schoolId}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${school}` },
      body: form,
    });
    expect(response.status).toBe(202);
    return (await response.json()) as ImportView;
  };
  const view = async (id: string) => (await api.request<ImportView>('GET', `/imports/${id}`, { token: school })).body;
  const finished = (id: string) =>
    eventually(
      () => view(id),
      (v) => ['done', 'rejected', 'failed'].includes(v.status),
      180_000,
    );
  const count = async (sql: string, params: unknown[]): Promise<number> => (await api.db.query(sql, params))[0].n;
  const studentsTagged = (tag: string) =>
    count(`SELECT count(*)::int AS n FROM users u JOIN students s ON s.user_id = u.id WHERE u.email LIKE $1`, [
      `%.${tag}@import.example.cn`,
    ]);
  const usersTagged = (tag: string) => count(`SELECT count(*)::int AS n FROM users WHERE email LIKE $1`, [`%.${tag}@import.example.cn`]);

  it('kill -9 of the worker mid-COPY: the import ends failed (STALLED), nothing of it written; a late run of its job leaves it so; the same file then imports whole', async () => {
    const tag = uniqueSuffix();
    const csv = toCsv([STUDENT_HEADER, ...studentRows(100_000, tag)]);
    worker = await startWorker(workerEnv());
    const queued = await upload(csv);

    // Progress is written only from inside the COPY loop: once it moves, the COPY is under way.
    const copying = await eventually(
      () => view(queued.id),
      (v) => v.status !== 'queued' && v.processedRows > 0,
      120_000,
    );
    await worker.stop('SIGKILL');
    worker = undefined;
    expect(copying.status).toBe('validating');
    expect(['validating', 'importing']).toContain((await view(queued.id)).status);

    // A worker comes back (the dead one's hold on the job lasts minutes); its sweep ends the import.
    worker = await startWorker(workerEnv());
    const failed = await finished(queued.id);
    expect(failed).toMatchObject({ status: 'failed', failureReason: 'STALLED', importedRows: 0 });
    expect(failed.finishedAt).not.toBeNull();
    expect(await usersTagged(tag)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM account_activations WHERE import_id = $1`, [queued.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM imports WHERE id = $1 AND file IS NOT NULL`, [queued.id])).toBe(0);

    // The job run again (as BullMQ retries it once the dead worker's hold lapses): the import stays failed, nothing written.
    const late = await queue.add('import.run', { importId: queued.id }, { jobId: `late-${uniqueSuffix()}` });
    await eventually(
      () => late.getState(),
      (state) => state === 'completed' || state === 'failed',
      60_000,
    );
    expect(await view(queued.id)).toMatchObject({ status: 'failed', failureReason: 'STALLED', importedRows: 0 });
    expect(await usersTagged(tag)).toBe(0);

    // The same file again: written whole, though it runs for many times the stale threshold.
    const again = await upload(csv);
    const started = Date.now();
    const done = await finished(again.id);
    expect(done).toMatchObject({ status: 'done', importedRows: 100_000, failureReason: null });
    expect(Date.now() - started).toBeGreaterThan(STALE_AFTER_MS); // else the heartbeat was never needed
    expect(await studentsTagged(tag)).toBe(100_000);
  }, 400_000);

  it('an import ended while its runner is still at work (the sweep after a long pause) stays failed: the runner rolls back everything', async () => {
    worker ??= await startWorker(workerEnv());
    const tag = uniqueSuffix();
    const queued = await upload(toCsv([STUDENT_HEADER, ...studentRows(100_000, tag)]));
    await eventually(
      () => view(queued.id),
      (v) => v.status !== 'queued' && v.processedRows > 0,
      120_000,
    );
    // As the sweep would: the guarded UPDATE that ends an unfinished import.
    const [ended] = await api.db.query(
      `UPDATE imports SET status = 'failed', failure_reason = 'STALLED', failure = 'ended by the test', file = NULL, finished_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('validating', 'importing') RETURNING id`,
      [queued.id],
    );
    expect(ended).toHaveLength(1);
    // The runner finds out at its next guarded write and rolls back; the job ends and the import stays as the sweep left it.
    const job = await queue.getJob(jobId('import.run', queued.id));
    await eventually(
      () => job!.getState(),
      (state) => state === 'completed' || state === 'failed',
      120_000,
    );
    expect(await view(queued.id)).toMatchObject({ status: 'failed', failureReason: 'STALLED', importedRows: 0 });
    expect(await usersTagged(tag)).toBe(0);
  }, 300_000);

  it('an unfinished import whose job is gone from the queue is ended failed (JOB_LOST); one waiting its turn is left alone', async () => {
    worker ??= await startWorker(workerEnv());
    const [{ id: createdBy }] = await api.db.query(`SELECT id FROM users WHERE email = $1`, [demo('school')]);
    const insert = (status: string, id = randomUUID()) =>
      api.db
        .query(
          `INSERT INTO imports (id, kind, status, school_id, created_by, file_name, format, file, updated_at)
           VALUES ($1, 'students', $2, $3, $4, 'lost.csv', 'csv', '\\x00'::bytea, now() - interval '5 minutes')`,
          [id, status, schoolId, createdBy],
        )
        .then(() => id);
    // Waiting its turn: its job is in the queue first, delayed (as a retry waits out its backoff).
    const waiting = randomUUID();
    await queue.add('import.run', { importId: waiting }, { jobId: jobId('import.run', waiting), delay: 600_000 });
    await insert('queued', waiting);
    const lost = await insert('importing');
    const lostQueued = await insert('queued');

    expect(await finished(lost)).toMatchObject({ status: 'failed', failureReason: 'JOB_LOST' });
    expect(await finished(lostQueued)).toMatchObject({ status: 'failed', failureReason: 'JOB_LOST' });
    // The sweep that ended those looked at this one too (one query takes every quiet import).
    expect((await view(waiting)).status).toBe('queued');
    await (await queue.getJob(jobId('import.run', waiting)))?.remove();
  }, 60_000);
});
