import type {
  ApplicationView,
  BookingView,
  MatchRoundView,
  Page as ListPage,
  PlacementView,
  QuotaSummary,
  SchoolComplianceSummary,
} from '@skillbridge/contracts';
import type { BrowserContext, Page } from 'playwright-core';
import { journeyHooks, screenshot, signIn } from './support/journey';
import { PHONE } from './support/phone';

/**
 * Issue 17: a demo alive on the first start. On the stack's freshly seeded demo (the template the tests
 * clone, loaded today), each role signs in — on a desktop and on a 390 px phone — and the pages it opens
 * answer with real work: unread news (delivered by the stack's worker from the demo's outbox), interns at
 * work, a practice month served or booked, applications waiting, a round collecting and one published,
 * officers' figures above zero at more than one status. What is read is what the page itself fetched.
 */

jest.setTimeout(180_000);

const session = journeyHooks();

const VIEWPORTS = { desktop: null, phone: PHONE } as const;
type Viewport = keyof typeof VIEWPORTS;

/** A page in the viewport: the session's own (desktop) or a phone-sized context of the same browser. */
async function pageFor(viewport: Viewport): Promise<{ page: Page; close: () => Promise<void> }> {
  if (viewport === 'desktop') return { page: session.page, close: async () => undefined };
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser');
  const context: BrowserContext = await browser.newContext({ baseURL: session.stack.baseUrl, locale: 'zh-CN', viewport: PHONE });
  return { page: await context.newPage(), close: () => context.close() };
}

/** Opens a page of the portal and returns the JSON of the first GET it makes to an API path ending with `api`. */
async function opened<T>(page: Page, path: string, api: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname.endsWith(`/api/v1${api}`) && r.ok()),
      page.goto(path),
    ]);
    try {
      return (await response.json()) as T;
    } catch (error) {
      // The page asked again and dropped the first answer's body (a re-render's refetch): open it once more.
      if (attempt >= 2) throw error;
    }
  }
}

/** The bell's unread count, asked again (a reload) until the worker has delivered the demo's news. */
async function unread(page: Page): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const { unread: count } = await opened<{ unread: number }>(page, '/home', '/notifications/unread-count');
    if (count > 0 || attempt >= 40) return count;
    await page.waitForTimeout(1000);
  }
}

const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
const email = (local: string) => `${local}@demo.skillbridge.cn`;

/** What each role must find, read from the pages it opens. */
const CHECKS: Record<string, (page: Page) => Promise<void>> = {
  async student(page) {
    expect(await unread(page)).toBeGreaterThan(0);
    const mine = await opened<ListPage<ApplicationView>>(page, '/applications', '/applications');
    expect(mine.items.length).toBeGreaterThan(0);
    const rounds = await opened<MatchRoundView[]>(page, '/match-rounds', '/match-rounds');
    expect(rounds.some((r) => r.status === 'collecting')).toBe(true);
  },
  async teacher(page) {
    expect(await unread(page)).toBeGreaterThan(0);
    const bookings = await opened<BookingView[]>(page, '/my-practice', '/bookings');
    expect(bookings.some((b) => b.status === 'completed' || b.status === 'booked' || b.status === 'confirmed')).toBe(true);
  },
  async school(page) {
    expect(await unread(page)).toBeGreaterThan(0);
    const waiting = await opened<ListPage<ApplicationView>>(page, '/approvals', '/applications');
    expect(waiting.items.length).toBeGreaterThan(0);
    const rounds = await opened<MatchRoundView[]>(page, '/match-rounds', '/match-rounds');
    expect(rounds.some((r) => r.status === 'collecting')).toBe(true);
  },
  async hr(page) {
    expect(await unread(page)).toBeGreaterThan(0);
    const placements = await opened<ListPage<PlacementView>>(page, '/placements', '/placements');
    expect(placements.items.some((p) => p.status === 'active')).toBe(true);
  },
  async 'hr-soe'(page) {
    expect(await unread(page)).toBeGreaterThan(0);
    const placements = await opened<ListPage<PlacementView>>(page, '/placements', '/placements');
    expect(placements.items.some((p) => p.status === 'active')).toBe(true);
  },
  async miit(page) {
    const summary = await opened<QuotaSummary>(page, '/quotas', '/quotas/summary');
    expect(summary.year).toBe(year);
    expect(summary.hosted).toBeGreaterThan(0);
    expect(Object.values(summary.byStatus).filter((n) => n > 0).length).toBeGreaterThan(1);
  },
  async sasac(page) {
    const summary = await opened<QuotaSummary>(page, '/quotas', '/quotas/summary');
    expect(summary.hosted).toBeGreaterThan(0);
  },
  async edu(page) {
    const rounds = await opened<MatchRoundView[]>(page, '/match-rounds', '/match-rounds');
    expect(rounds.map((r) => r.status).sort()).toEqual(expect.arrayContaining(['collecting', 'published']));
    const schools = await opened<SchoolComplianceSummary[]>(page, '/practice-compliance', '/schools/compliance');
    expect(schools.reduce((n, s) => n + s.compliant, 0)).toBeGreaterThan(0);
  },
  async admin(page) {
    const schools = await opened<SchoolComplianceSummary[]>(page, '/practice-compliance', '/schools/compliance');
    expect(schools.reduce((n, s) => n + s.compliant, 0)).toBeGreaterThan(0);
    const summary = await opened<QuotaSummary>(page, '/quotas', '/quotas/summary');
    expect(summary.hosted).toBeGreaterThan(0);
  },
};

describe('the demo on its first start (issue 17)', () => {
  const cases = (Object.keys(VIEWPORTS) as Viewport[]).flatMap((viewport) => Object.keys(CHECKS).map((role) => [role, viewport] as const));
  it.each(cases)('%s finds real work (%s)', async (role, viewport) => {
    const { page, close } = await pageFor(viewport);
    try {
      await signIn(page, email(role));
      await CHECKS[role](page);
      await screenshot(page, `demo-${role}-${viewport}`);
    } finally {
      await close();
    }
  });
});
