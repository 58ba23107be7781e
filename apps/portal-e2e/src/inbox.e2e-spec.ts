import { DEMO_PASSWORD } from '@skillbridge/contracts';
import type { Page } from 'playwright-core';
import { journeyHooks, screenshot, settled, signIn } from './support/journey';
import { axeViolations, overflows, PHONE } from './support/phone';
import { internshipSlot } from '../../../test/support/slots';

/**
 * Issue 17, "messages that lead somewhere", at a desktop window and at a phone's (390 × 844): the bell shows
 * the latest entries with their links; an entry opens its subject (the student's application marked in their
 * list, the enterprise's applicant among its slot's); the inbox filters by unread and kind and reads in the
 * language the portal is in (switching to English changes the entries already there); the notification
 * settings name each kind and list only those that reach the role.
 */

jest.setTimeout(240_000);

const STUDENT = 'student@demo.skillbridge.cn';
const HR = 'hr@demo.skillbridge.cn';
const SIZES = [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', PHONE],
] as const;

// axe-core is injected into the pages (as the phone sweep does): the page's own policy would refuse the script.
const session = journeyHooks({ bypassCSP: true });
let page: Page;

beforeEach(() => {
  page = session.page;
});

/** The stack's API through the portal's own proxy, as a signed-in demo user. */
async function call<T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const reply = await fetch(`${session.stack.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await reply.text();
  if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
const tokenOf = async (email: string) =>
  (await call<{ accessToken: string }>(null, 'POST', '/auth/login', { email, password: DEMO_PASSWORD })).accessToken;

/** An offer from hr@ to student@ for a slot of its own, delivered to both inboxes: the ids its entries open. */
async function offer(title: string): Promise<{ slotId: string; applicationId: string }> {
  const [hr, student] = [await tokenOf(HR), await tokenOf(STUDENT)];
  const slot = await call<{ id: string }>(hr, 'POST', '/slots', internshipSlot(title));
  await call(hr, 'POST', `/slots/${slot.id}/publish`);
  const application = await call<{ id: string }>(student, 'POST', `/slots/${slot.id}/applications`, {});
  await call(hr, 'POST', `/applications/${application.id}/offer`, { respondBy: '2027-02-25' });
  // The worker delivers a moment after: ask until both entries are there.
  for (let attempt = 0; attempt < 300; attempt++) {
    const [mine, theirs] = await Promise.all([
      call<{ items: Array<{ kind: string; subjectId: string }> }>(student, 'GET', '/notifications?limit=50'),
      call<{ items: Array<{ kind: string; subjectId: string }> }>(hr, 'GET', '/notifications?limit=50'),
    ]);
    const has = (items: Array<{ kind: string; subjectId: string }>, kind: string) =>
      items.some((n) => n.kind === kind && n.subjectId === application.id);
    if (has(mine.items, 'application.offered') && has(theirs.items, 'application.submitted')) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { slotId: slot.id, applicationId: application.id };
}

async function expectNoOverflow(): Promise<void> {
  expect(await overflows(page)).toEqual([]);
}

/**
 * On a phone, as the phone sweep checks every route: nothing past the screen's edge, and no serious or critical
 * axe-core finding. (At desktop width axe finds the side menu's selected entry short of contrast, which is the
 * layout's, not the inbox's.)
 */
async function expectPhoneFit(): Promise<void> {
  await expectNoOverflow();
  expect(await axeViolations(page)).toEqual([]);
}

describe.each(SIZES)('messages that lead somewhere (%s)', (size, viewport) => {
  let subject: { slotId: string; applicationId: string };

  beforeAll(async () => {
    subject = await offer(`通知直达实习生-${size}`);
  }, 120_000);

  beforeEach(async () => {
    await page.setViewportSize(viewport);
  });

  it('the bell shows the latest entries with their links; an entry opens the student’s application, marked in the list', async () => {
    await signIn(page, STUDENT);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=unread-badge]')?.getAttribute('data-count')) > 0);
    await page.getByTestId('notification-bell').click();
    const panel = page.getByTestId('bell-panel');
    await panel.waitFor();
    await settled(page);
    const entries = panel.getByTestId('bell-entry');
    expect(await entries.count()).toBeGreaterThan(0);
    expect(await entries.count()).toBeLessThanOrEqual(5);
    const offered = panel.locator('[data-testid=bell-entry][data-kind="application.offered"]').first();
    expect(await offered.getAttribute('href')).toBe(`/applications?focus=${subject.applicationId}`);
    expect(await offered.textContent()).toContain('你收到了录用通知');
    if (size === 'phone') await expectPhoneFit();
    await screenshot(page, `inbox-${size}-01-bell`, { fullPage: false });

    await offered.click();
    await page.waitForURL(`**/applications?focus=${subject.applicationId}`);
    // On a phone the bell's drawer slides away: measure the page once it is gone.
    if (size === 'phone') await page.locator('.ant-drawer-right .ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
    const row = page.locator(`.sb-focused[data-row-key="${subject.applicationId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(`通知直达实习生-${size}`);
    if (size === 'phone') await expectNoOverflow();
    await screenshot(page, `inbox-${size}-02-application-opened`);
  });

  it('the inbox filters by unread and kind (kept in the address), and reads in the language the portal is in', async () => {
    await signIn(page, STUDENT);
    await page.goto('/notifications');
    await page.getByTestId('notifications-page').waitFor();
    await settled(page);
    const offered = page.locator('[data-testid=notification][data-kind="application.offered"]').first();
    await offered.waitFor();
    expect(await offered.getByTestId('notification-title').textContent()).toBe('你收到了录用通知');

    // By kind: only submissions' entries are left, and the choice is in the address.
    await page.getByTestId('inbox-kind-filter').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText('提交申请', { exact: true }).click();
    await page.waitForURL('**/notifications?kind=application.submitted');
    await settled(page);
    const kinds = await page.getByTestId('notification').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['application.submitted']));
    await page.reload();
    await page.getByTestId('notifications-page').waitFor();
    await settled(page);
    expect(new Set(await page.getByTestId('notification').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind'))))).toEqual(
      new Set(['application.submitted']),
    );

    // Unread only, with the kind still chosen: read entries leave the list.
    await page.getByTestId('inbox-unread-filter').getByText('未读', { exact: true }).click();
    await page.waitForURL(/unread=1/);
    await settled(page);
    const unreadFlags = await page.getByTestId('notification').evaluateAll((items) => items.map((i) => i.getAttribute('data-unread')));
    expect(unreadFlags.every((flag) => flag === 'true')).toBe(true);
    if (size === 'phone') await expectPhoneFit();
    await screenshot(page, `inbox-${size}-03-filtered`);

    // English: the entries already in the inbox read in English.
    await page.goto('/notifications?kind=application.offered');
    await page.getByTestId('notifications-page').waitFor();
    await page.getByTestId('language-switch').getByText('English').click();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid=notification-title]')).some((t) => t.textContent === 'You have an offer'),
    );
    const titles = await page.getByTestId('notification-title').allTextContents();
    expect(titles.every((title) => title === 'You have an offer')).toBe(true);
    if (size === 'phone') await expectNoOverflow();
    await screenshot(page, `inbox-${size}-04-english`);
  });

  it('an enterprise’s entry opens the application among its slot’s applicants', async () => {
    await signIn(page, HR);
    await page.goto('/notifications?kind=application.submitted');
    await page.getByTestId('notifications-page').waitFor();
    await settled(page);
    const link = page.locator(`[data-testid=notification-title][href="/slots/${subject.slotId}?focus=${subject.applicationId}"]`);
    await link.waitFor();
    expect(await link.textContent()).toBe('收到新申请');
    await link.click();
    await page.waitForURL(`**/slots/${subject.slotId}?focus=${subject.applicationId}`);
    await page.locator(`.sb-focused[data-row-key="${subject.applicationId}"]`).waitFor();
    if (size === 'phone') await expectNoOverflow();
    await screenshot(page, `inbox-${size}-05-applicant-opened`);
  });

  it('the settings name each kind and list only the kinds that reach the role; e-mail has a language of its own', async () => {
    const kindsShown = async () => {
      await page.goto('/notification-settings');
      await page.getByTestId('notification-settings-page').waitFor();
      await settled(page);
      return page
        .getByTestId('preference-kind')
        .evaluateAll((cells) => cells.map((c) => ({ kind: c.getAttribute('data-kind'), text: (c.textContent ?? '').trim() })));
    };
    await signIn(page, STUDENT);
    const ofStudent = await kindsShown();
    expect(ofStudent.map((k) => k.kind)).toContain('round.matched');
    expect(ofStudent.map((k) => k.kind)).not.toContain('quota.reminder');
    expect(ofStudent.find((k) => k.kind === 'round.matched')?.text).toBe('撮合结果：已匹配');
    // Names, never codes.
    expect(ofStudent.filter((k) => /^[a-z]+\.[a-z-]+$/.test(k.text))).toEqual([]);
    if (size === 'phone') await expectPhoneFit();
    await screenshot(page, `inbox-${size}-06-student-settings`);

    const language = page.getByTestId('email-language');
    await language.getByText('English').click();
    await page.getByText('邮件语言已保存').waitFor();
    await page.reload();
    await page.getByTestId('notification-settings-page').waitFor();
    await settled(page);
    expect(await language.locator('.ant-radio-button-wrapper-checked').textContent()).toBe('English');
    await language.getByText('中文').click();
    await page.getByText('邮件语言已保存').waitFor();

    await session.context.clearCookies();
    await page.evaluate(() => localStorage.clear());
    await signIn(page, HR);
    const ofHr = await kindsShown();
    expect(ofHr.find((k) => k.kind === 'quota.reminder')?.text).toBe('实习生配额提醒');
    expect(ofHr.map((k) => k.kind)).not.toContain('round.matched');
    expect(ofHr.map((k) => k.kind)).not.toContain('practice.reminder');
  });
});
