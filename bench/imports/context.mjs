// @ts-check
// What the phases of bench/imports.mjs share: the students' files, the upload through the API, and
// the run (database, API, sizes).
import { performance } from 'node:perf_hooks';

/**
 * @typedef {object} ImportsRun
 * @property {number} rows  students a file
 * @property {number} runs  paired raw COPY + CSV import runs
 * @property {import('pg').Pool} db
 * @property {string} base  the API's /api/v1 URL
 * @property {string} token  the school admin's
 * @property {string} schoolId
 */
/** @typedef {{ id: string, status: string, importedRows?: number, errorCount?: number }} ImportView  GET /imports/:id, the parts read here */
/** @typedef {{ view: ImportView, seconds: number, acceptedMs: number }} ImportRun */

export const HEADER = ['姓名', '邮箱', '专业', '入学年份', '出生日期', '技能', '证书'];
const MAJORS = ['机电一体化技术', '数控技术', '汽车检测与维修技术', '计算机网络技术', '护理', '电子商务'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '子涵浩然欣怡宇轩梓萱俊杰雨桐博文诗琪思远嘉怡';

/** @param {string} message */
export const say = (message) => process.stdout.write(`▸ ${message}\n`);
/** @param {number} ms  @returns {Promise<void>} */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `n` students as the rows of an import file, their e-mails tagged so that every file is new.
 * @param {number} n
 * @param {string} tag
 */
export function students(n, tag) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const year = 2023 + (i % 3);
    out.push([
      SURNAMES[i % 20] + GIVEN[(i * 7) % 20] + GIVEN[(i * 3 + 1) % 20],
      `s${i}.${tag}@bench.example.cn`,
      MAJORS[i % MAJORS.length],
      String(year),
      `${year - 16}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      i % 2 ? 'PLC编程、电气装调' : '',
      i % 5 ? '' : '1+X 工业机器人',
    ]);
  }
  return out;
}
/** @param {string} v */
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** A CSV file as schools export it from Excel: UTF-8 with a BOM, CRLF. @param {string[][]} data */
export const toCsv = (data) => '\uFEFF' + [HEADER, ...data].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

/**
 * Upload → 202 → poll until finished; the times of each step.
 * @param {ImportsRun} run
 * @param {string} label
 * @param {Buffer} bytes
 * @param {string} fileName
 * @param {string} type
 * @returns {Promise<ImportRun>}
 */
export async function runImport({ base, token, schoolId }, label, bytes, fileName, type) {
  const form = new FormData();
  form.append('kind', 'students');
  form.append('file', new Blob([bytes], { type }), fileName);
  const t0 = performance.now();
  const response = await fetch(`${base}/schools/${schoolId}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const queued = /** @type {ImportView} */ (await response.json());
  if (response.status !== 202) throw new Error(`${label}: ${response.status} ${JSON.stringify(queued)}`);
  const accepted = performance.now() - t0;
  let view;
  for (;;) {
    view = /** @type {ImportView} */ (
      await (await fetch(`${base}/imports/${queued.id}`, { headers: { authorization: `Bearer ${token}` } })).json()
    );
    if (['done', 'rejected', 'failed'].includes(view.status)) break;
    await delay(50);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { view, seconds, acceptedMs: accepted };
}
