import type { QuotaSummary, SchoolComplianceSummary, SchoolComplianceView } from '@skillbridge/contracts';
import type { Page, Response } from 'playwright-core';
import { chartsOnPage, drawnMarks, untrue, type DrawnMark } from './support/charts';
import { journeyHooks, signIn } from './support/journey';
import { PHONE } from './support/phone';

/**
 * Charts tell the truth (issue 17): each bar's drawn extent is compared with its datum through ECharts'
 * own `convertToPixel` (and each pie sector's angle with its share), at desktop and phone sizes; and
 * the data are the figures the API gave the page: the education bureau's dual-qualified share per
 * school (62.5 % and 75 % in the demo, once drawn near 20 %) and compliant teachers per school, one
 * school's gauge, donut and histogram, and the quota dashboard's districts and industries. The
 * English sweep (english.e2e-spec.ts) measures every chart of every page the same way.
 */
const journey = journeyHooks();
jest.setTimeout(180_000);

const SIZES = [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', PHONE],
] as const;

const json = <T>(response: Promise<Response>) => response.then((r) => r.json() as Promise<T>);
const apiAnswer = (page: Page, path: RegExp) => page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.ok());

/** The marks of one series, in category order. */
const seriesValues = (marks: DrawnMark[], series: string) => marks.filter((m) => m.series === series).map((m) => m.value);

async function expectTrue(page: Page, testId: string): Promise<DrawnMark[]> {
  const marks = await drawnMarks(page, testId);
  expect(marks.length).toBeGreaterThan(0);
  expect(untrue(marks)).toEqual([]);
  return marks;
}

describe.each(SIZES)('charts tell the truth (%s)', (_, viewport) => {
  it('the education bureau: each school’s dual-qualified share and compliant teachers, then one school’s charts', async () => {
    const { page } = journey;
    await page.setViewportSize(viewport);
    await signIn(page, 'edu@demo.skillbridge.cn');
    const schools = json<SchoolComplianceSummary[]>(apiAnswer(page, /\/schools\/compliance$/));
    await page.goto('/practice-compliance');
    const rows = await schools;
    expect(rows.length).toBeGreaterThan(0);

    const dual = await expectTrue(page, 'dual-share-chart');
    expect(dual.map((m) => m.value)).toEqual(rows.map((r) => Math.round(r.dualQualifiedShare * 1000) / 10));
    // The demo's two schools: 62.5 % and 75 %, each drawn up to its own height on the 0–100 % axis.
    for (const mark of dual) expect(mark.drawn[1] - mark.drawn[0]).toBeGreaterThan(0);

    const compliance = await expectTrue(page, 'compliance-chart');
    const [compliantSeries, otherSeries] = [...new Set(compliance.map((m) => m.series))];
    expect(seriesValues(compliance, compliantSeries)).toEqual(rows.map((r) => r.compliant));
    expect(seriesValues(compliance, otherSeries)).toEqual(rows.map((r) => r.teachers - r.compliant));

    const school = json<SchoolComplianceView>(apiAnswer(page, /\/schools\/[0-9a-f-]{36}\/compliance$/));
    await page.getByTestId('open-school').first().click();
    const { teachers } = await school;
    const donut = await expectTrue(page, 'status-donut');
    expect(donut.reduce((sum, m) => sum + m.value, 0)).toBe(teachers.length);
    expect(donut[0].value).toBe(teachers.filter((t) => t.compliant).length);
    const histogram = await expectTrue(page, 'served-histogram');
    expect(histogram.reduce((sum, m) => sum + m.value, 0)).toBe(teachers.length);
    expect(await chartsOnPage(page)).toEqual(expect.arrayContaining(['dual-gauge', 'status-donut', 'served-histogram']));
  });

  it('the quota dashboard: enterprises by district and by industry, stacked by status', async () => {
    const { page } = journey;
    await page.setViewportSize(viewport);
    await signIn(page, 'miit@demo.skillbridge.cn');
    const summary = json<QuotaSummary>(apiAnswer(page, /\/quotas\/summary$/));
    await page.goto('/quotas');
    const figures = await summary;
    const byDistrict = await expectTrue(page, 'district-chart');
    const byIndustry = await expectTrue(page, 'industry-chart');
    const totals = (marks: DrawnMark[]) =>
      marks.reduce<number[]>((sums, m) => ((sums[m.index] = (sums[m.index] ?? 0) + m.value), sums), []);
    expect(totals(byDistrict)).toEqual(figures.byDistrict.map((g) => g.enterprises));
    expect(totals(byIndustry)).toEqual(figures.byIndustry.map((g) => g.enterprises));
  });
});
