// Match rounds at scale (domain §4, journey 5): a round of `--students=` (default 10^5) students, each
// listing 10 of `students / 5` slots of 4 seats, ranked automatically, run in the worker and published
// through the API. The figure that matters is the publish: every assignment becomes an accepted
// application and a placement, every participant and enterprise gets an outbox event, all in one
// transaction — aim ≤ 10 s at 10^5 students. Writes bench/results/<date>-rounds-<students>.md and .json.
// `--republish` publishes the round of the last run again (its placements, applications and events
// removed first), without rebuilding the data or running it: for measuring the publish alone.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DATA, ROOT, buildAll, setUpDatabase } from '../scripts/lib/run.mjs';
import { int, markdownTable, shareTable, textTable } from './lib/report.mjs';
import { benchServices, startApi, startWorker } from './lib/stack.mjs';
import { tokenMinter } from './lib/tokens.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REPUBLISH = process.argv.includes('--republish');
const STUDENTS = arg('students', 100_000);
const SLOTS = Math.max(20, Math.floor(STUDENTS / 5));
const SEATS = 4;
const ENTERPRISES = Math.max(1, Math.floor(SLOTS / 10));
const SCHOOLS = 50;
const say = (message) => process.stdout.write(`▸ ${message}\n`);

/** CPU milliseconds a process has used, from /proc (null when it is not on this machine). */
function cpuMsOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rows = [];
const figures = { students: STUDENTS, slots: SLOTS, seatsPerSlot: SEATS };
let t0 = performance.now();

const { postgres, redis, children, cleanup } = await benchServices('rounds');

try {
  say('building');
  buildAll();
  const name = 'sb_bench_rounds';
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  if (!REPUBLISH) {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    setUpDatabase(databaseUrl, 'setup'); // migrations and the demo city
  }
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const secret = randomBytes(24).toString('hex');
  const mint = tokenMinter(secret);
  const logDir = path.join(DATA, 'bench-rounds');
  fs.mkdirSync(logDir, { recursive: true });

  if (!REPUBLISH) {
  say(`data: ${int(STUDENTS)} students in ${SCHOOLS} schools, ${int(SLOTS)} slots of ${SEATS} seats at ${int(ENTERPRISES)} enterprises`);
  t0 = performance.now();
  await db.query(`INSERT INTO organisations (id, kind, name, district, school_level, verification) SELECT md5('bench-school-' || n)::uuid, 'school', '基准学校' || n, '城关区', 'higher', 'verified' FROM generate_series(1, $1) n`, [SCHOOLS]);
  await db.query(
    `INSERT INTO organisations (id, kind, name, district, uscc, ownership, industry, verification)
     SELECT md5('bench-ent-' || n)::uuid, 'enterprise', '基准企业' || lpad(n::text, 6, '0'), '兰州新区', 'BENCH' || lpad(n::text, 13, '0'),
            (ARRAY['municipal_soe','central_soe','private','foreign','other'])[1 + n % 5], '装备制造', 'verified'
       FROM generate_series(1, $1) n`,
    [ENTERPRISES],
  );
  const year = new Date().getUTCFullYear() + 1;
  await db.query(`INSERT INTO enterprise_headcounts (organisation_id, year, employees) SELECT md5('bench-ent-' || n)::uuid, $2, 2000 FROM generate_series(1, $1) n`, [ENTERPRISES, year]);
  await db.query(
    `INSERT INTO slots (id, enterprise_id, type, title, majors, district, start_date, end_date, capacity, state, published_at)
     SELECT md5('bench-slot-' || n)::uuid, md5('bench-ent-' || (1 + n % $2))::uuid, 'internship', '基准岗位' || n,
            ARRAY[(ARRAY['数控技术','机电一体化技术','现代物流管理','大数据技术'])[1 + n % 4]], '兰州新区', make_date($3, 3, 1), make_date($3, 8, 31), $4, 'open', now()
       FROM generate_series(1, $1) n`,
    [SLOTS, ENTERPRISES, year, SEATS],
  );
  await db.query(
    `WITH u AS (INSERT INTO users (id, email, password_hash, name, role, organisation_id)
                SELECT md5('bench-student-' || n)::uuid, 'bench-student-' || n || '@example.cn', 'x', '学生' || n, 'student', md5('bench-school-' || (1 + n % $2))::uuid
                  FROM generate_series(1, $1) n RETURNING id, organisation_id, email)
     INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year)
     SELECT id, organisation_id, '2006-01-01', (ARRAY['数控技术','机电一体化技术','现代物流管理','大数据技术'])[1 + (hashtext(email) & 3)], $3 - 2 FROM u`,
    [STUDENTS, SCHOOLS, year],
  );
  figures.dataSeconds = (performance.now() - t0) / 1000;
  }

  const common = { databaseUrl, redisUrl: redis.url, prefix, logDir };
  const [worker, api] = await Promise.all([startWorker(common), startApi({ ...common, secret })]);
  children.push(worker.handle, api.handle);
  const { base } = api;
  const edu = mint({ id: (await db.query(`SELECT id FROM users WHERE email = 'edu@demo.skillbridge.cn'`)).rows[0].id, role: 'bureau_officer', auth: 'EDU' });
  const call = async (method, route, body) => {
    const started = performance.now();
    const response = await fetch(base + route, { method, headers: { authorization: `Bearer ${edu}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const reply = await response.json();
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(reply)}`);
    return { reply, ms: performance.now() - started };
  };

  let roundId;
  let result;
  if (REPUBLISH) {
    ({ rows: [{ id: roundId }] } = await db.query(`SELECT id FROM match_rounds WHERE name = '基准撮合轮次' AND status IN ('ran', 'published')`));
    say('removing the last publish');
    const slotsOfRound = `(SELECT slot_id FROM match_round_slots WHERE round_id = $1)`;
    await db.query(`DELETE FROM placements WHERE slot_id IN ${slotsOfRound}`, [roundId]);
    await db.query(`DELETE FROM applications WHERE slot_id IN ${slotsOfRound}`, [roundId]);
    await db.query(`DELETE FROM deliveries WHERE event_id IN (SELECT id FROM outbox_events WHERE subject_id = $1)`, [roundId]).catch(() => undefined);
    await db.query(`DELETE FROM notifications WHERE event_id IN (SELECT id FROM outbox_events WHERE subject_id = $1)`, [roundId]).catch(() => undefined);
    await db.query(`DELETE FROM outbox_events WHERE subject_id = $1`, [roundId]);
    await db.query(`UPDATE slots SET taken = 0 WHERE id IN ${slotsOfRound}`, [roundId]);
    await db.query(`UPDATE match_rounds SET status = 'ran', published_at = NULL WHERE id = $1`, [roundId]);
    await db.query('VACUUM ANALYZE placements, applications, outbox_events, slots');
    result = (await call('GET', `/match-rounds/${roundId}/result?limit=1`)).reply;
  } else {
  say('round: create over every bench slot, open, lists in SQL, close');
  const { rows: slotRows } = await db.query(`SELECT id FROM slots WHERE title LIKE '基准岗位%' ORDER BY id`);
  const created = await call('POST', '/match-rounds', { name: '基准撮合轮次', slotIds: slotRows.map((r) => r.id), preferenceDeadline: new Date(Date.now() + 86_400_000).toISOString(), seed: 'bench' });
  roundId = created.reply.id;
  figures.createMs = created.ms;
  await call('POST', `/match-rounds/${roundId}/open`);
  t0 = performance.now();
  // Ten distinct slots per student: a start and a stride (at most 1 997, so 9 strides stay under the slot count).
  await db.query(
    `WITH ids AS (SELECT array_agg(id ORDER BY id) AS a FROM slots WHERE title LIKE '基准岗位%')
     INSERT INTO match_preferences (round_id, student_id, slot_ids)
     SELECT $1, md5('bench-student-' || n)::uuid,
            ARRAY(SELECT ids.a[1 + ((hashint4(n) & 2147483647) + k * (1 + (hashint4(n + 7) & 2147483647) % least(1997, ($3 - 1) / 9))) % $3] FROM generate_series(0, 9) k ORDER BY k)
       FROM generate_series(1, $2) n, ids`,
    [roundId, STUDENTS, SLOTS],
  );
  figures.listsSeconds = (performance.now() - t0) / 1000;
  await call('POST', `/match-rounds/${roundId}/close`);

  say('run in the worker (every slot ranked automatically by criteria and the seeded lottery)');
  t0 = performance.now();
  await call('POST', `/match-rounds/${roundId}/run`);
  let round;
  do {
    await delay(200);
    round = (await call('GET', `/match-rounds/${roundId}`)).reply;
    if (round.runError) throw new Error(`run failed: ${round.runError}`);
  } while (round.running || round.status !== 'ran');
  const runWall = (performance.now() - t0) / 1000;
  result = (await call('GET', `/match-rounds/${roundId}/result?limit=1`)).reply;
  figures.run = { wallSeconds: runWall, ...result.figures, stable: result.stable };
  rows.push([`run: ${int(STUDENTS)} students × 10 over ${int(SLOTS)} slots (worker: load, rank, solve, audit, store)`, `${runWall.toFixed(1)} s wall (${(result.figures.runMs / 1000).toFixed(1)} s in the job before storing)`, '—', 'reported']);
  rows.push(['run: matched / first choice / unmatched', `${int(result.figures.matched)} / ${int(result.figures.firstChoice)} / ${int(result.figures.unmatched)}; stable ${result.stable}`, '—', 'reported']);
  // A round is published hours after its lists close: by then autovacuum has analysed the freshly
  // loaded tables (this server may run with autovacuum off, as CI's does).
  await db.query('VACUUM ANALYZE placements, applications, outbox_events, slots, match_round_slots');
  }

  say('publish');
  // CPU of the database backends of this database and of the API: on a busy machine the wall time
  // grows with the others' load, the CPU these processes spend does not.
  const backends = (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).rows.map((r) => r.pid);
  const cpu = () => ({ db: backends.reduce((sum, pid) => sum + (cpuMsOf(pid) ?? 0), 0), api: cpuMsOf(api.handle.child.pid) ?? 0 });
  const before = cpu();
  const loadBefore = (await import('node:os')).loadavg()[0];
  const published = await call('POST', `/match-rounds/${roundId}/publish`);
  const after = cpu();
  // Backends opened during the publish count whole.
  const born = (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).rows.map((r) => r.pid).filter((pid) => !backends.includes(pid));
  after.db += born.reduce((sum, pid) => sum + (cpuMsOf(pid) ?? 0), 0);
  const publishSeconds = published.ms / 1000;
  figures.publishCpu = { databaseSeconds: (after.db - before.db) / 1000, apiSeconds: (after.api - before.api) / 1000, loadBefore };
  const { rows: [counts] } = await db.query(
    `SELECT (SELECT count(*) FROM placements p JOIN match_round_slots rs ON rs.slot_id = p.slot_id AND rs.round_id = $1)::int AS placements,
            (SELECT count(*) FROM outbox_events WHERE subject_id = $1)::int AS events`,
    [roundId],
  );
  figures.publish = { seconds: publishSeconds, ...counts };
  const ok = counts.placements === result.figures.matched && counts.events === STUDENTS + ENTERPRISES;
  rows.push([
    `publish: ${int(STUDENTS)} students → ${int(counts.placements)} applications + placements, ${int(counts.events)} outbox events, one transaction`,
    `${publishSeconds.toFixed(2)} s${ok ? '' : ' (counts wrong!)'}`,
    '≤ 10 s',
    publishSeconds <= 10 && ok ? '✅ met' : '❌ missed',
  ]);
  rows.push([
    'publish: CPU spent by the database backends / the API (what the wall time comes to on a quiet machine)',
    `${figures.publishCpu.databaseSeconds.toFixed(2)} s / ${figures.publishCpu.apiSeconds.toFixed(2)} s (1-minute load average ${loadBefore.toFixed(1)} before)`,
    '≤ 10 s',
    figures.publishCpu.databaseSeconds + figures.publishCpu.apiSeconds <= 10 && ok ? '✅ met' : '❌ missed',
  ]);
  await db.end();

  const headers = ['benchmark', 'figure', 'aim', 'verdict'];
  process.stdout.write('\n' + textTable(headers, rows) + '\n');
  const date = new Date().toISOString().slice(0, 10);
  const out = path.join(ROOT, 'bench/results', `${date}-rounds-${STUDENTS}${REPUBLISH ? '-republish' : ''}`);
  const os = await import('node:os');
  const machine = `${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`;
  fs.writeFileSync(`${out}.md`, `# Match round benchmark — ${date}\n\n\`node bench/rounds.mjs ${process.argv.slice(2).join(" ") || `--students=${STUDENTS}`}\` against production builds of the API and worker over PostgreSQL and Redis on this machine. ${machine}.\n\n${markdownTable(headers, rows)}\n`);
  fs.writeFileSync(`${out}.json`, JSON.stringify({ date, figures }, null, 2));
  shareTable('match rounds (bench/rounds.mjs)', rows.map(([what, figure, aim, verdict]) => [`rounds: ${what}`, figure, '—', aim, verdict]), path.relative(ROOT, `${out}.md`));
  say(`written ${path.relative(ROOT, out)}.md and .json`);
} finally {
  await cleanup();
}
