// @ts-check
// Notifications end to end (bench/flows.mjs): raw BullMQ addBulk of 10^5 jobs (the ceiling); outbox
// rows inserted at once, timed until every inbox entry exists; then 100 events a second, with the
// delay from each outbox row to its inbox entry. The built worker delivers them.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../../scripts/lib/run.mjs';
import { int } from '../lib/report.mjs';
import { startWorker } from '../lib/stack.mjs';
import { delay, say } from './context.mjs';

const require = createRequire(import.meta.url);

/**
 * @param {import('./context.mjs').FlowsRun} run
 * @returns {Promise<import('./context.mjs').SectionResult>}
 */
export async function measureNotifications({ sizes, db, databaseUrl, redisUrl, prefix, logDir, children }) {
  /** @type {import('../lib/report.mjs').TableRow[]} */
  const rows = [];
  /** @type {Record<string, unknown>} */
  const figures = {};
  say('notifications: raw BullMQ addBulk ceiling');
  /** @type {typeof import('bullmq')} */
  const { Queue } = require(path.join(ROOT, 'node_modules/bullmq'));
  const scratch = new Queue(`ceiling-${prefix}`, { connection: { url: redisUrl }, prefix });
  const bulk = Array.from({ length: 100_000 }, (_, i) => ({ name: 'x', data: { i }, opts: { jobId: `x-${i}` } }));
  let t0 = performance.now();
  for (let i = 0; i < bulk.length; i += 1000) await scratch.addBulk(bulk.slice(i, i + 1000));
  const addBulkPerSecond = bulk.length / ((performance.now() - t0) / 1000);
  await scratch.obliterate({ force: true });
  await scratch.close();
  figures.addBulkPerSecond = addBulkPerSecond;

  /** @type {{ application_id: string, student_id: string }} */
  const { application_id, student_id } = (
    await db.query(
      `INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status)
       SELECT s.id, st.user_id, st.school_id, s.enterprise_id, 'submitted' FROM slots s, students st
        WHERE s.state = 'open' AND s.type = 'internship' LIMIT 1 RETURNING id AS application_id, student_id`,
    )
  ).rows[0];
  const { handle: worker } = await startWorker({ databaseUrl, redisUrl, prefix, logDir, env: { RELAY_IDLE_MS: '20' } });
  children.push(worker);

  /** @param {string} from  the first outbox event id of the batch (a bigint, as text) */
  const inboxCount = async (from) =>
    Number((await db.query(`SELECT count(*) AS n FROM notifications WHERE event_id >= $1`, [from])).rows[0].n);
  /** The id the next outbox event will get. @returns {Promise<string>} */
  const nextEventId = async () => (await db.query(`SELECT coalesce(max(id), 0) + 1 AS first FROM outbox_events`)).rows[0].first;
  for (const events of sizes.events) {
    say(`notifications: ${int(events)} events end to end`);
    const first = await nextEventId();
    t0 = performance.now();
    // application.submitted reaches the student's inbox only (by default): one delivery per event.
    await db.query(
      `INSERT INTO outbox_events (kind, subject_id, recipients) SELECT 'application.submitted', $1, ARRAY[$2::uuid] FROM generate_series(1, $3)`,
      [application_id, student_id, events],
    );
    while ((await inboxCount(first)) < events) await delay(100);
    const seconds = (performance.now() - t0) / 1000;
    figures[`deliveries_${events}`] = events / seconds;
    rows.push([
      `notifications: ${int(events)} outbox rows → inbox entries`,
      `${int(events / seconds)} deliveries/s (${seconds.toFixed(1)} s)`,
      `${int(addBulkPerSecond)} jobs/s raw BullMQ addBulk`,
      '≥ 2,000 deliveries/s',
      events / seconds >= 2000 ? '✅ met' : '❌ missed',
    ]);
  }

  say(`notifications: steady 100 events/s for ${sizes.steadySeconds} s`);
  const steadyFrom = await nextEventId();
  const total = 100 * sizes.steadySeconds;
  for (let tick = 0; tick < sizes.steadySeconds * 10; tick++) {
    const due = performance.now() + 100;
    await db.query(
      `INSERT INTO outbox_events (kind, subject_id, recipients) SELECT 'application.submitted', $1, ARRAY[$2::uuid] FROM generate_series(1, 10)`,
      [application_id, student_id],
    );
    await delay(Math.max(0, due - performance.now()));
  }
  while ((await inboxCount(steadyFrom)) < total) await delay(100);
  /** @type {Array<{ ms: string }>} */
  const lags = (
    await db.query(
      `SELECT extract(epoch FROM n.created_at - e.created_at) * 1000 AS ms
         FROM notifications n JOIN outbox_events e ON e.id = n.event_id WHERE e.id >= $1 ORDER BY 1`,
      [steadyFrom],
    )
  ).rows;
  /** @param {number} q */
  const p = (q) => Number(lags[Math.min(lags.length - 1, Math.ceil(q * lags.length) - 1)].ms);
  figures.steady = { p50: p(0.5), p95: p(0.95), p99: p(0.99) };
  rows.push([
    'notifications: enqueue → delivered at a steady 100 events/s',
    `p50 ${p(0.5).toFixed(0)} / p95 ${p(0.95).toFixed(0)} / p99 ${p(0.99).toFixed(0)} ms`,
    '—',
    'p95 ≤ 1 s',
    p(0.95) <= 1000 ? '✅ met' : '❌ missed',
  ]);
  await worker.stop();
  return { rows, figures };
}
