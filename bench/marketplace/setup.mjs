// @ts-check
// Before the measurements: PostgreSQL and Redis, the build, a fresh bench database and its data.
import path from 'node:path';
import pg from 'pg';
import { buildAll, setUpDatabase } from '../../scripts/lib/run.mjs';
import { ensurePostgres, ensureRedis } from '../../scripts/lib/services.mjs';
import { postmasterPid } from '../lib/cpu.mjs';
import { loadData, prepareAccepts } from '../lib/data.mjs';
import { int } from '../lib/report.mjs';
import { BENCH_DATA } from './options.mjs';
import { atCleanup, cleaningUp, note, redact, say, timed } from './progress.mjs';

/**
 * What every phase after the setup works with.
 * @typedef {object} MarketplaceRun
 * @property {import('./options.mjs').MarketplaceOptions} options
 * @property {pg.Pool} db  the bench database, a pool of `connections`
 * @property {URL} benchUrl
 * @property {number | null} postmasterPid  null when PostgreSQL runs elsewhere (no CPU figures for it)
 * @property {import('../lib/data.mjs').Domain} domain
 */
/** @typedef {{ main: import('../lib/data.mjs').AcceptSet, whatIf: import('../lib/data.mjs').AcceptSet | null }} AcceptSets */

/**
 * PostgreSQL and Redis (from DATABASE_URL / REDIS_URL, or started here with their data in
 * .data/bench), then the build unless --no-build.
 * @param {import('./options.mjs').MarketplaceOptions} options
 */
export async function startServices(options) {
  say('PostgreSQL and Redis');
  const postgres = await ensurePostgres({ dataDir: path.join(BENCH_DATA, 'pg') });
  atCleanup(() => postgres.stop());
  const redis = await ensureRedis({ dataDir: path.join(BENCH_DATA, 'redis') });
  atCleanup(() => redis.stop());
  const postgresFrom = postgres.embedded ? '(embedded, data in .data/bench/pg)' : 'from DATABASE_URL';
  note(`PostgreSQL ${postgresFrom}; Redis ${redis.spawned ? '(started here)' : 'from REDIS_URL'}`);
  if (!options.build) say('build skipped (--no-build)');
  else {
    say('building (Nx caches what did not change)');
    buildAll();
  }
  return { postgres, redis };
}

/**
 * A fresh database `sb_bench_<pid>` on the server, migrated; dropped at the end unless --keep.
 * Returns a pool on it, and the server as the report describes it.
 * @param {import('./options.mjs').MarketplaceOptions} options
 * @param {import('../../scripts/lib/services.mjs').PostgresService} postgres
 */
export async function createBenchDatabase(options, postgres) {
  const name = options.databaseName;
  const benchUrl = new URL(postgres.url);
  benchUrl.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  admin.on('error', (error) => {
    if (!cleaningUp()) process.stderr.write(`PostgreSQL: ${error.message}\n`);
  });
  await admin.connect();
  atCleanup(() => admin.end());
  say(`fresh database ${name}, migrated`);
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`CREATE DATABASE ${name}`);
  atCleanup(async () => {
    if (options.keep) {
      process.stdout.write(`kept database ${name}: ${redact(benchUrl)}\n`);
      return;
    }
    // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  setUpDatabase(benchUrl.toString(), 'migrate');
  const db = new pg.Pool({ connectionString: benchUrl.toString(), max: options.connections });
  // An idle client whose server connection ends (dropping the database at the end terminates it)
  // must not crash the run.
  db.on('error', (error) => {
    if (!cleaningUp()) process.stderr.write(`PostgreSQL pool: ${error.message}\n`);
  });
  atCleanup(() => db.end());
  /** @type {Array<{ name: string, setting: string, unit: string | null }>} */
  const settings = (
    await db.query(
      `SELECT name, setting, unit FROM pg_settings
        WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem', 'effective_cache_size', 'commit_delay', 'jit')`,
    )
  ).rows;
  const server = {
    /** @type {string} */
    version: (await db.query('SHOW server_version')).rows[0].server_version,
    embedded: postgres.embedded,
    settings: Object.fromEntries(settings.map((s) => [s.name, s.unit ? `${s.setting} × ${s.unit}` : s.setting])),
  };
  const pid = await postmasterPid(db);
  note(
    `PostgreSQL ${server.version}; ${Object.entries(server.settings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  return { db, benchUrl, postmasterPid: pid, server };
}

/**
 * The data set (lib/data.mjs) and the offers of the accept runs (a second set for --what-if),
 * then VACUUM (ANALYZE); search_terms checked against the domain's slotSearchTerms on a sample.
 * @param {MarketplaceRun} run
 */
export async function loadBenchData({ options, db, domain }) {
  const { sizes } = options;
  say(`loading data: ${int(sizes.enterprises)} enterprises, ${int(sizes.students)} students, ${int(sizes.slots)} open slots`);
  const { slotSearchTerms, usccCheckCharacter } = domain;
  /** @type {Array<{ name: string, seconds: number }>} */
  const steps = [];
  /**
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} fn
   */
  const step = async (name, fn) => {
    const { value, seconds } = await timed(fn);
    steps.push({ name, seconds });
    note(`${name}: ${seconds.toFixed(1)} s${typeof value === 'string' ? ` (${value})` : ''}`);
    return value;
  };
  const load = await timed(async () => {
    await loadData(db, { sizes, slotSearchTerms, usccCheckCharacter, step });
    const main = await step('applications for the accept runs (offered, school-approved)', () =>
      prepareAccepts(db, sizes, { tag: 'as-is', slotFrom: 1, studentFrom: 1 }),
    );
    const whatIf = options.whatIf
      ? await step('applications for the --what-if accept runs', () =>
          prepareAccepts(db, sizes, { tag: 'what-if', slotFrom: main.nextSlot + 9, studentFrom: main.nextStudent }),
        )
      : null;
    return { main, whatIf };
  });
  /** @type {AcceptSets} */
  const accepts = load.value;
  const vacuum = await timed(() => db.query('VACUUM (ANALYZE)'));
  note(`VACUUM (ANALYZE): ${vacuum.seconds.toFixed(1)} s`);
  /** @type {{ organisations: number, users: number, students: number, slots: number, applications: number, size: string }} */
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM organisations)::int AS organisations, (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM students)::int AS students, (SELECT count(*) FROM slots)::int AS slots,
              (SELECT count(*) FROM applications)::int AS applications, pg_size_pretty(pg_database_size(current_database())) AS size`,
    )
  ).rows[0];
  const data = { steps, loadSeconds: load.seconds, vacuumAnalyzeSeconds: vacuum.seconds, counts };
  const loaded = Object.entries(counts).map(([k, v]) => `${k} ${typeof v === 'number' ? int(v) : v}`);
  say(`loaded in ${load.seconds.toFixed(1)} s (+ ${vacuum.seconds.toFixed(1)} s VACUUM ANALYZE): ${loaded.join(', ')}`);

  /** @type {Array<{ title: string, description: string, majors: string[], skills: string[], search_terms: string[] }>} */
  const sample = (
    await db.query(`SELECT title, description, majors, skills, search_terms FROM slots TABLESAMPLE SYSTEM (5) REPEATABLE (7) LIMIT 500`)
  ).rows;
  const wrong = sample.filter((s) => JSON.stringify(slotSearchTerms(s)) !== JSON.stringify(s.search_terms));
  const searchTermsCheck = { sampled: sample.length, mismatches: wrong.length };
  if (wrong.length || !sample.length) {
    throw new Error(
      `search_terms differ from slotSearchTerms(title, description, majors, skills) on ${wrong.length} of ${sample.length} sampled slots`,
    );
  }
  note(`search_terms = slotSearchTerms(title, description, majors, skills) on all ${sample.length} sampled slots`);
  return { accepts, data, searchTermsCheck };
}
