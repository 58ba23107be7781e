import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { toCsv } from '../../../test/support/import-files';
import { journeyHooks, screenshot, settled, signIn } from './support/journey';

/**
 * The bureaus' side of journey 6 with the import of journey 7 (domain §4, §13): the MIIT officer
 * downloads the year's headcount file of the remit from the quota dashboard, uploads it with a
 * line of last year and a line naming a municipal SOE (SASAC's, not theirs) and sees both lines
 * reported with nothing written; then uploads a correct workbook, watches it finish, and the enterprise's required
 * intake in the quota table follows its new headcount.
 *
 * The expected figures are read from the stack's database (`stack.api.db`).
 */

jest.setTimeout(180_000);

const MIIT = 'miit@demo.skillbridge.cn';
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

const journey = journeyHooks();

const rows = <T>(sql: string, params: unknown[] = []): Promise<T[]> => journey.rows<T>(sql, params);

interface Target {
  id: string;
  name: string;
  uscc: string;
  district: string;
  employees: number;
  required: number;
}

/** The enterprise the journey changes: the first of its district's table, so on its first page. */
let target: Target;
const quotaOf = async (id: string) =>
  (
    await rows<{ employees: number | null; required: number }>(
      `SELECT employees, required FROM quota_years WHERE enterprise_id = $1 AND year = $2`,
      [id, year],
    )
  )[0];

const finishedRun = () =>
  journey.page.locator(
    '[data-testid="import-run"][data-status="done"], [data-testid="import-run"][data-status="rejected"], [data-testid="import-run"][data-status="failed"]',
  );

/** The target's line of the quota table: [employees, required] as shown. */
async function tableFigures(): Promise<[string, string]> {
  const cells = journey.page.getByTestId('quota-table').locator(`tr[data-enterprise="${target.name}"] td`);
  return [(await cells.nth(3).textContent()) ?? '', (await cells.nth(4).textContent()) ?? ''];
}

async function openDashboard(): Promise<void> {
  const page = journey.page;
  await signIn(page, MIIT);
  await page.goto(`/quotas?district=${encodeURIComponent(target.district)}`);
  await page.getByTestId('quota-dashboard-page').waitFor();
  await settled(page);
}

async function openImport(): Promise<void> {
  await journey.page.getByTestId('import-headcounts').click();
  await journey.page.getByTestId('import-drawer').waitFor();
  await settled(journey.page);
}

beforeAll(async () => {
  const remit = await rows<Target>(
    `SELECT o.id, o.name, o.uscc, o.district, q.employees, q.required FROM quota_years q JOIN organisations o ON o.id = q.enterprise_id
      WHERE q.year = $1 AND o.ownership IS DISTINCT FROM 'municipal_soe' AND o.verification = 'verified'
      ORDER BY o.district, o.name, o.id`,
    [year],
  );
  const first = remit.find((r, i) => i === 0 || remit[i - 1].district !== r.district);
  expect(first?.uscc && first.employees).toBeTruthy();
  target = first!;
});

describe('headcount imports by the bureaus (§13)', () => {
  let template: string[] = [];

  it('the officer downloads the year’s file of the remit; a line of last year and one outside the remit reject it whole, nothing written', async () => {
    const page = journey.page;
    await openDashboard();
    expect(await tableFigures()).toEqual([target.employees.toLocaleString(), String(target.required)]);
    expect(await page.getByTestId('import-headcounts').textContent()).toContain(`导入 ${year} 年职工人数`);
    await openImport();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe(`职工人数-${year}.csv`);
    template = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(template[0]).toBe('统一社会信用代码,企业名称,年份,职工人数');
    expect(template).toContain(`${target.uscc},${target.name},${year},${target.employees}`);
    const remitSize = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM organisations WHERE kind IN ('enterprise', 'training_base') AND uscc IS NOT NULL AND ownership IS DISTINCT FROM 'municipal_soe' AND verification = 'verified'`,
    );
    expect(template).toHaveLength(remitSize[0].n + 1);

    // The officer edits the target's line and, by mistake, adds a line of last year and a municipal SOE (SASAC's remit).
    const [soe] = await rows<{ uscc: string; name: string }>(
      `SELECT uscc, name FROM organisations WHERE ownership = 'municipal_soe' AND uscc IS NOT NULL ORDER BY name LIMIT 1`,
    );
    const edited = template.map((line) =>
      line.startsWith(`${target.uscc},`) ? `${target.uscc},${target.name},${year},${target.employees * 3}` : line,
    );
    edited.push(`${target.uscc},${target.name},${year - 1},${target.employees * 2}`);
    edited.push(`${soe.uscc},${soe.name},${year},800`);
    await page
      .getByTestId('import-upload')
      .locator('input[type="file"]')
      .setInputFiles({
        name: `职工人数-${year}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(toCsv(edited.map((line) => line.split(',')))),
      });
    await finishedRun().waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-run').getAttribute('data-status')).toBe('rejected');
    expect(await page.getByTestId('import-rejected').textContent()).toContain('2 处错误');
    const errors = page.getByTestId('import-error-row');
    expect(
      await errors.evaluateAll((trs) =>
        trs.map((tr) => `${tr.getAttribute('data-line')}:${tr.getAttribute('data-field')}:${tr.getAttribute('data-reason')}`),
      ),
    ).toEqual([`${edited.length - 1}:year:NOT_THE_IMPORT_YEAR`, `${edited.length}:uscc:UNKNOWN_ENTERPRISE`]);
    expect(await errors.first().textContent()).toContain('不是本次导入的年份');
    expect(await errors.nth(1).textContent()).toContain('不在您的监管范围内');
    expect(await errors.nth(1).textContent()).toContain('统一社会信用代码');
    // Nothing of the file was written: not even the target's good line.
    expect(await quotaOf(target.id)).toEqual({ employees: target.employees, required: target.required });
    await screenshot(page, 'headcounts-01-rejected', { fullPage: false });
  });

  it('a correct workbook with English headers goes in: the progress reaches 100 % and the quota table follows', async () => {
    const page = journey.page;
    await openDashboard();
    await openImport();
    // The earlier, rejected import is listed and can be reopened.
    expect(await page.getByTestId('import-recent').textContent()).toContain('未通过校验');
    await screenshot(page, 'headcounts-02-drawer', { fullPage: false });

    const employees = target.employees * 3;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Headcounts');
    sheet.addRow(['USCC', 'Year', 'Employees']);
    sheet.addRow([target.uscc, year, employees]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await page
      .getByTestId('import-upload')
      .locator('input[type="file"]')
      .setInputFiles({
        name: `headcounts-${year}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: xlsx,
      });
    await page.getByTestId('import-progress').waitFor();
    await finishedRun().waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-run').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('import-progress').getAttribute('data-percent')).toBe('100');
    expect(await page.getByTestId('import-done').textContent()).toContain('已更新职工人数：1 条');
    await screenshot(page, 'headcounts-03-done', { fullPage: false });

    const after = await quotaOf(target.id);
    expect(after.employees).toBe(employees);
    expect(after.required).toBeGreaterThan(target.required);
    await page.getByTestId('import-see-quotas').click();
    await page.getByTestId('import-drawer').waitFor({ state: 'hidden' });
    await settled(page);
    expect(await tableFigures()).toEqual([employees.toLocaleString(), String(after.required)]);
    await screenshot(page, 'headcounts-04-quotas');
  });

  it('in English, the officer reopens the rejected import from the list and reads its report', async () => {
    const page = journey.page;
    await openDashboard();
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('import-headcounts').getByText(`Import ${year} headcounts`).waitFor();
    await screenshot(page, 'headcounts-05-english-dashboard');
    await openImport();
    const recent = page.getByTestId('import-recent');
    expect(await recent.locator('.ant-list-item').count()).toBe(2);
    await screenshot(page, 'headcounts-06-english-drawer', { fullPage: false });
    await recent.locator('.ant-list-item').filter({ hasText: 'Rejected' }).getByRole('button').click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-rejected').textContent()).toContain('Errors in the file: 2.');
    expect(await page.getByTestId('import-error-row').first().textContent()).toContain("This row is for another year than this import's");
    expect(await page.getByTestId('import-error-row').nth(1).textContent()).toContain('No such enterprise, or not in your remit');
    await screenshot(page, 'headcounts-07-english-rejected', { fullPage: false });
  });
});
