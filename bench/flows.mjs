// `npm run bench` (second part): notifications end to end, teacher practice bookings and
// compliance, and the bureaus' quota queries — each figure beside its ceiling measured in the same
// run. Writes bench/results/<date>-flows.md and .json. `--quick` for smaller sizes.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import pg from 'pg';
import { DATA, ROOT, buildAll } from '../scripts/lib/run.mjs';
import { runLoad } from './lib/load.mjs';
import { benchServices, freshDatabase, startApi, startWorker } from './lib/stack.mjs';
import { latency, markdownTable, shareTable, textTable, int } from './lib/report.mjs';
import { tokenMinter } from './lib/tokens.mjs';

const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const SIZES = quick
  ? { events: [2_000, 10_000], steadySeconds: 10, teachers: 5_000, schools: 50, bookers: 500, enterprises: 10_000 }
  : { events: [10_000, 100_000], steadySeconds: 20, teachers: 50_000, schools: 500, bookers: 2_000, enterprises: 100_000 };
// `--only notifications,practice,quotas` runs some sections; all by default.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? ['notifications', 'practice', 'quotas'];
// `--keep` leaves the benchmark's database behind (its URL is printed) for EXPLAIN ANALYZE afterwards.
const keep = process.argv.includes('--keep');
const say = (message) => process.stdout.write(`▸ ${message}\n`);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rows = [];
const figures = {};

const { postgres, redis, children, cleanup } = await benchServices('flows');

try {
  say('building');
  buildAll();
  const database = await freshDatabase(postgres.url, 'flows');
  if (keep) say(`keeping the database: ${database.url} (drop it with DROP DATABASE ${database.name})`);
  else children.push({ stop: database.drop });
  const databaseUrl = database.url;
  const db = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  db.on('error', (error) => say(`PostgreSQL dropped an idle connection: ${error.message}`));
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const secret = randomBytes(24).toString('hex');
  const mint = tokenMinter(secret);
  const logDir = path.join(DATA, 'bench-flows');
  fs.mkdirSync(logDir, { recursive: true });

  // ——— 1. Notifications: outbox row → in-app delivery ———
  if (only.includes('notifications')) {
  say('notifications: raw BullMQ addBulk ceiling');
  const { Queue } = require(path.join(ROOT, 'node_modules/bullmq'));
  const scratch = new Queue(`ceiling-${prefix}`, { connection: { url: redis.url }, prefix });
  const bulk = Array.from({ length: 100_000 }, (_, i) => ({ name: 'x', data: { i }, opts: { jobId: `x-${i}` } }));
  let t0 = performance.now();
  for (let i = 0; i < bulk.length; i += 1000) await scratch.addBulk(bulk.slice(i, i + 1000));
  const addBulkPerSecond = bulk.length / ((performance.now() - t0) / 1000);
  await scratch.obliterate({ force: true });
  await scratch.close();
  figures.addBulkPerSecond = addBulkPerSecond;

  const [{ application_id, student_id }] = (
    await db.query(
      `INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status)
       SELECT s.id, st.user_id, st.school_id, s.enterprise_id, 'submitted' FROM slots s, students st
        WHERE s.state = 'open' AND s.type = 'internship' LIMIT 1 RETURNING id AS application_id, student_id`,
    )
  ).rows;
  const { handle: worker } = await startWorker({ databaseUrl, redisUrl: redis.url, prefix, logDir, env: { RELAY_IDLE_MS: '20' } });
  children.push(worker);

  const inboxCount = async (from) => Number((await db.query(`SELECT count(*) AS n FROM notifications WHERE event_id >= $1`, [from])).rows[0].n);
  for (const events of SIZES.events) {
    say(`notifications: ${int(events)} events end to end`);
    const { rows: [{ first }] } = await db.query(`SELECT coalesce(max(id), 0) + 1 AS first FROM outbox_events`);
    t0 = performance.now();
    // application.submitted reaches the student's inbox only (by default): one delivery per event.
    await db.query(`INSERT INTO outbox_events (kind, subject_id, recipients) SELECT 'application.submitted', $1, ARRAY[$2::uuid] FROM generate_series(1, $3)`, [application_id, student_id, events]);
    while ((await inboxCount(first)) < events) await delay(100);
    const seconds = (performance.now() - t0) / 1000;
    figures[`deliveries_${events}`] = events / seconds;
    rows.push([`notifications: ${int(events)} outbox rows → inbox entries`, `${int(events / seconds)} deliveries/s (${seconds.toFixed(1)} s)`, `${int(addBulkPerSecond)} jobs/s raw BullMQ addBulk`, '≥ 2,000 deliveries/s', events / seconds >= 2000 ? '✅ met' : '❌ missed']);
  }

  say(`notifications: steady 100 events/s for ${SIZES.steadySeconds} s`);
  const { rows: [{ first: steadyFrom }] } = await db.query(`SELECT coalesce(max(id), 0) + 1 AS first FROM outbox_events`);
  const total = 100 * SIZES.steadySeconds;
  for (let tick = 0; tick < SIZES.steadySeconds * 10; tick++) {
    const due = performance.now() + 100;
    await db.query(`INSERT INTO outbox_events (kind, subject_id, recipients) SELECT 'application.submitted', $1, ARRAY[$2::uuid] FROM generate_series(1, 10)`, [application_id, student_id]);
    await delay(Math.max(0, due - performance.now()));
  }
  while ((await inboxCount(steadyFrom)) < total) await delay(100);
  const { rows: lags } = await db.query(
    `SELECT extract(epoch FROM n.created_at - e.created_at) * 1000 AS ms FROM notifications n JOIN outbox_events e ON e.id = n.event_id WHERE e.id >= $1 ORDER BY 1`,
    [steadyFrom],
  );
  const p = (q) => Number(lags[Math.min(lags.length - 1, Math.ceil(q * lags.length) - 1)].ms);
  figures.steady = { p50: p(0.5), p95: p(0.95), p99: p(0.99) };
  rows.push(['notifications: enqueue → delivered at a steady 100 events/s', `p50 ${p(0.5).toFixed(0)} / p95 ${p(0.95).toFixed(0)} / p99 ${p(0.99).toFixed(0)} ms`, '—', 'p95 ≤ 1 s', p(0.95) <= 1000 ? '✅ met' : '❌ missed']);
  await worker.stop();
  }

  // ——— the API for the rest ———
  const { handle: api, port: apiPort, base } = await startApi({ databaseUrl, redisUrl: redis.url, prefix, secret, logDir });
  children.push(api);

  // ——— 2. Teacher practice ———
  if (only.includes('practice')) {
  say(`practice: ${int(SIZES.teachers)} teachers in ${SIZES.schools} schools`);
  await db.query(`INSERT INTO organisations (id, kind, name, district, school_level, verification) SELECT md5('bench-school-' || n)::uuid, 'school', '基准学校' || n, '城关区', 'higher', 'verified' FROM generate_series(1, $1) n`, [SIZES.schools]);
  await db.query(
    `WITH u AS (INSERT INTO users (id, email, password_hash, name, role, organisation_id)
                SELECT md5('bench-teacher-' || n)::uuid, 'bench-teacher-' || n || '@example.cn', 'x', '教师' || n, 'teacher', md5('bench-school-' || (1 + n % $2))::uuid FROM generate_series(1, $1) n RETURNING id, organisation_id)
     INSERT INTO teachers (user_id, school_id, specialty, specialty_course_teacher, dual_qualified) SELECT id, organisation_id, '数控技术', true, (hashtext(id::text) % 3 <> 0) FROM u`,
    [SIZES.teachers, SIZES.schools],
  );
  const { rows: [practice] } = await db.query(`SELECT s.id, s.enterprise_id FROM slots s WHERE s.type = 'teacher_practice' AND s.state = 'open' LIMIT 1`);
  // Plenty of room per day, so the figure is the booking path itself, not refusals.
  await db.query(`UPDATE slots SET capacity = 100000 WHERE id = $1`, [practice.id]);
  const year = Number((await db.query(`SELECT start_date FROM slots WHERE id = $1`, [practice.id])).rows[0].start_date.getFullYear());
  // A month served by most teachers, so compliance has work to do.
  await db.query(
    `INSERT INTO bookings (slot_id, teacher_id, school_id, enterprise_id, start_date, end_date, status, days_served)
     SELECT $1, user_id, school_id, $2, make_date($3, 3, 1), make_date($3, 3, 30), 'completed', 30 FROM teachers
      WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.teacher_id = teachers.user_id) AND hashtext(user_id::text) % 4 <> 0`,
    [practice.id, practice.enterprise_id, year],
  );
  const edu = mint({ id: (await db.query(`SELECT id FROM users WHERE email = 'edu@demo.skillbridge.cn'`)).rows[0].id, role: 'bureau_officer', org: null, auth: 'EDU' });
  const timeIt = async (label, target, times = 5) => {
    const samples = [];
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${target}`, { headers: { authorization: `Bearer ${edu}` }, signal: AbortSignal.timeout(120_000) });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${label}: ${response.status}`);
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return { best: samples[0], median: samples[Math.floor(samples.length / 2)] };
  };
  const oneSchool = await timeIt('school', `/schools/${(await db.query(`SELECT md5('bench-school-1')::uuid AS id`)).rows[0].id}/compliance?year=${year}`);
  const allSchools = await timeIt('all', `/schools/compliance?year=${year}`);
  figures.compliance = { oneSchool, allSchools, teachers: SIZES.teachers };
  rows.push([`practice: one school's compliance (${int(SIZES.teachers / SIZES.schools)} teachers)`, `median ${oneSchool.median.toFixed(1)} ms (best ${oneSchool.best.toFixed(1)})`, '—', '—', 'reported']);
  rows.push([`practice: every school's compliance (${int(SIZES.teachers)} teachers)`, `median ${allSchools.median.toFixed(0)} ms (best ${allSchools.best.toFixed(0)})`, '—', '—', 'reported']);

  const { rows: bookers } = await db.query(`SELECT user_id AS id FROM teachers ORDER BY user_id LIMIT $1`, [SIZES.bookers]);
  let next = 0;
  const booking = await runLoad({
    url: base,
    connections: 50,
    amount: bookers.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const teacher = bookers[next++ % bookers.length];
          const start = new Date(Date.UTC(year, 1 + (next % 9), 1 + (next % 20)));
          const end = new Date(start.getTime() + 29 * 86_400_000);
          return {
            ...request,
            path: `/api/v1/slots/${practice.id}/bookings`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${mint({ id: teacher.id, role: 'teacher', org: null })}` },
            body: JSON.stringify({ startDate: start.toISOString().slice(0, 10), endDate: end.toISOString().slice(0, 10) }),
          };
        },
      },
    ],
  });
  const { rows: [{ booked, worst }] } = await db.query(
    `SELECT (SELECT count(*) FROM bookings WHERE slot_id = $1)::int AS booked, (SELECT coalesce(max(taken), 0) FROM practice_days WHERE slot_id = $1)::int AS worst`,
    [practice.id],
  );
  figures.booking = { perSecond: booking.successesPerSecond, latency: booking.latency, booked, statuses: booking.statuses };
  rows.push([`practice: ${int(bookers.length)} bookings by distinct teachers, 30 days each, one slot, 50 connections`, `${int(booking.successesPerSecond)} bookings/s · ${latency(booking.latency)} · ${int(booked)} booked, busiest day ${worst} teachers`, '—', '—', 'reported']);


  }

  // ——— 3. Quota queries on many enterprises ———
  if (only.includes('quotas')) {
  say(`quotas: ${int(SIZES.enterprises)} enterprises`);
  const quotasStarted = performance.now();
  // This year in Lanzhou: the year the dashboards open on.
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  await db.query(
    `INSERT INTO organisations (id, kind, name, district, uscc, ownership, industry, verification)
     SELECT md5('bench-ent-' || n)::uuid, 'enterprise', '基准企业' || lpad(n::text, 6, '0'), (ARRAY['城关区','七里河区','西固区','安宁区','红古区','永登县','皋兰县','榆中县','兰州新区'])[1 + n % 9],
            'BENCH' || lpad(n::text, 13, '0'), (ARRAY['municipal_soe','central_soe','private','foreign','other'])[1 + n % 5],
            (ARRAY['装备制造','石油化工','数据信息','现代物流','文化旅游','生物医药'])[1 + n % 6], 'verified'
       FROM generate_series(1, $1) n`,
    [SIZES.enterprises],
  );
  await db.query(`INSERT INTO enterprise_headcounts (organisation_id, year, employees) SELECT md5('bench-ent-' || n)::uuid, $2, 50 + (hashint4(n) & 4095) FROM generate_series(1, $1) n`, [SIZES.enterprises, year]);
  const { createDataSource } = require(path.join(ROOT, 'libs/db/dist'));
  const { refreshQuotas, rulesForYear } = require(path.join(ROOT, 'libs/quotas/dist'));
  const ds = await createDataSource(databaseUrl, { extra: { max: 2 } }).initialize();
  const refreshStarted = performance.now();
  await refreshQuotas(ds.manager, await rulesForYear(ds, year), null, new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)); // today in Lanzhou
  const refreshSeconds = (performance.now() - refreshStarted) / 1000;
  await ds.destroy();
  await db.query('ANALYZE');
  figures.quotaLoad = { seconds: (performance.now() - quotasStarted) / 1000, refreshSeconds };
  const miit = mint({ id: (await db.query(`SELECT id FROM users WHERE email = 'miit@demo.skillbridge.cn'`)).rows[0].id, role: 'bureau_officer', org: null, auth: 'MIIT' });
  for (const [label, target] of [
    ['quota table, first page (50 rows)', `/api/v1/quotas?year=${year}&limit=50`],
    ['quota table filtered by district and status', `/api/v1/quotas?year=${year}&limit=50&district=%E5%AE%89%E5%AE%81%E5%8C%BA&status=behind`],
    ['quota summary by status, district, industry', `/api/v1/quotas/summary?year=${year}`],
  ]) {
    const result = await runLoad({ url: `http://127.0.0.1:${apiPort}`, connections: 10, duration: quick ? 5 : 10, requests: [{ method: 'GET', path: target }], headers: { authorization: `Bearer ${miit}` } });
    figures[label] = result;
    rows.push([`quotas (${int(SIZES.enterprises)} enterprises): ${label}, 10 connections`, `${int(result.requestsPerSecond)} req/s · ${latency(result.latency)} · non-2xx ${result.non2xx}`, '—', '—', 'reported']);
  }
  rows.push([`quotas: recompute every enterprise's figures (${int(SIZES.enterprises)})`, `${refreshSeconds.toFixed(2)} s, one statement`, '—', '—', 'reported']);
  }
  await db.end();

  const headers = ['benchmark', 'figure', 'ceiling beside it', 'aim', 'verdict'];
  process.stdout.write('\n' + textTable(headers, rows) + '\n');
  const date = new Date().toISOString().slice(0, 10);
  const out = path.join(ROOT, 'bench/results', `${date}-flows${quick ? '-quick' : ''}${only.length < 3 ? `-${only.join('-')}` : ''}`);
  const machine = `${(await import('node:os')).cpus().length} CPUs, Node ${process.version}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`;
  fs.writeFileSync(`${out}.md`, `# Notifications, practice and quota benchmarks — ${date}${quick ? ' (quick)' : ''}\n\n\`npm run bench\` (bench/flows.mjs) against production builds of the API and worker over PostgreSQL and Redis on this machine. ${machine}.\n\n${markdownTable(headers, rows)}\n`);
  fs.writeFileSync(`${out}.json`, JSON.stringify({ date, quick, sizes: SIZES, figures }, null, 2));
  shareTable('notifications, practice, quotas (bench/flows.mjs)', rows, path.relative(ROOT, `${out}.md`));
  say(`written ${path.relative(ROOT, out)}.md and .json`);
} finally {
  await cleanup();
}
