// @ts-check
// Match rounds at scale (domain §4, journey 5): a round of `--students=` (default 10^5) students, each
// listing 10 of `students / 5` slots of 4 seats, ranked automatically, run in the worker and published
// through the API. The figure that matters is the publish: every assignment becomes an accepted
// application and a placement, every participant and enterprise gets an outbox event, all in one
// transaction — aim ≤ 10 s at 10^5 students. Writes bench/results/<date>-rounds-<students>.md and .json.
// `--republish` publishes the round of the last run again (its placements, applications and events
// removed first), without rebuilding the data or running it: for measuring the publish alone.
// Each phase is a module of rounds/; this file runs them in order.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DATA, ROOT, buildAll, setUpDatabase } from '../scripts/lib/run.mjs';
import { markdownTable, shareTable, textTable } from './lib/report.mjs';
import { benchServices, startApi, startWorker } from './lib/stack.mjs';
import { tokenMinter } from './lib/tokens.mjs';
import { roundSizes, say } from './rounds/context.mjs';
import { loadRoundData } from './rounds/data.mjs';
import { measurePublish } from './rounds/publish.mjs';
import { undoLastPublish } from './rounds/republish.mjs';
import { runRound } from './rounds/round.mjs';

const REPUBLISH = process.argv.includes('--republish');
const STUDENTS = Number(process.argv.find((a) => a.startsWith('--students='))?.split('=')[1] ?? 100_000);
const DATABASE = 'sb_bench_rounds'; // kept afterwards, for EXPLAIN and --republish

const { postgres, redis, children, cleanup } = await benchServices('rounds');

try {
  say('building');
  buildAll();
  const url = new URL(postgres.url);
  url.pathname = `/${DATABASE}`;
  const databaseUrl = url.toString();
  if (!REPUBLISH) await freshRoundsDatabase(databaseUrl);
  const sizes = roundSizes(STUDENTS);
  /** @type {import('./rounds/context.mjs').RoundsRun} */
  const run = {
    sizes,
    db: new pg.Pool({ connectionString: databaseUrl, max: 4 }),
    figures: { students: STUDENTS, slots: sizes.slots, seatsPerSlot: sizes.seats },
    rows: [],
  };
  if (!REPUBLISH) await loadRoundData(run);

  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const secret = randomBytes(24).toString('hex');
  const logDir = path.join(DATA, 'bench-rounds');
  fs.mkdirSync(logDir, { recursive: true });
  const common = { databaseUrl, redisUrl: redis.url, prefix, logDir };
  const [worker, api] = await Promise.all([startWorker(common), startApi({ ...common, secret })]);
  children.push(worker.handle, api.handle);
  const call = await officerCalls(run.db, api.base, secret);

  const round = REPUBLISH ? await undoLastPublish(run, call) : await runRound(run, call);
  const apiPid = api.handle.child.pid;
  if (apiPid === undefined) throw new Error('the API answers but has no pid');
  await measurePublish(run, call, apiPid, round);
  await run.db.end();
  writeReport(run);
} finally {
  await cleanup();
}

/**
 * Drops and re-creates the rounds database: migrations and the demo city.
 * @param {string} databaseUrl
 */
async function freshRoundsDatabase(databaseUrl) {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  setUpDatabase(databaseUrl, 'setup');
}

/**
 * The API as the education bureau's officer (the demo account edu@), timed; a failure throws with the answer.
 * @param {pg.Pool} db
 * @param {string} base  the API's /api/v1 URL
 * @param {string} secret  the API's JWT_SECRET
 * @returns {Promise<import('./rounds/context.mjs').OfficerCall>}
 */
async function officerCalls(db, base, secret) {
  /** @type {string} */
  const eduId = (await db.query(`SELECT id FROM users WHERE email = 'edu@demo.skillbridge.cn'`)).rows[0].id;
  const edu = tokenMinter(secret)({ id: eduId, role: 'bureau_officer', auth: 'EDU' });
  return async (method, route, body) => {
    const started = performance.now();
    const headers = { authorization: `Bearer ${edu}`, ...(body ? { 'content-type': 'application/json' } : {}) };
    const response = await fetch(base + route, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const reply = await response.json();
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(reply)}`);
    return { reply, ms: performance.now() - started };
  };
}

/**
 * The table in the terminal, bench/results/<date>-rounds-<students>[-republish].md and .json, and the table for bench/all.mjs.
 * @param {import('./rounds/context.mjs').RoundsRun} run
 */
function writeReport({ figures, rows }) {
  const headers = ['benchmark', 'figure', 'aim', 'verdict'];
  process.stdout.write('\n' + textTable(headers, rows) + '\n');
  const date = new Date().toISOString().slice(0, 10);
  const out = path.join(ROOT, 'bench/results', `${date}-rounds-${STUDENTS}${REPUBLISH ? '-republish' : ''}`);
  const machine = `${os.cpus().length} CPUs, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the end`;
  const command = `node bench/rounds.mjs ${process.argv.slice(2).join(' ') || `--students=${STUDENTS}`}`;
  fs.writeFileSync(
    `${out}.md`,
    `# Match round benchmark — ${date}\n\n` +
      `\`${command}\` against production builds of the API and worker over PostgreSQL and Redis on this machine. ${machine}.\n\n` +
      `${markdownTable(headers, rows)}\n`,
  );
  fs.writeFileSync(`${out}.json`, JSON.stringify({ date, figures }, null, 2));
  const table = rows.map(([what, figure, aim, verdict]) => [`rounds: ${what}`, figure, '—', aim, verdict]);
  shareTable('match rounds (bench/rounds.mjs)', table, path.relative(ROOT, `${out}.md`));
  say(`written ${path.relative(ROOT, out)}.md and .json`);
}
