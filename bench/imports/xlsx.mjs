// @ts-check
// The same students as an XLSX workbook (bench/imports.mjs), streamed through exceljs by the worker.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/run.mjs';
import { int } from '../lib/report.mjs';
import { HEADER, runImport, say, students } from './context.mjs';

const require = createRequire(import.meta.url);
const ExcelJS = require(path.join(ROOT, 'node_modules/exceljs'));

/**
 * @param {import('./context.mjs').ImportsRun} run
 * @param {string} tag  of this bench's e-mails
 */
export async function measureXlsx(run, tag) {
  const { rows: ROWS } = run;
  say(`import of ${int(ROWS)} students (XLSX)`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学生');
  sheet.addRow(HEADER);
  for (const r of students(ROWS, `${tag}y`)) sheet.addRow(r);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const xlsxRun = await runImport(run, 'xlsx', xlsx, 'students.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  if (xlsxRun.view.status !== 'done') throw new Error(`XLSX import did not finish: ${JSON.stringify(xlsxRun.view).slice(0, 400)}`);
  return xlsxRun;
}
