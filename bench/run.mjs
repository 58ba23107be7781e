// @ts-check
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
// Each phase is a module of marketplace/; this file runs them in order.
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../scripts/lib/run.mjs';
import { domain } from './lib/data.mjs';
import { measureAcceptHot } from './marketplace/accept-hot.mjs';
import { measureAcceptSpread } from './marketplace/accept-spread.mjs';
import { apiLauncher, benchStudents, startBenchApi } from './marketplace/api.mjs';
import { measureCeiling } from './marketplace/ceiling.mjs';
import { measureDbCeiling } from './marketplace/db-ceiling.mjs';
import { LOGS, RESULTS, readOptions } from './marketplace/options.mjs';
import { capturePlans } from './marketplace/plans.mjs';
import { cleanUp, cleanUpOnSignals, runStart, say } from './marketplace/progress.mjs';
import { measureRecommended } from './marketplace/recommended.mjs';
import { describeMachine, writeReport } from './marketplace/report.mjs';
import { measureSearch } from './marketplace/search.mjs';
import { createBenchDatabase, loadBenchData, startServices } from './marketplace/setup.mjs';
import { measureWhatIf } from './marketplace/what-if.mjs';

const options = readOptions(process.argv.slice(2));
cleanUpOnSignals();

async function main() {
  fs.mkdirSync(LOGS, { recursive: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  say(
    `SkillBridge marketplace bench (${options.mode}${options.whatIf ? ', --what-if' : ''}): ${machine.nproc} CPUs (${machine.model}), ` +
      `Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}`,
  );

  const { postgres, redis } = await startServices(options);
  const database = await createBenchDatabase(options, postgres);
  /** @type {import('./marketplace/setup.mjs').MarketplaceRun} */
  const run = { options, db: database.db, benchUrl: database.benchUrl, postmasterPid: database.postmasterPid, domain: domain(ROOT) };
  const { accepts, data, searchTermsCheck } = await loadBenchData(run);

  const hello = await measureCeiling(options);
  const launcher = apiLauncher({ redisUrl: redis.url, postmasterPid: run.postmasterPid });
  const api = await startBenchApi(launcher, run.benchUrl);
  const students = await benchStudents(run.db, launcher.token);
  const { search, searchSingle } = await measureSearch(run, api.target, students);
  const recommended = await measureRecommended(run, api.target, students);
  const { rawSpread, rawHot } = await measureDbCeiling(run, accepts);
  const acceptSpread = await measureAcceptSpread(run, api.target, students, accepts.main);
  const acceptHot = await measureAcceptHot(run, api.target, students, accepts.main);
  await api.handle.stop();
  const plans = await capturePlans(run, launcher, students, accepts.main);
  const whatIf = await measureWhatIf(run, launcher, students, accepts, plans.acceptStatement);

  writeReport({
    mode: options.mode,
    whatIf: options.whatIf,
    startedAt,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
    sizes: options.sizes,
    seconds: options.seconds,
    connections: options.connections,
    postgres: database.server,
    data,
    searchTermsCheck,
    api: api.settings,
    results: { hello, search, searchSingle, recommended, rawSpread, rawHot, acceptSpread, acceptHot, explain: plans.evidence, ...whatIf },
    finishedAt: new Date().toISOString(),
    totalSeconds: (performance.now() - runStart) / 1000,
  });
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
