// @ts-check
// Bulk imports: 10^5 students through the real path (multipart upload to the built API, the built
// worker validating and COPYing them, one INSERT … SELECT transaction), beside the ceiling of a raw
// COPY of the same rows into a scratch table on the same database. Also a 10^5-row file with one
// bad row at its end (how fast a rejection comes back) and the same students as XLSX.
// Writes bench/results/<date>-imports.md and .json. `--quick` for 2 × 10^4 rows; `--runs=N` (3);
// `--no-build`; `--keep` keeps the sb_bench_imports database.
// Each phase is a module of imports/; this file runs them in order.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DATA, ROOT, buildAll } from '../scripts/lib/run.mjs';
import { say } from './imports/context.mjs';
import { measureCsvBesideCopy, workerTimings } from './imports/csv.mjs';
import { measureRejectedFile } from './imports/rejected.mjs';
import { measureXlsx } from './imports/xlsx.mjs';
import { int, markdownTable, shareTable, textTable } from './lib/report.mjs';
import { benchServices, freshDatabase, startApi, startWorker } from './lib/stack.mjs';
import { tokenMinter } from './lib/tokens.mjs';

const quick = process.argv.includes('--quick');
const ROWS = quick ? 20_000 : 100_000;
// This machine is shared: the best of a few runs says what the code can do, the worst what load does to it.
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const AIM = 20_000; // students a second

/**
 * @typedef {{ rows: number, rejectedSeconds: number, xlsxPerSecond: number, csvWorkerMs: number | undefined, csvPhases: Record<string, number> }
 *   & Awaited<ReturnType<typeof measureCsvBesideCopy>>['figures']} ImportFigures
 */

const loadAtStart = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const { postgres, redis, children, cleanup } = await benchServices('imports');

try {
  if (!process.argv.includes('--no-build')) {
    say('building');
    buildAll();
  }
  const database = await freshDatabase(postgres.url, 'imports');
  // Dropped last, once the API and the worker have let go of it (`--keep` keeps it to look into).
  if (!process.argv.includes('--keep')) children.push({ stop: database.drop });
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  const secret = randomBytes(24).toString('hex');
  const logDir = path.join(DATA, 'bench-imports');
  fs.mkdirSync(logDir, { recursive: true });

  const common = { databaseUrl: database.url, redisUrl: redis.url, prefix: `bench${randomBytes(3).toString('hex')}`, logDir };
  const [worker, api] = await Promise.all([startWorker({ ...common, env: { LOG_LEVEL: 'info' } }), startApi({ ...common, secret })]);
  children.push(worker.handle, api.handle);
  /** @type {{ id: string, organisation_id: string }} */
  const schoolAdmin = (await db.query(`SELECT id, organisation_id FROM users WHERE email = 'school@demo.skillbridge.cn'`)).rows[0];
  /** @type {import('./imports/context.mjs').ImportsRun} */
  const run = {
    rows: ROWS,
    runs: RUNS,
    db,
    base: api.base,
    token: tokenMinter(secret)({ id: schoolAdmin.id, role: 'school_admin', org: schoolAdmin.organisation_id }),
    schoolId: schoolAdmin.organisation_id,
  };

  const tag = randomBytes(3).toString('hex');
  const csv = await measureCsvBesideCopy(run, tag);
  const rejected = await measureRejectedFile(run, tag);
  say(`  ${int(csv.figures.csvPerSecond)} students/s end to end (${csv.csvRun.seconds.toFixed(2)} s)`);
  const xlsx = await measureXlsx(run, tag);
  const { csvWorkerMs, csvPhases } = workerTimings(worker.handle.logFile, csv.csvRun);
  await db.end();
  const figures = {
    rows: ROWS,
    ...csv.figures,
    rejectedSeconds: rejected.seconds,
    xlsxPerSecond: ROWS / xlsx.seconds,
    csvWorkerMs,
    csvPhases,
  };
  writeReport(figures, { copyTimes: csv.copyTimes, csvRun: csv.csvRun, rejected, xlsxRun: xlsx });
} finally {
  await cleanup();
}

/**
 * The table in the terminal, bench/results/<date>-imports[-quick].md and .json, and the table for bench/all.mjs.
 * @param {ImportFigures} figures  the report's .json
 * @param {object} runs
 * @param {number[]} runs.copyTimes  seconds of each raw COPY
 * @param {import('./imports/context.mjs').ImportRun} runs.csvRun  the best CSV import
 * @param {import('./imports/context.mjs').ImportRun} runs.rejected
 * @param {import('./imports/context.mjs').ImportRun} runs.xlsxRun
 */
function writeReport(figures, { copyTimes, csvRun, rejected, xlsxRun }) {
  const { csvWorkerMs, csvPhases } = figures;
  /** @param {number} x */
  const ratio = (x) => `${((x / figures.rawCopyPerSecond) * 100).toFixed(0)} % of the best raw COPY`;
  /** @param {number[]} times */
  const spread = (times) => times.map((t) => t.toFixed(2)).join(' / ');
  const worker = csvWorkerMs ? `${(csvWorkerMs / 1000).toFixed(2)} s` : '—';
  const rows = [
    [
      `raw COPY of ${int(ROWS)} student rows into a scratch table, before each import run (best of ${RUNS})`,
      `${int(figures.rawCopyPerSecond)} rows/s (runs: ${spread(copyTimes)} s)`,
      '— (the ceiling)',
      '—',
      'reported',
    ],
    [
      `import ${int(ROWS)} students, CSV: upload → validated → users + students + activations → done (best of ${RUNS})`,
      `${int(figures.csvPerSecond)} students/s (runs: ${spread(figures.csvSeconds)} s; best: 202 after ${int(csvRun.acceptedMs)} ms, worker ${worker})`,
      `${ratio(figures.csvPerSecond)}; paired with the COPY of its own run: ${(figures.pairedRatioMedian * 100).toFixed(0)} % (median)`,
      `≥ ${int(AIM)} students/s`,
      figures.csvPerSecond >= AIM ? '✅ met' : '❌ missed',
    ],
    [
      `…the best run's steps in the worker`,
      Object.entries(csvPhases)
        .map(([k, v]) => `${k.replace(/Ms$/, '')} ${(v / 1000).toFixed(2)} s`)
        .join(' · '),
      '—',
      '—',
      'reported',
    ],
    [
      `import ${int(ROWS)} students, XLSX`,
      `${int(figures.xlsxPerSecond)} students/s (${xlsxRun.seconds.toFixed(2)} s)`,
      ratio(figures.xlsxPerSecond),
      '—',
      'reported',
    ],
    [
      `a ${int(ROWS)}-row file with one bad row on its last line: refused, nothing written`,
      `${rejected.seconds.toFixed(2)} s to the report`,
      '—',
      '—',
      'reported',
    ],
  ];

  const headers = ['benchmark', 'figure', 'beside the ceiling', 'aim', 'verdict'];
  process.stdout.write('\n' + textTable(headers, rows) + '\n');
  const date = new Date().toISOString().slice(0, 10);
  const out = path.join(ROOT, 'bench/results', `${date}-imports${quick ? '-quick' : ''}`);
  const machine =
    `${os.cpus().length} CPUs, Node ${process.version}, load average ${loadAtStart} at the start ` +
    `and ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end`;
  fs.writeFileSync(
    `${out}.md`,
    `# Bulk import benchmark — ${date}${quick ? ' (quick)' : ''}\n\n` +
      `\`node bench/imports.mjs\` against production builds of the API and worker over PostgreSQL and Redis on this machine. ${machine}.\n\n` +
      `${markdownTable(headers, rows)}\n`,
  );
  fs.writeFileSync(`${out}.json`, JSON.stringify({ date, quick, figures }, null, 2));
  shareTable('bulk imports (bench/imports.mjs)', rows, path.relative(ROOT, `${out}.md`));
  say(`written ${path.relative(ROOT, out)}.md and .json`);
}
