import type { Page } from 'playwright-core';
import { journeyHooks, screenshot, settled as settledIn, signIn as signInAs } from './support/journey';

/**
 * Journey 5 (domain §4) in the browser, on a small round: the education bureau creates a round over two
 * slots of an enterprise and opens it; a student adds both to their list and orders it (by dragging and
 * with the buttons); the bureau closes the lists; the enterprise ranks its applicants; the bureau runs
 * the round (in the worker), sees the figures and the chart, and publishes (its agreements drafted); the student sees their own
 * line. Needs the stack's database (the slots are looked up there).
 */

jest.setTimeout(180_000);

const EDU = 'edu@demo.skillbridge.cn';
const HR = 'hr@demo.skillbridge.cn';
const STUDENT = 'student@demo.skillbridge.cn';
const ENTERPRISE = '兰州飞天智能装备有限公司';
const ROUND = `E2E 撮合轮次 ${Date.now().toString(36)}`;

interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const session = journeyHooks();
let db: Db;
let page: Page;
const journey = { slots: [] as Array<{ id: string; title: string }>, roundId: '' };

beforeAll(async () => {
  if (!session.stack.api?.db) throw new Error('match-rounds.e2e-spec needs the stack’s database: run it through the stack');
  db = session.stack.api.db;
  // Two open slots of the enterprise with seats left that the student may take (not teacher practice).
  journey.slots = (await db.query(
    `SELECT s.id, s.title FROM slots s JOIN organisations o ON o.id = s.enterprise_id
      WHERE o.name = $1 AND s.state = 'open' AND s.type IN ('internship', 'apprenticeship') AND s.capacity > s.taken
      ORDER BY s.title LIMIT 2`,
    [ENTERPRISE],
  )) as Array<{ id: string; title: string }>;
  expect(journey.slots).toHaveLength(2);
}, 300_000);

beforeEach(() => {
  page = session.page;
});

// ——— helpers ———

const signIn = (email: string) => signInAs(page, email);
const settled = () => settledIn(page);
const shot = (name: string) => screenshot(page, `rounds-${name}`);

async function openRound(): Promise<void> {
  await page.locator('.ant-menu').getByText('撮合轮次', { exact: true }).click();
  await page.waitForURL('**/match-rounds');
  await page.getByTestId('rounds-table').getByText(ROUND, { exact: true }).click();
  await page.waitForURL(`**/match-rounds/${journey.roundId}`);
  await page.getByTestId('round-title').waitFor();
}

const status = (value: string) => page.locator(`[data-testid="round-status"][data-status="${value}"]`);

/** Clicks a button that asks for confirmation, then the confirmation's OK. */
async function confirm(testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
}

const listOrder = () =>
  page
    .getByTestId('preference-list')
    .getByTestId('sortable-item')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));

describe('match rounds (journey 5)', () => {
  it('the education bureau creates a round over two slots and opens it', async () => {
    await signIn(EDU);
    await page.locator('.ant-menu').getByText('撮合轮次', { exact: true }).click();
    await page.getByTestId('rounds-page').waitFor();
    await page.getByTestId('create-round').click();
    await page.getByTestId('round-name').fill(ROUND);
    await page.getByTestId('round-seed').fill('e2e-seed');
    for (const slot of journey.slots) {
      await page.getByTestId('round-slot-search').fill(slot.title);
      await page.getByTestId('round-slot-search-submit').click();
      // The table shows the search's rows only once every row is of that title.
      await page.waitForFunction((title) => {
        const titles = Array.from(document.querySelectorAll('[data-testid="round-slot-table"] tr[data-row-key] td:nth-child(2)')).map(
          (td) => td.textContent,
        );
        return titles.length > 0 && titles.every((t) => t === title);
      }, slot.title);
      await settled();
      const row = page.getByTestId('round-slot-table').locator(`tr[data-row-key="${slot.id}"]`);
      // antd draws its own box over a transparent input: click the box.
      await row.locator('.ant-checkbox').click();
      await row.locator('.ant-checkbox-checked').waitFor();
    }
    await shot('01-create');
    await page.getByTestId('create-round-submit').click();
    await page.waitForURL(/\/match-rounds\/[0-9a-f-]{36}$/);
    journey.roundId = page.url().split('/').pop()!;
    await status('draft').waitFor();
    await page.getByTestId('round-slots').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('round-slots').locator('tbody tr.ant-table-row').count()).toBe(2);
    await page.getByTestId('round-open').click();
    await status('collecting').waitFor();
    await shot('02-open');
  });

  it('a student lists both slots and orders them by dragging and with the buttons', async () => {
    await signIn(STUDENT);
    await openRound();
    const add = page.getByTestId('round-slots').getByTestId('add-to-list');
    await add.first().click();
    await add.first().click();
    expect(await listOrder()).toHaveLength(2);
    const [first, second] = await listOrder();

    // Drag the second above the first (pointer sensor: press, move past the threshold, drop).
    const handle = page.getByTestId('preference-list').getByTestId('sortable-item').nth(1).locator('.sb-sortable-handle');
    const target = page.getByTestId('preference-list').getByTestId('sortable-item').nth(0);
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
    await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await listOrder()).toEqual([second, first]);

    // And back with the keyboard-friendly buttons.
    await page.getByTestId('preference-list').getByTestId('sortable-item').nth(1).getByTestId('move-up').click();
    expect(await listOrder()).toEqual([first, second]);
    await page.getByTestId('save-preferences').click();
    await page.getByTestId('save-preferences').and(page.locator('[disabled]')).waitFor();
    await shot('03-student-list');
    await page.reload();
    await page.getByTestId('preference-list').waitFor();
    expect(await listOrder()).toEqual([first, second]);
  });

  it('the bureau closes the lists', async () => {
    await signIn(EDU);
    await openRound();
    await confirm('round-close');
    await status('ranking').waitFor();
  });

  it('the enterprise ranks the students who listed its slot', async () => {
    await signIn(HR);
    await openRound();
    await page.getByTestId('rank-slot').first().click();
    await page.getByTestId('ranking-drawer').getByTestId('ranking-automatic').waitFor();
    expect(await page.getByTestId('ranking-list').getByTestId('sortable-item').count()).toBe(1);
    await shot('04-enterprise-ranking');
    await page.getByTestId('save-ranking').click();
    await page.getByTestId('ranking-drawer').getByText('企业排序', { exact: true }).waitFor();
  });

  it('the bureau runs the round, sees the figures and publishes it', async () => {
    await signIn(EDU);
    await openRound();
    await page.getByTestId('round-run').click();
    await status('ran').waitFor({ timeout: 30_000 });
    await page.getByTestId('figure-matched').waitFor();
    await page.locator('[data-testid="result-chart"] canvas').waitFor();
    expect(await page.getByTestId('figure-stable').textContent()).toContain('稳定');
    expect(await page.getByTestId('result-lines').locator('tbody tr.ant-table-row').count()).toBe(1);
    await shot('05-result');
    await confirm('round-publish');
    await status('published').waitFor();
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM placements p JOIN users u ON u.id = p.person_id WHERE u.email = $1 AND p.slot_id = $2`,
      [STUDENT, journey.slots[0].id],
    )) as Array<{ n: number }>;
    expect(n).toBe(1);
    // Publishing drafts the matches' tripartite agreements (issue 18): the round shows how far, until done.
    const drafting = page.locator('[data-testid="round-agreement-drafting"][data-done="true"]');
    await drafting.waitFor();
    // One agreement for each student placement on the round's slots.
    const [{ made }] = (await db.query(
      `SELECT count(*)::int AS made FROM placements WHERE slot_id = ANY($1::uuid[]) AND kind = 'student'`,
      [journey.slots.map((s) => s.id)],
    )) as Array<{ made: number }>;
    expect(await drafting.textContent()).toContain(`已为 ${made} 个录取结果起草三方协议`);
  });

  it('the student sees their own line: their first choice', async () => {
    await signIn(STUDENT);
    await openRound();
    const line = page.locator('[data-testid="own-line"][data-matched="true"]');
    await line.waitFor();
    expect(await line.textContent()).toContain(journey.slots[0].title);
    await shot('06-student-result');
  });
});
