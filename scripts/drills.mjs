// @ts-check
// `npm run drills`: fault drills under load. Starts the production build (API and worker) over a
// database of its own and a redis-server of its own, keeps a steady load of applications, accepts
// and practice bookings going, and in turn: kill -9 of the API and a restart; kill -9 of the worker
// and a restart; kill -9 of Redis and a restart (AOF, fsync always, as production runs it); a
// restart of PostgreSQL (a server of the drill's own, whatever DATABASE_URL says: restarting a shared
// one would break whoever else uses it). Then it checks every invariant and prints what held.
// `--short` is the version `npm test` runs; `--no-build` skips the (cached) Nx build.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
/** @typedef {import('node:net').AddressInfo} AddressInfo */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { startNodeChild, waitForHttp } from '../bench/lib/processes.mjs';
import { markdownTable, textTable } from '../bench/lib/report.mjs';
import { tokenMinter } from '../bench/lib/tokens.mjs';
import { DATA, ROOT, buildAll, setUpDatabase } from './lib/run.mjs';
import { ensurePostgres, freePort } from './lib/services.mjs';

const short = process.argv.includes('--short');
// Operations are sent at a steady `rate` per second until the last phase ends; there are more
// than the drill needs, so the load never runs dry while a fault is injected.
const SIZE = short
  ? { slots: 40, applicants: 10, teachers: 150, phaseMs: 5_000, rate: 15 }
  : { slots: 80, applicants: 12, teachers: 400, phaseMs: 20_000, rate: 20 };
const CONCURRENCY = 12;
/** @param {string} message */
const say = (message) => process.stdout.write(`▸ ${message}\n`);
/** @param {number} ms  @returns {Promise<void>} */
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const dir = path.join(DATA, 'drills', String(process.pid));
fs.mkdirSync(dir, { recursive: true });

/**
 * A redis-server of the drill's own, restartable, persisting like production.
 * @param {number} port
 */
function ownRedis(port) {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  const up = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 200; i++) {
      const client = new (await import('node:net')).Socket();
      const pong = await new Promise((resolve) => {
        client.once('error', () => resolve(false));
        client.connect(port, '127.0.0.1', () => client.write('PING\r\n'));
        client.once('data', (data) => resolve(data.toString().startsWith('+PONG')));
      });
      client.destroy();
      if (pong) return;
      await delay(50);
    }
    throw new Error('redis-server did not start (is it on PATH? `sudo apt-get install redis-server`)');
  };
  /** @returns {Promise<void>} */
  const down = () =>
    new Promise((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return { url: `redis://127.0.0.1:${port}`, up, down };
}

/**
 * One request of the load: an accept, an application or a practice booking.
 * @typedef {object} Operation
 * @property {string} kind  accept, apply or book
 * @property {string} method
 * @property {string} path  under /api/v1
 * @property {string} token
 * @property {object} [body]
 * @property {string} [id]  accept: the application
 */

/** The SMTP server the worker sends to: counts each Message-ID it receives. */
function smtpSink() {
  const received = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const id = /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim() ?? '';
        received.set(id, (received.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  server.on('error', () => undefined); // a worker killed mid-session resets its connection
  return {
    received,
    /** @returns {Promise<number>} the port it listens on */
    start: () =>
      new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(/** @type {AddressInfo} */ (server.server.address()).port))),
    /** @returns {Promise<void>} */
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** @type {Array<() => Promise<unknown>>} */
const stoppers = [];
const cleanup = async () => {
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

let failed = false;
try {
  if (!process.argv.includes('--no-build')) {
    say('building');
    buildAll();
  }
  const pgDir = path.join(dir, 'pg');
  let postgres = await ensurePostgres({ dataDir: pgDir, own: true });
  stoppers.push(async () => {
    await postgres.stop();
    fs.rmSync(pgDir, { recursive: true, force: true });
  });
  const name = `sb_drills_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`CREATE DATABASE ${name}`); // the server and its data go at the end
  await admin.end();
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  say('a database of the drill’s own, with the demo city');
  setUpDatabase(databaseUrl, 'setup');
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  db.on('error', () => undefined); // the PostgreSQL restart drops these too
  stoppers.push(() => db.end());

  const redis = ownRedis(await freePort());
  await redis.up();
  stoppers.push(redis.down);
  const smtp = smtpSink();
  const smtpPort = await smtp.start();
  stoppers.push(smtp.stop);

  // ——— the fixtures: contended seats, applicants, teachers after the same practice days ———
  say('fixtures');
  const {
    rows: [fixture],
  } = await db.query(
    `SELECT e.id AS enterprise, s.id AS school FROM organisations e, organisations s
      WHERE e.id = (SELECT organisation_id FROM users WHERE email = 'hr@demo.skillbridge.cn')
        AND s.id = (SELECT organisation_id FROM users WHERE email = 'school@demo.skillbridge.cn')`,
  );
  const slots = (
    await db.query(
      `INSERT INTO slots (enterprise_id, type, title, description, majors, district, start_date, end_date, capacity, stipend, post_wage, state, published_at, search_terms)
       SELECT $1, 'internship', '演练岗位' || n, '故障演练', ARRAY['机电一体化技术'], '七里河区', '2027-03-01', '2027-08-31', 3, 3000, 3600, 'open', now(), '{}'
         FROM generate_series(1, $2) n RETURNING id`,
      [fixture.enterprise, SIZE.slots],
    )
  ).rows.map((r) => r.id);
  const students = (
    await db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id)
                  SELECT 'drill-student-' || n || '@example.cn', 'x', '演练学生' || n, 'student', $1 FROM generate_series(1, $2) n RETURNING id)
       INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year) SELECT id, $1, '2005-06-01', '机电一体化技术', 2024 FROM u RETURNING user_id AS id`,
      [fixture.school, SIZE.slots * SIZE.applicants],
    )
  ).rows.map((r) => r.id);
  // Each slot has `applicants` offers, school-approved, for its 3 seats; each student also applies to the next slot.
  const offers = (
    await db.query(
      `INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, school_approved_at, respond_by)
       SELECT ($1::uuid[])[1 + (i - 1) % array_length($1::uuid[], 1)], ($2::uuid[])[i], $3, $4, 'offered', now(), '2027-02-28'
         FROM generate_series(1, array_length($2::uuid[], 1)) i RETURNING id, student_id, slot_id`,
      [slots, students, fixture.school, fixture.enterprise],
    )
  ).rows;
  const {
    rows: [practice],
  } = await db.query(
    `INSERT INTO slots (enterprise_id, type, title, description, majors, district, start_date, end_date, capacity, state, published_at, search_terms)
     VALUES ($1, 'teacher_practice', '演练教师实践', '故障演练', ARRAY['机电一体化技术'], '七里河区', '2027-01-01', '2027-12-31', 3, 'open', now(), '{}') RETURNING id`,
    [fixture.enterprise],
  );
  const teachers = (
    await db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id)
                  SELECT 'drill-teacher-' || n || '@example.cn', 'x', '演练教师' || n, 'teacher', $1 FROM generate_series(1, $2) n RETURNING id)
       INSERT INTO teachers (user_id, school_id, specialty, specialty_course_teacher, dual_qualified) SELECT id, $1, '数控技术', true, false FROM u RETURNING user_id AS id`,
      [fixture.school, SIZE.teachers],
    )
  ).rows.map((r) => r.id);

  // ——— the production build ———
  const secret = randomBytes(24).toString('hex');
  const mint = tokenMinter(secret, 4 * 3600);
  const prefix = `drill${randomBytes(3).toString('hex')}`;
  const apiPort = await freePort();
  const workerPort = await freePort();
  const base = `http://127.0.0.1:${apiPort}/api/v1`;
  const common = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    REDIS_KEY_PREFIX: `${prefix}:`,
  };
  /** @type {{ api?: import('../bench/lib/processes.mjs').NodeChild, worker?: import('../bench/lib/processes.mjs').NodeChild }} */
  const processes = {};
  const start = {
    api: async () => {
      processes.api = startNodeChild('api', path.join(ROOT, 'apps/api/dist/main.js'), {
        cwd: ROOT,
        env: { ...common, JWT_SECRET: secret, PORT: String(apiPort), HOST: '127.0.0.1' },
        logFile: path.join(dir, 'api.log'),
      });
      await waitForHttp(`${base}/health/ready`, processes.api, 90_000);
    },
    worker: async () => {
      processes.worker = startNodeChild('worker', path.join(ROOT, 'apps/worker/dist/main.js'), {
        cwd: ROOT,
        env: {
          ...common,
          WORKER_HEALTH_PORT: String(workerPort),
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          RELAY_IDLE_MS: '50',
          EMAILS_PER_HOUR: '100000',
        },
        logFile: path.join(dir, 'worker.log'),
      });
      await waitForHttp(`http://127.0.0.1:${workerPort}/health`, processes.worker, 90_000);
    },
  };
  stoppers.push(async () => {
    await processes.api?.stop();
    await processes.worker?.stop();
  });
  say('starting the API and the worker (production build)');
  await Promise.all([start.api(), start.worker()]);

  // ——— the load: every operation once, paced over the whole drill ———
  /** @param {string} id */
  const studentToken = (id) => mint({ id, role: 'student', org: fixture.school });
  /** @param {string} id */
  const teacherToken = (id) => mint({ id, role: 'teacher', org: fixture.school });
  /** @type {Operation[]} */
  const operations = [
    ...offers.map((o) => ({
      kind: 'accept',
      id: o.id,
      method: 'POST',
      path: `/applications/${o.id}/accept`,
      token: studentToken(o.student_id),
    })),
    ...offers.map((o, i) => {
      const slot = slots[(slots.indexOf(o.slot_id) + 1) % slots.length];
      return {
        kind: 'apply',
        slot,
        student: o.student_id,
        method: 'POST',
        path: `/slots/${slot}/applications`,
        body: {},
        token: studentToken(o.student_id),
        i,
      };
    }),
    ...teachers.flatMap((id, i) =>
      [i % 11, (i * 7) % 11].map((m) => {
        const startDate = `2027-${String(m + 1).padStart(2, '0')}-01`;
        const endDate = new Date(Date.parse(`${startDate}T00:00:00Z`) + 29 * 86_400_000).toISOString().slice(0, 10);
        return {
          kind: 'book',
          teacher: id,
          startDate,
          method: 'POST',
          path: `/slots/${practice.id}/bookings`,
          body: { startDate, endDate },
          token: teacherToken(id),
        };
      }),
    ),
  ].sort(() => Math.random() - 0.5);
  const phases = ['steady load', 'kill -9 API, restart', 'kill -9 worker, restart', 'kill -9 Redis, restart', 'PostgreSQL restart'];
  /**
   * @type {{ ok: Array<Operation & { result: { id?: string } }>, refused: number, unavailable: number,
   *   byPhase: Array<Record<'ok' | 'refused' | 'unavailable', number>> }}
   */
  const outcome = { ok: [], refused: 0, unavailable: 0, byPhase: phases.map(() => ({ ok: 0, refused: 0, unavailable: 0 })) };
  let phase = 0;
  /** @param {Operation} op */
  const send = async (op) => {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const response = await fetch(`${base}${op.path}`, {
          method: op.method,
          headers: { authorization: `Bearer ${op.token}`, ...(op.body ? { 'content-type': 'application/json' } : {}) },
          body: op.body ? JSON.stringify(op.body) : undefined,
          signal: AbortSignal.timeout(15_000),
        });
        const body = /** @type {{ id?: string }} */ (await response.json().catch(() => ({})));
        if (response.status < 300) {
          outcome.ok.push({ ...op, result: body });
          outcome.byPhase[phase].ok++;
          return;
        }
        if (response.status < 500) {
          outcome.refused++;
          outcome.byPhase[phase].refused++;
          return;
        }
      } catch {
        /* the API is down: the answer is unknown, try again */
      }
      outcome.unavailable++;
      outcome.byPhase[phase].unavailable++;
      await delay(750);
    }
  };
  const started = performance.now();
  let next = 0;
  let phasesDone = false;
  const runners = Array.from({ length: CONCURRENCY }, async () => {
    while (next < operations.length && !phasesDone) {
      const i = next++;
      const wait = (i / SIZE.rate) * 1000 - (performance.now() - started);
      if (wait > 0) await delay(wait);
      await send(operations[i]);
    }
  });

  // ——— the injections, one per phase ———
  /** @type {Array<{ name: string, at: number, recovered: number }>} */
  const injections = [];
  /** @param {() => Promise<boolean>} check  @returns {Promise<number>} the seconds until it held */
  const timeUntil = async (check) => {
    const t0 = performance.now();
    for (;;) {
      try {
        if (await check()) return (performance.now() - t0) / 1000;
      } catch {
        /* not yet */
      }
      await delay(100);
    }
  };
  const ready = async () => (await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(2000) })).ok;
  const workerUp = async () => (await fetch(`http://127.0.0.1:${workerPort}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  /** @type {Record<string, () => Promise<number>>} the seconds until the service is back */
  const inject = {
    'kill -9 API, restart': async () => {
      processes.api?.child.kill('SIGKILL');
      await processes.api?.exited;
      const t0 = performance.now();
      await start.api();
      return (performance.now() - t0) / 1000;
    },
    'kill -9 worker, restart': async () => {
      processes.worker?.child.kill('SIGKILL');
      await processes.worker?.exited;
      const t0 = performance.now();
      await start.worker();
      return (performance.now() - t0) / 1000;
    },
    'kill -9 Redis, restart': async () => {
      await redis.down();
      await delay(1000);
      const t0 = performance.now();
      await redis.up();
      return (performance.now() - t0) / 1000 + (await timeUntil(async () => (await ready()) && (await workerUp())));
    },
    // A fast shutdown (every session ended, transactions in flight rolled back), two seconds down,
    // then the same server on the same port and data again.
    'PostgreSQL restart': async () => {
      const before = postgres.url;
      await postgres.stop();
      await delay(2000);
      const t0 = performance.now();
      postgres = await ensurePostgres({ dataDir: pgDir, own: true });
      if (postgres.url !== before) throw new Error(`PostgreSQL came back elsewhere (${postgres.url}): the apps could not follow`);
      return (performance.now() - t0) / 1000 + (await timeUntil(ready));
    },
  };
  for (phase = 0; phase < phases.length; phase++) {
    const phaseStart = performance.now();
    await delay(SIZE.phaseMs / 3);
    const name_ = phases[phase];
    if (inject[name_]) {
      say(`${name_}`);
      const recovered = await inject[name_]();
      injections.push({ name: name_, at: (performance.now() - started) / 1000, recovered });
    }
    const rest = SIZE.phaseMs - (performance.now() - phaseStart);
    if (rest > 0) await delay(rest);
  }
  phase = phases.length - 1;
  const ranDry = next >= operations.length;
  phasesDone = true;
  await Promise.all(runners);
  const loadSeconds = (performance.now() - started) / 1000;
  say(
    `load done: ${next} operations in ${loadSeconds.toFixed(0)} s; ${outcome.ok.length} answered 2xx, ${outcome.refused} refused, ${outcome.unavailable} tries while something was down`,
  );

  // ——— settle: the outbox empties, no job is left in any queue, every delivery ends ———
  // (A job held by the killed worker waits out its hold before another takes it: seconds.)
  const require = createRequire(import.meta.url);
  const { Queue } = require(path.join(ROOT, 'node_modules/bullmq'));
  const { QUEUES } = require(path.join(ROOT, 'libs/jobs/dist/jobs.js'));
  const queues = Object.values(QUEUES).map((queue) => new Queue(queue, { connection: { url: redis.url }, prefix }));
  const settle = async () => {
    const {
      rows: [r],
    } = await db.query(
      `SELECT (SELECT count(*) FROM outbox_events WHERE published_at IS NULL)::int AS unpublished,
              (SELECT count(*) FROM deliveries WHERE status IN ('sending', 'failed'))::int AS pending`,
    );
    // Scheduled housekeeping jobs wait in `delayed` for ever: only work in hand counts.
    const counts = await Promise.all(queues.map((queue) => queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children')));
    const jobs = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
    const retrying = (await Promise.all(queues.map((queue) => queue.getDelayed()))).flat().filter((job) => job.attemptsMade > 0).length;
    return r.unpublished === 0 && r.pending === 0 && jobs === 0 && retrying === 0;
  };
  const settleStarted = performance.now();
  const deadline = Date.now() + 120_000;
  while (!(await settle().catch(() => false)) && Date.now() < deadline) await delay(250);
  const settledIn = (performance.now() - settleStarted) / 1000;
  await Promise.all(queues.map((queue) => queue.close()));
  say(`settled ${settledIn.toFixed(1)} s after the load`);

  // ——— the invariants ———
  /** @param {string} sql  @param {unknown[]} [params]  the first row */
  const one = async (sql, params = []) => (await db.query(sql, params)).rows[0];
  /** @type {Array<{ what: string, held: boolean, detail: string }>} */
  const checks = [];
  /** @param {string} what  @param {boolean} held  @param {string} detail */
  const check = (what, held, detail) => checks.push({ what, held, detail });

  const seats = await one(
    `SELECT count(*) FILTER (WHERE s.taken > s.capacity)::int AS over, count(*) FILTER (WHERE s.taken <> a.accepted)::int AS drift, sum(s.taken)::int AS taken
       FROM slots s LEFT JOIN LATERAL (SELECT count(*)::int AS accepted FROM applications WHERE slot_id = s.id AND status = 'accepted') a ON true
      WHERE s.id = ANY($1::uuid[])`,
    [slots],
  );
  check(
    'no seat over capacity; seats taken = accepted applications',
    seats.over === 0 && seats.drift === 0,
    `${seats.taken} seats of ${slots.length * 3} taken; over: ${seats.over}; drift: ${seats.drift}`,
  );
  const placements = await one(
    `SELECT (SELECT count(*) FROM applications WHERE slot_id = ANY($1::uuid[]) AND status = 'accepted')::int AS accepted,
            (SELECT count(*) FROM placements WHERE slot_id = ANY($1::uuid[]))::int AS placements`,
    [slots],
  );
  check(
    'every accepted application has its placement, once',
    placements.accepted === placements.placements,
    `${placements.accepted} accepted, ${placements.placements} placements`,
  );
  const bookings = await one(
    `SELECT (SELECT count(*) FROM bookings a JOIN bookings b ON a.teacher_id = b.teacher_id AND a.id < b.id AND a.status <> 'cancelled' AND b.status <> 'cancelled'
              AND daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]'))::int AS overlapping,
            (SELECT count(*) FROM practice_days d WHERE d.slot_id = $1 AND (d.taken > 3 OR d.taken <> (SELECT count(*) FROM bookings b WHERE b.slot_id = d.slot_id AND b.status <> 'cancelled' AND d.day BETWEEN b.start_date AND b.end_date)))::int AS bad_days,
            (SELECT count(*) FROM bookings WHERE slot_id = $1)::int AS booked`,
    [practice.id],
  );
  check(
    'no overlapping booking; no day over capacity',
    bookings.overlapping === 0 && bookings.bad_days === 0,
    `${bookings.booked} bookings; overlapping: ${bookings.overlapping}; days over or off count: ${bookings.bad_days}`,
  );

  const lost = { accept: 0, apply: 0, book: 0 };
  for (const op of outcome.ok) {
    if (op.kind === 'accept') {
      const row = await one(`SELECT status FROM applications WHERE id = $1`, [op.id]);
      if (row?.status !== 'accepted') lost.accept++;
    } else if (op.kind === 'apply') {
      if (!(await one(`SELECT 1 AS x FROM applications WHERE id = $1`, [op.result.id]))) lost.apply++;
    } else if (!(await one(`SELECT 1 AS x FROM bookings WHERE id = $1 AND status <> 'cancelled'`, [op.result.id]))) lost.book++;
  }
  const acknowledged = outcome.ok.length;
  check(
    'no acknowledged write lost',
    lost.accept + lost.apply + lost.book === 0,
    `${acknowledged} answered 2xx; missing: ${JSON.stringify(lost)}`,
  );

  const outbox = await one(
    `SELECT (SELECT count(*) FROM outbox_events)::int AS events, (SELECT count(*) FROM outbox_events WHERE published_at IS NULL)::int AS unpublished,
            (SELECT count(*) FROM outbox_events e CROSS JOIN unnest(e.recipients) r(user_id)
              WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_id = e.id AND n.user_id = r.user_id))::int AS missing_inbox,
            (SELECT count(*) FROM notifications)::int AS inbox`,
  );
  check(
    'every event relayed and in each recipient’s inbox exactly once',
    outbox.unpublished === 0 && outbox.missing_inbox === 0,
    `${outbox.events} events, ${outbox.inbox} inbox entries (unique by constraint); unrelayed: ${outbox.unpublished}; missing: ${outbox.missing_inbox}; every queue empty ${settledIn.toFixed(1)} s after the load`,
  );
  const mail = await one(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status NOT IN ('sent', 'digest'))::int AS unsent,
            coalesce(array_agg('<delivery-' || id || '@skillbridge>') FILTER (WHERE status = 'sent'), '{}') AS ids FROM deliveries WHERE channel = 'email'`,
  );
  /** @type {string[]} */
  const mailIds = mail.ids;
  const sentIds = new Set(mailIds);
  const arrived = mailIds.filter((id) => smtp.received.has(id)).length;
  const repeats = [...smtp.received.values()].filter((n) => n > 1).length;
  const unknown = [...smtp.received.keys()].filter((id) => !sentIds.has(id)).length;
  check(
    'every e-mail delivered once per recipient (by Message-ID)',
    arrived === mail.sent && unknown === 0 && mail.unsent === 0,
    `${mail.sent} sent, ${arrived} arrived, ${mail.unsent} not sent; ${repeats} arrived twice (a kill between sending and recording; same Message-ID, so the receiver drops it); ${unknown} unknown`,
  );

  // ——— the report ———
  check(
    'the load ran through every phase',
    !ranDry && outcome.byPhase.every((p) => p.ok + p.refused + p.unavailable > 0),
    ranDry ? 'the operations ran out before the last phase' : `${next} operations`,
  );
  const injected = injections.map((i) => [i.name, `${i.at.toFixed(1)} s`, `${i.recovered.toFixed(1)} s`]);
  const perPhase = phases.map((p, i) => [
    p,
    String(outcome.byPhase[i].ok),
    String(outcome.byPhase[i].refused),
    String(outcome.byPhase[i].unavailable),
  ]);
  const invariants = checks.map((c) => [c.held ? '✅' : '❌', c.what, c.detail]);
  failed = checks.some((c) => !c.held);
  const verdict = failed ? 'SOME INVARIANTS BROKE' : 'all invariants held';
  process.stdout.write(
    `\n${textTable(['injected', 'at', 'back in'], injected)}\n\n${textTable(['phase', '2xx', '4xx (refusals)', 'tries while down'], perPhase)}\n\n${textTable(['', 'invariant', 'figures'], invariants)}\n\n${verdict}\n`,
  );
  const date = new Date().toISOString().slice(0, 10);
  // The full drill's report is kept with the benchmarks; the short one (run by `npm test`) under .data.
  const file = short ? path.join(DATA, 'drills', 'short-report.md') : path.join(ROOT, 'bench', 'results', `${date}-drills.md`);
  fs.writeFileSync(
    file,
    `# Fault drills — ${date}${short ? ' (short)' : ''}\n\n\`node scripts/drills.mjs${short ? ' --short' : ''}\`: ${next} operations (accepts for ${slots.length} slots of 3 seats with ${SIZE.applicants} offers each, applications, practice bookings of ${teachers.length} teachers on a slot of 3 a day) at ${SIZE.rate} a second for ${loadSeconds.toFixed(0)} s, ${CONCURRENCY} at a time.\n\n## Injected\n\n${markdownTable(['injected', 'at', 'back in'], injected)}\n\n${markdownTable(['phase', '2xx', '4xx (refusals)', 'tries while down'], perPhase)}\n\n## What held\n\n${markdownTable(['', 'invariant', 'figures'], invariants)}\n\n**${verdict}**\n`,
  );
  say(`written ${path.relative(ROOT, file)}`);
} catch (error) {
  failed = true;
  process.stderr.write(`\n✖ ${error instanceof Error ? error.stack : error}\n`);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
