// @ts-check
// The import, CSV (bench/imports.mjs), each run right after its ceiling: a raw COPY of the same rows
// into an unlogged scratch table. Paired so that the ratio of the two holds up on a loaded machine.
// Also the worker's own timings of the best run, from its `import done` log line.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ROOT } from '../../scripts/lib/run.mjs';
import { int } from '../lib/report.mjs';
import { runImport, say, students, toCsv } from './context.mjs';

const require = createRequire(import.meta.url);
const { from: copyFrom } = require(path.join(ROOT, 'node_modules/pg-copy-streams'));

/** The rows as COPY's text format reads them (arrays as {"…","…"}). @param {string[][]} rowsOf */
const copyText = (rowsOf) => {
  /** @param {string} skills */
  const skillArray = (skills) =>
    `{${
      skills
        ? skills
            .split('、')
            .map((s) => `"${s}"`)
            .join(',')
        : ''
    }}`;
  return rowsOf.map((r) => [r[0], r[1], r[2], r[3], r[4], skillArray(r[5]), `{${r[6] ? `"${r[6]}"` : ''}}`].join('\t')).join('\n') + '\n';
};

/**
 * @param {import('./context.mjs').ImportsRun} run
 * @param {string} tag  of this bench's e-mails
 * @returns the COPY times, the best import, and the figures of the report
 */
export async function measureCsvBesideCopy(run, tag) {
  const { db, rows: ROWS, runs: RUNS } = run;
  const data = students(ROWS, tag);
  const client = await db.connect();
  await client.query(
    `CREATE UNLOGGED TABLE IF NOT EXISTS bench_copy_scratch
       (name text, email text, major text, enrolment_year int, date_of_birth date, skills text[], certificates text[])`,
  );
  /** @param {string} text  @returns {Promise<number>} seconds */
  const rawCopy = async (text) => {
    const t0 = performance.now();
    await client.query('BEGIN');
    await client.query('TRUNCATE bench_copy_scratch');
    await pipeline(Readable.from([text]), client.query(copyFrom('COPY bench_copy_scratch FROM STDIN')));
    await client.query('COMMIT');
    return (performance.now() - t0) / 1000;
  };
  /** @type {number[]} */
  const copyTimes = [];
  /** @type {import('./context.mjs').ImportRun[]} */
  const csvRuns = [];
  for (let i = 0; i < RUNS; i++) {
    const runTag = `${tag}r${i}`;
    const runData = i === 0 ? data : students(ROWS, runTag);
    const megabytes = (Buffer.byteLength(toCsv(runData)) / 1e6).toFixed(1);
    say(`run ${i + 1} of ${RUNS}: raw COPY of ${int(ROWS)} rows, then the import of the same students (CSV, ${megabytes} MB)`);
    copyTimes.push(await rawCopy(copyText(runData)));
    const result = await runImport(run, 'csv', Buffer.from(toCsv(runData)), 'students.csv', 'text/csv');
    if (result.view.status !== 'done' || result.view.importedRows !== ROWS) {
      throw new Error(`CSV import did not finish: ${JSON.stringify(result.view).slice(0, 400)}`);
    }
    /** @type {number} */
    const written = (
      await db.query(`SELECT count(*)::int AS n FROM users u JOIN students s ON s.user_id = u.id WHERE u.email LIKE $1`, [
        `%.${i === 0 ? tag : runTag}@bench.example.cn`,
      ])
    ).rows[0].n;
    if (written !== ROWS) throw new Error(`expected ${ROWS} students, found ${written}`);
    csvRuns.push(result);
    say(`  raw COPY ${int(ROWS / copyTimes[i])} rows/s; import ${int(ROWS / result.seconds)} students/s`);
  }
  await client.query('DROP TABLE bench_copy_scratch');
  client.release();
  const csvRun = csvRuns.reduce((best, next) => (next.seconds < best.seconds ? next : best));
  // Import time over COPY time of the same run: how much more the real path costs than the ceiling.
  const ratios = csvRuns.map((r, i) => copyTimes[i] / r.seconds).sort((a, b) => a - b);
  const figures = {
    rawCopySeconds: copyTimes,
    rawCopyPerSecond: ROWS / Math.min(...copyTimes),
    csvSeconds: csvRuns.map((r) => r.seconds),
    csvPerSecond: ROWS / csvRun.seconds,
    csvAcceptedMs: csvRun.acceptedMs,
    pairedRatioMedian: ratios[Math.floor(ratios.length / 2)],
  };
  return { copyTimes, csvRun, figures };
}

/**
 * The worker's own time for an import (from its log line), without upload and polling, and its steps.
 * @param {string} workerLog
 * @param {import('./context.mjs').ImportRun} csvRun
 */
export function workerTimings(workerLog, csvRun) {
  /** @type {Array<Record<string, unknown>>} */
  const logged = fs
    .readFileSync(workerLog, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"import done"'))
    .map((line) => JSON.parse(line));
  const csvLog = logged.find((l) => l.importId === csvRun.view.id) ?? {};
  const csvWorkerMs = /** @type {number | undefined} */ (csvLog.ms);
  const csvPhases = /** @type {Record<string, number>} */ (
    Object.fromEntries(Object.entries(csvLog).filter(([key]) => key.endsWith('Ms')))
  );
  return { csvWorkerMs, csvPhases };
}
