import type { ImportView } from '@skillbridge/contracts';
import { parseCsv } from '@skillbridge/domain';
import ExcelJS from 'exceljs';
import { uniqueSuffix } from '../../../test/support/database';
import { STUDENT_HEADER, studentRows, toCsv } from '../../../test/support/import-files';
import { RunningProcess } from '../../../test/support/processes';
import { eventually } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

const YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** What Excel, WPS or LibreOffice would run as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\n]/;
/** Names as people type them into a school's spreadsheet (an import trims each cell, so no tab or CR first). */
const HOSTILE_PEOPLE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3'];
/** Names an enterprise gives itself (stored as typed, tab and CR first included). */
const HOSTILE_ENTERPRISES = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-2+3', '\t=1+1', '\r=1+1'];

/** Every cell of a CSV file the API wrote (the product's own parser), after its byte-order mark. */
const csvCells = (text: string): string[][] => [...parseCsv(text.replace(/^\uFEFF/, ''), ',')].map((record) => record.cells);
/** The cells that would run as formulas: none, whatever the file. */
const live = (rows: unknown[][]): unknown[] => rows.flat().filter((cell) => typeof cell === 'string' && FORMULA_START.test(cell));

describe('every CSV and XLSX the API writes keeps hostile text inert (integration)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let worker: RunningProcess;
  let school: string;
  let miit: string;
  let schoolId: string;

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
    worker = await startWorker({ DATABASE_URL: api.database.url, QUEUE_PREFIX: queuePrefix });
    [school, miit] = await Promise.all([api.token(demo('school')), api.token(demo('miit'))]);
    schoolId = await api.organisationOf(demo('school'));
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
  });

  const download = async (method: string, path: string, token: string): Promise<Response> => {
    const response = await fetch(api.url + path, { method, headers: { authorization: `Bearer ${token}` } });
    expect([path, response.status]).toEqual([path, 200]);
    return response;
  };

  it('activation codes (POST /imports/:id/activation-codes): students named and mailed like formulas', async () => {
    const tag = uniqueSuffix();
    const rows = studentRows(HOSTILE_PEOPLE.length + 1, tag);
    HOSTILE_PEOPLE.forEach((name, i) => (rows[i][0] = name));
    rows[HOSTILE_PEOPLE.length][1] = `-1+1.${tag}@import.example.cn`; // an e-mail may start with - or = too
    const form = new FormData();
    form.append('kind', 'students');
    form.append('file', new Blob([toCsv([STUDENT_HEADER, ...rows])], { type: 'text/csv' }), 'students.csv');
    const queued = (await (
      await fetch(`${api.url}/schools/${schoolId}/imports`, { method: 'POST', headers: { authorization: `Bearer ${school}` }, body: form })
    ).json()) as ImportView;
    const done = await eventually(
      () => api.request<ImportView>('GET', `/imports/${queued.id}`, { token: school }).then((r) => r.body),
      (view) => ['done', 'rejected', 'failed'].includes(view.status),
      60_000,
    );
    expect(done).toMatchObject({ status: 'done', importedRows: rows.length });

    const cells = csvCells(await (await download('POST', `/imports/${done.id}/activation-codes`, school)).text());
    expect(cells[0]).toEqual(['姓名', '邮箱', '激活码']);
    expect(cells).toHaveLength(rows.length + 1);
    expect(live(cells)).toEqual([]);
    const names = cells.slice(1).map((row) => row[0]);
    for (const name of HOSTILE_PEOPLE) expect(names).toContain(`'${name}`);
    expect(cells.slice(1).map((row) => row[1])).toContain(`'-1+1.${tag}@import.example.cn`);
  }, 90_000);

  describe('enterprises named like formulas', () => {
    let restore: Array<{ id: string; name: string }>;
    beforeAll(async () => {
      restore = await api.db.query(
        `SELECT id, name FROM organisations WHERE kind = 'enterprise' AND ownership <> 'municipal_soe' AND uscc IS NOT NULL ORDER BY name LIMIT $1`,
        [HOSTILE_ENTERPRISES.length],
      );
      for (const [i, { id }] of restore.entries())
        await api.db.query(`UPDATE organisations SET name = $2 WHERE id = $1`, [id, HOSTILE_ENTERPRISES[i]]);
    });
    afterAll(async () => {
      for (const { id, name } of restore) await api.db.query(`UPDATE organisations SET name = $2 WHERE id = $1`, [id, name]);
    });

    it('the quota export as CSV (GET /quotas/export?format=csv)', async () => {
      const cells = csvCells(await (await download('GET', `/quotas/export?year=${YEAR}&format=csv`, miit)).text());
      expect(cells.length).toBeGreaterThan(HOSTILE_ENTERPRISES.length);
      expect(live(cells)).toEqual([]);
      const names = cells.map((row) => row[0]);
      for (const name of HOSTILE_ENTERPRISES) expect(names).toContain(`'${name}`);
    });

    it('the quota export as XLSX (GET /quotas/export?format=xlsx): text cells, none a formula', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        Buffer.from(await (await download('GET', `/quotas/export?year=${YEAR}&format=xlsx`, miit)).arrayBuffer()) as never,
      );
      const rows: unknown[][] = [];
      workbook.worksheets[0].eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1));
        row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      });
      expect(rows.length).toBeGreaterThan(HOSTILE_ENTERPRISES.length);
      expect(live(rows)).toEqual([]);
      // XML reads a CR back as LF (end-of-line normalisation): compare the names so.
      const names = rows.map((row) => String(row[0]).replace(/\r/g, '\n'));
      for (const name of HOSTILE_ENTERPRISES) expect(names).toContain(`'${name}`.replace(/\r/g, '\n'));
      // Numbers stay numbers (the year column).
      expect(rows.slice(1).every((row) => row[5] === YEAR)).toBe(true);
    });

    it('the headcount file filled in for the officer (GET /headcount-imports/template)', async () => {
      for (const lang of ['zh-CN', 'en']) {
        const cells = csvCells(await (await download('GET', `/headcount-imports/template?year=${YEAR}&lang=${lang}`, miit)).text());
        expect(live(cells)).toEqual([]);
        const names = cells.map((row) => row[1]);
        for (const name of HOSTILE_ENTERPRISES) expect(names).toContain(`'${name}`);
      }
    });
  });

  it('the empty import templates (GET /imports/templates/:kind), every kind and language', async () => {
    for (const kind of ['students', 'teachers', 'headcounts']) {
      for (const lang of ['zh-CN', 'en']) {
        const cells = csvCells(await (await download('GET', `/imports/templates/${kind}?lang=${lang}`, school)).text());
        expect(cells).toHaveLength(2);
        expect(live(cells)).toEqual([]);
      }
    }
  });
});
