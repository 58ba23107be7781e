import { DEMO_PASSWORD } from '@skillbridge/contracts';
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { resolveStack, type E2eStack } from './support/environment';

/**
 * Journey 6 (domain §4): the MIIT officer opens the quota dashboard — every enterprise of the
 * remit with headcount, required, hosted and status; filters by district; a chart of the city;
 * one enterprise's drill-down; a reminder to every enterprise that is behind; the export. The
 * SASAC officer sees the municipal SOEs only; an enterprise sees its own line on its home page.
 *
 * The expected figures are read from the stack's database (`stack.api.db`).
 */

jest.setTimeout(120_000);

const SCREENSHOTS = join(__dirname, '..', 'screenshots');
const MIIT = 'miit@demo.skillbridge.cn';
const SASAC = 'sasac@demo.skillbridge.cn';
const HR = 'hr@demo.skillbridge.cn';

interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

let stack: E2eStack;
let db: Db;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)) as T[];
}

/** The remit's quota rows of this year, as the database holds them. */
const remitRows = (soe: boolean) =>
  rows<{ id: string; name: string; district: string; hosted: number; required: number }>(
    `SELECT o.id, o.name, o.district, q.hosted, q.required FROM quota_years q JOIN organisations o ON o.id = q.enterprise_id
      WHERE q.year = $1 AND (o.ownership = 'municipal_soe') = $2 ORDER BY o.name`,
    [year, soe],
  );

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await resolveStack();
  if (!stack.api?.db) throw new Error('quotas.e2e-spec reads the expected figures from the stack’s own database');
  db = stack.api.db;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

beforeEach(async () => {
  context = await browser.newContext({ baseURL: stack.baseUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors).toEqual([]);
});

async function signIn(email: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/home');
  await page.getByTestId('current-user').waitFor();
}

async function settled(): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning, .ant-table-placeholder .ant-spin, .ant-btn-loading'));
  await page.waitForTimeout(500);
}

async function shot(name: string): Promise<void> {
  await settled();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `quotas-${name}.png`), fullPage: true });
}

async function choose(select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText(option, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** Every enterprise name the table shows, walking its pages. */
async function tableNames(): Promise<string[]> {
  const names: string[] = [];
  for (;;) {
    await settled();
    names.push(...(await page.getByTestId('quota-table').getByTestId('open-enterprise').allTextContents()));
    const next = page.locator('.sb-pager button').last();
    if (!(await next.isEnabled())) return names;
    await next.click();
  }
}

describe('quota monitoring (journey 6)', () => {
  it('the MIIT officer sees the city’s figures and every enterprise of the remit, and filters by district', async () => {
    const remit = await remitRows(false);
    expect(remit.length).toBeGreaterThan(3);
    await signIn(MIIT);
    await page.locator('.ant-menu').getByText('配额监测', { exact: true }).click();
    await page.waitForURL('**/quotas');
    await page.getByTestId('quota-dashboard-page').waitFor();
    await settled();
    expect(Number(await page.getByTestId('figure-enterprises').locator('.ant-statistic-content-value').textContent())).toBe(remit.length);
    const counts = await Promise.all(['met', 'on_track', 'at_risk', 'behind'].map(async (s) => Number(await page.getByTestId(`status-card-${s}`).getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(remit.length);
    expect(counts[3]).toBeGreaterThan(0); // late in the year, the demo has enterprises that hosted nobody
    // Both charts are drawn.
    await page.getByTestId('district-chart').locator('canvas').waitFor();
    await page.getByTestId('industry-chart').locator('canvas').waitFor();
    await shot('01-miit-dashboard');

    expect((await tableNames()).sort()).toEqual(remit.map((r) => r.name).sort());

    const district = remit[0].district;
    await choose(page.getByTestId('filter-district'), district);
    await page.waitForURL(`**/quotas?*district=${encodeURIComponent(district)}*`);
    expect((await tableNames()).sort()).toEqual(remit.filter((r) => r.district === district).map((r) => r.name).sort());
    await shot('02-miit-filtered');
  });

  it('the officer drills into an enterprise: its line, its slots and the interns it hosts', async () => {
    const hosting = (await remitRows(false)).find((r) => r.hosted > 0);
    expect(hosting).toBeDefined();
    await signIn(MIIT);
    await page.goto(`/quotas?district=${encodeURIComponent(hosting!.district)}`);
    const link = page.getByTestId('quota-table').getByTestId('open-enterprise').getByText(hosting!.name, { exact: true });
    for (let pages = 0; !(await link.isVisible()); pages++) {
      await settled();
      if (await link.isVisible()) break;
      expect(pages).toBeLessThan(20);
      await page.locator('.sb-pager button').last().click();
    }
    await link.click();
    const drawer = page.getByTestId('enterprise-drawer');
    await drawer.getByTestId('quota-line').waitFor();
    await settled();
    expect(await drawer.getByTestId('drill-placements').locator('tbody tr.ant-table-row').count()).toBe(hosting!.hosted);
    expect(await drawer.getByTestId('drill-slots').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await shot('03-drill-down');
  });

  it('the officer reminds every enterprise that is behind, once a day each', async () => {
    await signIn(MIIT);
    await page.goto('/quotas');
    await settled();
    const behind = Number(await page.getByTestId('status-card-behind').getAttribute('data-count'));
    await page.getByTestId('remind-behind').click();
    await page.getByTestId('remind-confirm').click();
    await page.getByText(`已提醒 ${behind} 家企业（0 家今天已提醒过）`).waitFor();
    const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'quota.reminder'`);
    expect(n).toBe(behind);

    await page.getByTestId('remind-behind').click();
    await page.getByTestId('remind-confirm').click();
    await page.getByText(`已提醒 0 家企业（${behind} 家今天已提醒过）`).waitFor();
  });

  it('the officer exports the table as Excel and as CSV, with Chinese headers', async () => {
    const remit = await remitRows(false);
    await signIn(MIIT);
    await page.goto('/quotas');
    await settled();
    for (const format of ['xlsx', 'csv'] as const) {
      await page.getByTestId('export-quotas').hover();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
      expect(download.suggestedFilename()).toBe(`实习生配额-${year}.${format}`);
      const file = readFileSync((await download.path())!);
      if (format === 'xlsx') {
        expect(file.subarray(0, 2).toString()).toBe('PK'); // a zip: an Office Open XML workbook
      } else {
        const lines = file.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
        expect(lines[0]).toContain('企业名称');
        expect(lines).toHaveLength(remit.length + 1);
      }
    }
  });

  it('the SASAC officer sees the municipal SOEs only, in English too', async () => {
    const soes = await remitRows(true);
    expect(soes.length).toBeGreaterThan(0);
    await signIn(SASAC);
    await page.goto('/quotas');
    await settled();
    expect((await tableNames()).sort()).toEqual(soes.map((r) => r.name).sort());
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByText('Intern quota monitoring', { exact: false }).first().waitFor();
    await shot('04-sasac-english');
  });

  it('an enterprise sees its own line on its home page: hosted and what is left', async () => {
    const [own] = await rows<{ hosted: number; required: number }>(
      `SELECT q.hosted, q.required FROM quota_years q JOIN users u ON u.organisation_id = q.enterprise_id WHERE u.email = $1 AND q.year = $2`,
      [HR, year],
    );
    await signIn(HR);
    const line = page.getByTestId('own-quota');
    await line.waitFor();
    expect(Number(await line.getAttribute('data-hosted'))).toBe(own.hosted);
    expect(Number(await line.getAttribute('data-remaining'))).toBe(Math.max(own.required - own.hosted, 0));
    await shot('05-enterprise-home');
  });
});
