import type { SchoolComplianceSummary } from '@skillbridge/contracts';
import { DEMO_PASSWORD } from '@skillbridge/contracts';
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { journeyHooks, openMenu, screenshot, settled, signIn } from './support/journey';
import { overflows, PHONE } from './support/phone';

/**
 * The platform admin's pages (issue 17), at desktop and at 390 px: the year's rules — a change shown
 * rule by rule before it is saved, then in the history with who made it — and the personal-data
 * access log — the reads an education bureau officer just made found by reader, kind and day, and
 * exported as CSV through the formula-safe writer with the same entries as the page.
 */
const journey = journeyHooks();
jest.setTimeout(180_000);

const ADMIN = 'admin@demo.skillbridge.cn';
const EDU = 'edu@demo.skillbridge.cn';
const SIZES = [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', PHONE],
] as const;

/** Signs in through the API (no page) and reads some of a school's students: each read is logged. */
async function officerReadsStudents(page: Page, limit: number): Promise<string[]> {
  const api = page.request;
  const login = await api.post('/api/v1/auth/login', { data: { email: EDU, password: DEMO_PASSWORD } });
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const schools = (await (await api.get('/api/v1/schools/compliance', { headers })).json()) as SchoolComplianceSummary[];
  const students = await api.get(`/api/v1/schools/${schools[0].schoolId}/students?limit=${limit}`, { headers });
  expect(students.ok()).toBe(true);
  return ((await students.json()) as { items: Array<{ name: string }> }).items.map((s) => s.name);
}

const lanzhouToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe.each(SIZES)('the platform admin (%s)', (size, viewport) => {
  it('changes a rule of next year: sees the change before saving, then in the history with their name', async () => {
    const { page } = journey;
    await page.setViewportSize(viewport);
    await signIn(page, ADMIN);
    if (size === 'desktop') await openMenu(page, '年度规则', '/rules');
    else await page.goto('/rules');
    await settled(page);
    const nextYear = Number(lanzhouToday().slice(0, 4)) + 1;
    await page.getByTestId('rules-year').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: String(nextYear) })
      .first()
      .click();
    await settled(page);

    // Nothing changed yet: nothing to review.
    await expect(page.getByTestId('rules-review').isDisabled()).resolves.toBe(true);
    const rule = size === 'desktop' ? 'internIntakeRate' : 'stipendFloorRate';
    const input = page.getByTestId(`rule-${rule}`);
    const before = await input.inputValue();
    const after = String(Number(before) + 0.5);
    await input.fill(after);
    await page.getByTestId('rule-maxDailyHours').fill('abc');
    await expect(page.getByTestId('rules-review').isDisabled()).resolves.toBe(false);
    await page.getByTestId('rules-review').click();
    // A number that is no number is refused beside its field, before any review.
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('rule-maxDailyHours').fill('8');
    await page.getByTestId('rules-review').click();

    const diff = page.getByTestId('rules-diff');
    await diff.waitFor();
    expect(await diff.locator('li').count()).toBe(1);
    expect(await diff.locator(`li[data-rule="${rule}"] [data-testid="rule-before"]`).innerText()).toBe(`${before} %`);
    expect(await diff.locator(`li[data-rule="${rule}"] [data-testid="rule-after"]`).innerText()).toBe(`${after} %`);
    expect(await overflows(page)).toEqual([]);
    await screenshot(page, `admin-rules-review-${size}`, { fullPage: false });
    await page.getByTestId('rules-save').click();
    await diff.waitFor({ state: 'hidden' });

    const history = page.getByTestId('rules-history');
    await history.getByText('平台管理员').first().waitFor();
    const latest = history.locator(`li[data-rule="${rule}"]`).first();
    expect(await latest.locator('[data-testid="rule-after"]').innerText()).toBe(`${after} %`);
    expect(await input.inputValue()).toBe(after);
    const [stored] = await journey
      .rows<{ changes: Array<{ rule: string; after: string }> }>(
        'SELECT changes FROM rule_changes WHERE year = $1 ORDER BY id DESC LIMIT 1',
        [nextYear],
      )
      .catch(() => [undefined]);
    if (stored) expect(stored.changes.map((c) => c.rule)).toEqual([rule]);
    expect(await overflows(page)).toEqual([]);
    await screenshot(page, `admin-rules-${size}`);
  });

  it('finds an officer’s reads of students in the access log and exports them', async () => {
    const { page } = journey;
    await page.setViewportSize(viewport);
    const read = await officerReadsStudents(page, 3);
    await signIn(page, ADMIN);
    if (size === 'desktop') await openMenu(page, '个人信息访问记录', '/access-log');
    else await page.goto('/access-log');
    await settled(page);
    expect(await page.getByTestId('access-log-search').isVisible()).toBe(true);

    await page.getByTestId('access-log-actor').fill(EDU);
    await page.getByTestId('access-log-what').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '学校的学生名单' }).click();
    await page.getByTestId('access-log-search').click();
    await settled(page);
    const table = page.getByTestId('access-log-table');
    for (const name of read) await table.getByText(name, { exact: true }).first().waitFor();
    expect(await overflows(page)).toEqual([]);
    await screenshot(page, `admin-access-log-${size}`);

    // Today's reads only: the same entries, in a file whose every cell is written by the formula-safe writer.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-access-log').click()]);
    expect(download.suggestedFilename()).toBe('个人信息访问记录.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('时间,读取人,读取人邮箱,读取人角色,被读取人,被读取人编号,读取内容,用途');
    const rows = lines.slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(read.length);
    for (const name of read)
      expect(rows.some((r) => r.includes(`,${name},`) && r.includes(EDU) && r.includes('schools.students'))).toBe(true);
    expect(rows.every((r) => !/^[=+\-@]/.test(r) && !/,[=+\-@]/.test(r))).toBe(true);
  });
});
