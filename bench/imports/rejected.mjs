// @ts-check
// One bad row at the end (bench/imports.mjs): the whole file is read and refused, nothing written;
// how fast the report comes back.
import { int } from '../lib/report.mjs';
import { runImport, say, students, toCsv } from './context.mjs';

/**
 * @param {import('./context.mjs').ImportsRun} run
 * @param {string} tag  of this bench's e-mails
 */
export async function measureRejectedFile(run, tag) {
  const { rows: ROWS } = run;
  say(`a ${int(ROWS)}-row file with one bad row at its end`);
  const bad = students(ROWS, `${tag}x`);
  bad[ROWS - 1][4] = '2008-02-30';
  const rejected = await runImport(run, 'rejected', Buffer.from(toCsv(bad)), 'bad.csv', 'text/csv');
  if (rejected.view.status !== 'rejected' || rejected.view.errorCount !== 1) {
    throw new Error(`expected one error: ${JSON.stringify(rejected.view).slice(0, 400)}`);
  }
  return rejected;
}
