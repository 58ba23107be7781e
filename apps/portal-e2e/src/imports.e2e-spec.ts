import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { STUDENT_HEADER, studentRows, toCsv } from '../../../test/support/import-files';
import { SCREENSHOTS, journeyHooks, signIn as signInAs } from './support/journey';

/**
 * Journey 7 (domain §4): a school admin imports 5,000 students from a spreadsheet. A file with bad
 * rows is reported row by row and nothing of it is written; the fixed file goes in whole, the
 * progress bar reaching 100 %, and the new students appear. One of them then activates the
 * account with the code the school hands out, and is signed in.
 */

jest.setTimeout(180_000);

const SCHOOL_ADMIN = 'school@demo.skillbridge.cn';
const EXISTING_STUDENT = 'student@demo.skillbridge.cn';
const ROWS = 5_000;

interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const session = journeyHooks();
let db: Db | undefined;
let page: Page;

const tag = `e2e${Date.now().toString(36)}`;
// 丁 sorts before the demo's surnames: the new students lead the name-sorted table.
const goodRows = studentRows(ROWS, tag).map((row) => ['丁' + row[0].slice(1), ...row.slice(1)]);
const badRows = goodRows.map((row) => [...row]);
badRows[99][4] = '2008-13-01'; // line 101: no such month
badRows[1999][1] = goodRows[9][1]; // line 2001: repeats line 11
badRows[3999][1] = EXISTING_STUDENT; // line 4001: already has an account

const studentsOfTag = async (): Promise<number> => {
  if (!db) return -1;
  const [row] = (await db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE $1`, [`%.${tag}@import.example.cn`])) as Array<{
    n: number;
  }>;
  return row.n;
};

beforeAll(() => {
  db = session.stack.api?.db;
});

beforeEach(() => {
  page = session.page;
});

const signIn = (email: string) => signInAs(page, email);

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SCREENSHOTS, `imports-${name}.png`), fullPage: true });
}

async function upload(name: string, rows: string[][]): Promise<void> {
  await page
    .getByTestId('import-upload')
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(toCsv([STUDENT_HEADER, ...rows])) });
}

const finishedRun = () =>
  page.locator(
    '[data-testid="import-run"][data-status="done"], [data-testid="import-run"][data-status="rejected"], [data-testid="import-run"][data-status="failed"]',
  );

let codesCsv = '';

describe('bulk import of students (journey 7)', () => {
  it('a file of 5,000 students with bad rows is reported row by row, and nothing of it is written', async () => {
    await signIn(SCHOOL_ADMIN);
    await page.getByTestId('home-school_admin').waitFor();
    await page.getByTestId('import-people').click();
    await page.getByTestId('import-drawer').waitFor();
    expect(await page.getByTestId('import-template').isVisible()).toBe(true);

    await upload('学生名单.csv', badRows);
    await finishedRun().waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-run').getAttribute('data-status')).toBe('rejected');
    expect(await page.getByTestId('import-rejected').textContent()).toContain('3 处错误');

    const errors = page.getByTestId('import-error-row');
    expect(await errors.count()).toBe(3);
    const lines = await errors.evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute('data-line')}:${row.getAttribute('data-field')}:${row.getAttribute('data-reason')}`),
    );
    expect(lines).toEqual(['101:dateOfBirth:INVALID_DATE', '2001:email:DUPLICATE_IN_FILE', '4001:email:EMAIL_TAKEN']);
    // In the reader's language.
    expect(await errors.nth(2).textContent()).toContain('该邮箱已有账号');
    expect(await errors.nth(0).textContent()).toContain('出生日期');
    if (db) expect(await studentsOfTag()).toBe(0);
    await shot('01-rejected');
  });

  it('the fixed file imports whole: the progress bar reaches 100 % and the new students appear', async () => {
    await signIn(SCHOOL_ADMIN);
    await page.getByTestId('import-people').click();
    await upload('学生名单-已修改.csv', goodRows);
    await page.getByTestId('import-progress').waitFor();
    await finishedRun().waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-run').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('import-progress').getAttribute('data-percent')).toBe('100');
    expect(await page.getByTestId('import-done').textContent()).toContain(`已导入 ${ROWS} 行`);
    if (db) expect(await studentsOfTag()).toBe(ROWS);
    await shot('02-done');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-codes').click()]);
    codesCsv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = codesCsv.trim().split('\r\n');
    expect(lines[0]).toBe('姓名,邮箱,激活码');
    expect(lines).toHaveLength(ROWS + 1);

    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('import-drawer').waitFor({ state: 'hidden' });
    const table = page.getByTestId('students-table');
    await table.getByText(`.${tag}@import.example.cn`).first().waitFor();
    await shot('03-students');
  });

  it('an imported student activates the account with the school’s code and is signed in', async () => {
    const [, email, code] = codesCsv.trim().split('\r\n')[1].split(',');
    await page.goto('/login');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('Whatever#2026');
    await page.getByTestId('login-submit').click();
    expect(await page.getByTestId('login-error').textContent()).toContain('尚未激活');

    await page.getByTestId('activate-link').click();
    await page.waitForURL('**/activate');
    await page.getByTestId('activate-email').fill(email);
    await page.getByTestId('activate-code').fill(code);
    await page.getByTestId('activate-password').fill('Mine#2026ok');
    await page.getByTestId('activate-submit').click();
    await page.waitForURL('**/home');
    await page.getByTestId('home-student').waitFor();
    await shot('04-activated');
  });

  it('a failed import says why and offers a new upload; a NUL in a cell is reported as a control character, in the reader’s language', async () => {
    if (!db) return; // the failed import is made in the stack's database
    const [{ id: admin, organisation_id: schoolId }] = (await db.query(`SELECT id, organisation_id FROM users WHERE email = $1`, [
      SCHOOL_ADMIN,
    ])) as Array<{ id: string; organisation_id: string }>;
    // As the sweep leaves an import whose worker was killed mid-COPY (apps/worker/test/import-sweep.int-spec.ts).
    await db.query(
      `INSERT INTO imports (kind, status, school_id, created_by, file_name, format, failure_reason, failure, finished_at)
       VALUES ('students', 'failed', $1, $2, '中断的导入.csv', 'csv', 'STALLED', 'no progress for 600 s', now())`,
      [schoolId, admin],
    );
    await signIn(SCHOOL_ADMIN);
    await page.getByTestId('import-people').click();
    await page.getByTestId('import-drawer').waitFor();
    await page.locator('.ant-list-item', { hasText: '中断的导入.csv' }).getByRole('button').click();
    const failed = page.getByTestId('import-failed');
    await failed.waitFor();
    expect(await failed.getAttribute('data-reason')).toBe('STALLED');
    expect(await failed.textContent()).toContain('导入长时间没有进展');
    expect(await page.getByTestId('import-again').textContent()).toContain('重新上传文件');
    await shot('05-failed');

    await page.getByTestId('import-again').click();
    const rows = studentRows(2, `${tag}nul`);
    rows[1][0] = '王\u0000五';
    await upload('学生名单-控制字符.csv', rows);
    await finishedRun().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-run').getAttribute('data-status')).toBe('rejected');
    const error = page.getByTestId('import-error-row');
    expect(
      await error.evaluateAll((all) =>
        all.map((row) => `${row.getAttribute('data-line')}:${row.getAttribute('data-field')}:${row.getAttribute('data-reason')}`),
      ),
    ).toEqual(['3:name:CONTROL_CHARACTER']);
    expect(await error.textContent()).toContain('不可见的控制字符');
    expect(await error.textContent()).toContain('王\u2400五');
    await shot('06-control-character');
  });
});
