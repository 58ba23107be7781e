import { readFileSync } from 'fs';
import { choose, journeyHooks, screenshot, settled, signIn } from './support/journey';

/**
 * Journey 6 (domain §4): the MIIT officer opens the quota dashboard — every enterprise of the
 * remit with headcount, required, hosted and status; filters by district; a chart of the city;
 * one enterprise's drill-down; a reminder to every enterprise that is behind; the export. The
 * SASAC officer sees the municipal SOEs only; an enterprise sees its own line on its home page.
 *
 * The expected figures are read from the stack's database (`stack.api.db`).
 */

jest.setTimeout(120_000);

const MIIT = 'miit@demo.skillbridge.cn';
const SASAC = 'sasac@demo.skillbridge.cn';
const HR = 'hr@demo.skillbridge.cn';
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

const journey = journeyHooks();

const rows = <T>(sql: string, params: unknown[] = []): Promise<T[]> => journey.rows<T>(sql, params);

/** The remit's quota rows of this year, as the database holds them. */
const remitRows = (soe: boolean) =>
  rows<{ id: string; name: string; district: string; hosted: number; required: number }>(
    `SELECT o.id, o.name, o.district, q.hosted, q.required FROM quota_years q JOIN organisations o ON o.id = q.enterprise_id
      WHERE q.year = $1 AND (o.ownership = 'municipal_soe') = $2 AND o.verification = 'verified' ORDER BY o.name`,
    [year, soe],
  );

const shot = (name: string) => screenshot(journey.page, `quotas-${name}`);

/** Every enterprise name the table shows, walking its pages. */
async function tableNames(): Promise<string[]> {
  const page = journey.page;
  const names: string[] = [];
  for (;;) {
    await settled(page);
    names.push(...(await page.getByTestId('quota-table').getByTestId('open-enterprise').allTextContents()));
    const next = page.locator('.sb-pager button').last();
    if (!(await next.isEnabled())) return names;
    await next.click();
  }
}

describe('quota monitoring (journey 6)', () => {
  it('the MIIT officer sees the city’s figures and every enterprise of the remit, and filters by district', async () => {
    const page = journey.page;
    const remit = await remitRows(false);
    expect(remit.length).toBeGreaterThan(3);
    await signIn(page, MIIT);
    await page.locator('.ant-menu').getByText('配额监测', { exact: true }).click();
    await page.waitForURL('**/quotas');
    await page.getByTestId('quota-dashboard-page').waitFor();
    await settled(page);
    expect(Number(await page.getByTestId('figure-enterprises').locator('.ant-statistic-content-value').textContent())).toBe(remit.length);
    const counts = await Promise.all(
      ['met', 'on_track', 'at_risk', 'behind'].map(async (s) =>
        Number(await page.getByTestId(`status-card-${s}`).getAttribute('data-count')),
      ),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(remit.length);
    expect(counts[3]).toBeGreaterThan(0); // late in the year, the demo has enterprises that hosted nobody
    // Both charts are drawn.
    await page.getByTestId('district-chart').locator('canvas').waitFor();
    await page.getByTestId('industry-chart').locator('canvas').waitFor();
    await shot('01-miit-dashboard');

    expect((await tableNames()).sort()).toEqual(remit.map((r) => r.name).sort());

    const district = remit[0].district;
    await choose(page, page.getByTestId('filter-district'), district);
    await page.waitForURL(`**/quotas?*district=${encodeURIComponent(district)}*`);
    expect((await tableNames()).sort()).toEqual(
      remit
        .filter((r) => r.district === district)
        .map((r) => r.name)
        .sort(),
    );
    await shot('02-miit-filtered');
  });

  it('the officer drills into an enterprise: its line, its slots and the interns it hosts', async () => {
    const page = journey.page;
    const hosting = (await remitRows(false)).find((r) => r.hosted > 0);
    expect(hosting).toBeDefined();
    await signIn(page, MIIT);
    await page.goto(`/quotas?district=${encodeURIComponent(hosting!.district)}`);
    const link = page.getByTestId('quota-table').getByTestId('open-enterprise').getByText(hosting!.name, { exact: true });
    for (let pages = 0; !(await link.isVisible()); pages++) {
      await settled(page);
      if (await link.isVisible()) break;
      expect(pages).toBeLessThan(20);
      await page.locator('.sb-pager button').last().click();
    }
    await link.click();
    const drawer = page.getByTestId('enterprise-drawer');
    await drawer.getByTestId('quota-line').waitFor();
    await settled(page);
    expect(await drawer.getByTestId('drill-placements').locator('tbody tr.ant-table-row').count()).toBe(hosting!.hosted);
    expect(await drawer.getByTestId('drill-slots').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await shot('03-drill-down');
  });

  it('the officer reminds every enterprise that is behind, once a day each', async () => {
    const page = journey.page;
    await signIn(page, MIIT);
    await page.goto('/quotas');
    await settled(page);
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
    const page = journey.page;
    const remit = await remitRows(false);
    await signIn(page, MIIT);
    await page.goto('/quotas');
    await settled(page);
    for (const format of ['xlsx', 'csv'] as const) {
      await page.getByTestId('export-quotas').hover();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
      expect(download.suggestedFilename()).toBe(`实习生配额-${year}.${format}`);
      const file = readFileSync((await download.path())!);
      if (format === 'xlsx') {
        expect(file.subarray(0, 2).toString()).toBe('PK'); // a zip: an Office Open XML workbook
      } else {
        const lines = file
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim()
          .split(/\r?\n/);
        expect(lines[0]).toContain('企业名称');
        expect(lines).toHaveLength(remit.length + 1);
      }
    }
  });

  it('the SASAC officer sees the municipal SOEs only, in English too', async () => {
    const page = journey.page;
    const soes = await remitRows(true);
    expect(soes.length).toBeGreaterThan(0);
    await signIn(page, SASAC);
    await page.goto('/quotas');
    await settled(page);
    expect((await tableNames()).sort()).toEqual(soes.map((r) => r.name).sort());
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByText('Intern quota monitoring', { exact: false }).first().waitFor();
    await shot('04-sasac-english');
  });

  it('an enterprise sees its own line on its home page: hosted and what is left', async () => {
    const page = journey.page;
    const [own] = await rows<{ hosted: number; required: number }>(
      `SELECT q.hosted, q.required FROM quota_years q JOIN users u ON u.organisation_id = q.enterprise_id WHERE u.email = $1 AND q.year = $2`,
      [HR, year],
    );
    await signIn(page, HR);
    const line = page.getByTestId('own-quota');
    await line.waitFor();
    expect(Number(await line.getAttribute('data-hosted'))).toBe(own.hosted);
    expect(Number(await line.getAttribute('data-remaining'))).toBe(Math.max(own.required - own.hosted, 0));
    await shot('05-enterprise-home');
  });
});
