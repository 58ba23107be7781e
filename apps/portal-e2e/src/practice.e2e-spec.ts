import type { Locator, Page } from 'playwright-core';
import {
  journeyHooks,
  choose as chooseIn,
  openMenu as openMenuIn,
  screenshot,
  settled as settledIn,
  signIn as signInAs,
} from './support/journey';

/**
 * Journey 4 (domain §4): a teacher books a practice month at an enterprise; an overlapping booking
 * is refused; the enterprise confirms, and after the practice records the days served; the
 * teacher's year turns compliant (green), which the school and the education bureau see too.
 *
 * The practice must have started before it can be completed, so the test moves the booking into the
 * past through the stack's database (`stack.api.db`); against a running portal (`E2E_BASE_URL`) give
 * that portal's database as `E2E_DATABASE_URL`.
 */

// Each step signs in and walks several pages: longer than the default per-test time.
jest.setTimeout(120_000);

const TEACHER = 'teacher@demo.skillbridge.cn';
const HR = 'hr@demo.skillbridge.cn';
const SCHOOL_ADMIN = 'school@demo.skillbridge.cn';
const EDU = 'edu@demo.skillbridge.cn';
const ENTERPRISE = '兰州飞天智能装备有限公司';
const SLOT_TITLE = '装备制造教师企业实践';
const SCHOOL = '兰州新区职业技术学校';

interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const session = journeyHooks();
let db: Db;
let closeDb: () => Promise<void> = async () => undefined;
let page: Page;

/** What the journey learns on the way. */
const journey = {
  slot: { id: '', start: '', end: '', capacity: 0 },
  teacher: { id: '', name: '' },
  booking: { id: '', start: '', end: '' },
  /** The year the completed practice falls in once moved into the past. */
  year: 0,
};

// ——— dates, as the API counts them: Lanzhou calendar days ———

const lanzhouToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A finished 30-day practice: ending 11 days ago when that keeps it inside this year, else last March. */
function pastMonth(today: string): [string, string] {
  const start = addDays(today, -40);
  if (start.slice(0, 4) === today.slice(0, 4)) return [start, addDays(start, 29)];
  const year = Number(today.slice(0, 4)) - 1;
  return [`${year}-03-01`, `${year}-03-30`];
}

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)) as T[];
}

/** The stack's own database, or (against a running portal) the one E2E_DATABASE_URL names. */
async function connectDatabase(): Promise<void> {
  if (session.stack.api?.db) {
    db = session.stack.api.db;
    return;
  }
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('practice.e2e-spec needs the database: run it through the stack, or set E2E_DATABASE_URL with E2E_BASE_URL');
  const dbModule = '@skillbridge/db';
  const { createDataSource } = (await import(dbModule)) as {
    createDataSource(url: string, options?: object): { initialize(): Promise<Db & { destroy(): Promise<void> }> };
  };
  const source = await createDataSource(url, { extra: { max: 2 } }).initialize();
  db = source;
  closeDb = () => source.destroy();
}

beforeAll(async () => {
  await connectDatabase();

  const [slot] = await rows<{ id: string; start: string; end: string; capacity: number }>(
    `SELECT s.id, s.start_date::text AS start, s.end_date::text AS end, s.capacity
       FROM slots s JOIN organisations o ON o.id = s.enterprise_id
      WHERE o.name = $1 AND s.title = $2 AND s.type = 'teacher_practice' AND s.state = 'open'`,
    [ENTERPRISE, SLOT_TITLE],
  );
  expect(slot).toBeDefined();
  journey.slot = slot;
  const [teacher] = await rows<{ id: string; name: string }>('SELECT id, name FROM users WHERE email = $1', [TEACHER]);
  journey.teacher = teacher;

  // The first month of 30 days or more starting two months or more from today, inside the slot's window (the demo's
  // windows run from this year into the next): 30 days, shown on one page of the calendar.
  let start = `${addDays(lanzhouToday(), 60).slice(0, 7)}-01`;
  while (addDays(start, 29).slice(0, 7) !== start.slice(0, 7)) start = `${addDays(start, 31).slice(0, 7)}-01`;
  journey.booking.start = start;
  journey.booking.end = addDays(start, 29);
  expect(start > lanzhouToday()).toBe(true);
  expect(journey.booking.end <= slot.end).toBe(true);

  // A database used before (a developer's, with E2E_BASE_URL) may hold this teacher's bookings of an
  // earlier run: start from none, and recount the slots' days taken from the bookings left.
  await db.query('DELETE FROM bookings WHERE teacher_id = $1', [teacher.id]);
  await db.query(
    `UPDATE practice_days p SET taken = (SELECT count(*) FROM bookings b
       WHERE b.slot_id = p.slot_id AND b.status <> 'cancelled' AND p.day BETWEEN b.start_date AND b.end_date)`,
  );
}, 300_000);

afterAll(() => closeDb());

beforeEach(() => {
  page = session.page;
});

// ——— helpers ———

const signIn = (email: string) => signInAs(page, email);
const settled = () => settledIn(page);
const shot = (name: string) => screenshot(page, `practice-${name}`);
const openMenu = (label: string, path: string) => openMenuIn(page, label, path);
const choose = (select: Locator, option: string) => chooseIn(page, select, option);

const day = (date: string) => page.locator(`[data-testid="calendar-day"][data-day="${date}"]`);
const bookingRow = (table: string) => page.getByTestId(table).locator(`tr[data-row-key="${journey.booking.id}"]`);

describe('teacher practice (journey 4)', () => {
  it('a teacher finds a practice slot, sees its calendar and books a month', async () => {
    await signIn(TEACHER);
    await page.getByTestId('home-teacher').waitFor();
    await page.locator('[data-testid="compliance-card"][data-compliant="false"]').waitFor();
    await shot('01-teacher-home');

    await openMenu('企业实践', '/practice');
    await page.getByTestId('practice-slots').waitFor();
    await page.getByTestId('practice-search').fill('装备制造');
    await choose(page.getByTestId('practice-district'), '七里河区');
    await page.getByTestId('practice-search-submit').click();
    const slot = page.locator(`[data-testid="practice-slot"][data-slot-id="${journey.slot.id}"]`);
    await slot.waitFor();
    expect(await page.getByTestId('practice-slot').count()).toBe(1);
    expect(await slot.getByTestId('practice-slot-enterprise').textContent()).toBe(ENTERPRISE);

    await slot.click();
    await page.locator(`[data-testid="booking-panel"][data-slot-id="${journey.slot.id}"]`).waitFor();
    await page.getByTestId('practice-calendar').waitFor();
    // Walk the calendar to the month of the booking; every day of it is free.
    for (let i = 0; i < 24 && !(await day(journey.booking.start).isVisible()); i++) await page.getByTestId('calendar-next').click();
    await settled();
    expect(await day(journey.booking.start).getAttribute('data-state')).toBe('free');
    expect(await day(journey.booking.start).getAttribute('data-free')).toBe(String(journey.slot.capacity));

    await day(journey.booking.start).click();
    expect(await page.getByTestId('booking-length').textContent()).toBe('30 天');
    expect(await day(journey.booking.end).getAttribute('data-selected')).toBe('true');
    await shot('02-teacher-calendar');

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/slots/${journey.slot.id}/bookings`) && r.request().method() === 'POST'),
      page.getByTestId('booking-submit').click(),
    ]);
    expect(response.status()).toBe(201);
    const success = page.getByTestId('booking-success');
    await success.waitFor();
    journey.booking.id = (await success.getAttribute('data-booking-id')) ?? '';
    expect(journey.booking.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await success.textContent()).toContain(`${journey.booking.start} 至 ${journey.booking.end}`);

    // The calendar now counts the teacher on those days, and stripes them as the teacher's own.
    await page.waitForFunction(
      ([selector, free]) => {
        const cell = document.querySelector(selector);
        return cell?.getAttribute('data-free') === free && cell.classList.contains('is-mine');
      },
      [`[data-testid="calendar-day"][data-day="${addDays(journey.booking.start, 14)}"]`, String(journey.slot.capacity - 1)] as const,
    );
    await shot('03-teacher-booked');
  });

  it('an overlapping second booking is refused with a translated message', async () => {
    await signIn(TEACHER);
    await page.goto(`/practice?slot=${journey.slot.id}`);
    await page.getByTestId('booking-panel').waitFor();
    const overlapping = addDays(journey.booking.start, 14);
    for (let i = 0; i < 24 && !(await day(overlapping).isVisible()); i++) await page.getByTestId('calendar-next').click();
    await settled();
    await day(overlapping).click();
    // The portal warns before asking; the API refuses.
    await page.getByTestId('booking-warnings').waitFor();

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/slots/${journey.slot.id}/bookings`) && r.request().method() === 'POST'),
      page.getByTestId('booking-submit').click(),
    ]);
    expect(response.status()).toBe(409);
    const error = page.getByTestId('booking-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('BOOKING_OVERLAP');
    expect(await error.textContent()).toContain('所选日期与你已有的实践预约重叠');
    await shot('04-teacher-overlap-refused');

    // The same refusal in English, once the user switches language.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="booking-error"]')?.textContent?.includes('overlap a practice you have already booked'),
    );
    await shot('05-teacher-overlap-refused-en');

    // 我的实践 lists the one booking, which can still be cancelled (it has not started).
    await page.getByTestId('language-switch').getByText('中文').click();
    await openMenu('我的实践', '/my-practice');
    const row = bookingRow('my-bookings');
    await row.waitFor();
    expect(await page.getByTestId('my-bookings').locator('tbody tr[data-row-key]').count()).toBe(1);
    expect(await row.getByTestId('booking-status').getAttribute('data-status')).toBe('booked');
    await row.getByTestId('cancel-booking').waitFor();
    await shot('06-teacher-my-practice');
  });

  it('the enterprise confirms the booking', async () => {
    await signIn(HR);
    await openMenu('教师实践预约', '/practice-bookings');
    const row = bookingRow('practice-bookings');
    await row.waitFor();
    expect(await row.textContent()).toContain(journey.teacher.name);
    await shot('07-enterprise-to-confirm');

    await row.getByTestId('confirm-booking').click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('bookings-tab-confirmed').click();
    await row.waitFor();
    expect(await row.getByTestId('booking-status').getAttribute('data-status')).toBe('confirmed');
    // Not started yet: completing it is not offered.
    expect(await row.getByTestId('complete-booking').isDisabled()).toBe(true);
    await shot('08-enterprise-confirmed');
  });

  it('after the practice the enterprise records 30 days served', async () => {
    // The practice took place: move it into the past (the API only completes a practice that has started).
    const [start, end] = pastMonth(lanzhouToday());
    journey.year = Number(start.slice(0, 4));
    await db.query('UPDATE bookings SET start_date = $2, end_date = $3 WHERE id = $1', [journey.booking.id, start, end]);

    await signIn(HR);
    await openMenu('教师实践预约', '/practice-bookings');
    await page.getByTestId('bookings-tab-confirmed').click();
    const row = bookingRow('practice-bookings');
    await row.waitFor();
    expect(await row.getByTestId('complete-booking').isEnabled()).toBe(true);
    await row.getByTestId('complete-booking').click();

    const dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    await dialog.getByTestId('days-served').fill('30');
    await dialog.getByTestId('evaluation').fill('实践期间参与数控产线调试，完成两项工装改进，表现认真。');
    await shot('09-enterprise-complete');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/bookings/${journey.booking.id}/complete`)),
      page.getByTestId('complete-submit').click(),
    ]);
    expect(response.status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });

    await page.getByTestId('bookings-tab-completed').click();
    await row.waitFor();
    expect(await row.getByTestId('booking-status').getAttribute('data-status')).toBe('completed');
    expect(await row.textContent()).toContain('30 天');
    await shot('10-enterprise-completed');
  });

  it("the teacher's year turns compliant (green)", async () => {
    await signIn(TEACHER);
    if (journey.year === Number(lanzhouToday().slice(0, 4))) {
      // This year's card on the teacher's home.
      await page.locator('[data-testid="compliance-card"][data-compliant="true"]').waitFor();
      await shot('11-teacher-home-compliant');
    }
    await openMenu('我的实践', '/my-practice');
    const year = page.getByTestId('compliance-year');
    await year.waitFor();
    if (!(await year.textContent())?.includes(String(journey.year))) await choose(year, `${journey.year} 年`);
    const card = page.locator('[data-testid="compliance-card"][data-compliant="true"]');
    await card.waitFor();
    expect(await card.getByTestId('compliance-status').textContent()).toContain('已达标');
    expect(await card.getByTestId('compliance-served').textContent()).toContain('30');
    const colour = await card.getByTestId('compliance-status').evaluate((el) => getComputedStyle(el).color);
    expect(colour).toMatch(/rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\)/);
    const [r, g, b] = colour.match(/\d+/g)!.map(Number);
    expect(g).toBeGreaterThan(r); // green
    expect(g).toBeGreaterThan(b);
    expect(await bookingRow('my-bookings').getByTestId('booking-status').getAttribute('data-status')).toBe('completed');
    await shot('12-teacher-compliant');
  });

  it("the school admin sees the teacher compliant and the school's dual-qualified share", async () => {
    await signIn(SCHOOL_ADMIN);
    await openMenu('实践达标', '/practice-compliance');
    await page.getByTestId('school-compliance-page').waitFor();
    const year = page.getByTestId('compliance-year');
    if (!(await year.textContent())?.includes(String(journey.year))) await choose(year, `${journey.year} 年`);
    const row = page.getByTestId('compliance-table').locator(`tr[data-row-key="${journey.teacher.id}"]`);
    await row.waitFor();
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.getAttribute('data-compliant') === 'true',
      `tr[data-row-key="${journey.teacher.id}"] [data-testid="teacher-compliant"]`,
    );
    await page.getByTestId('dual-gauge').locator('canvas').waitFor();
    expect(await page.getByTestId('dual-target').first().getAttribute('data-meets')).toMatch(/true|false/);
    await shot('13-school-compliance');
  });

  it('the education bureau sees every school against the 60 % target and opens one', async () => {
    await signIn(EDU);
    await openMenu('实践达标', '/practice-compliance');
    await page.getByTestId('schools-compliance-page').waitFor();
    const year = page.getByTestId('compliance-year');
    if (!(await year.textContent())?.includes(String(journey.year))) await choose(year, `${journey.year} 年`);
    await page.getByTestId('dual-share-chart').locator('canvas').waitFor();
    const table = page.getByTestId('schools-compliance-table');
    const school = table.locator('tbody tr', { hasText: SCHOOL });
    await school.waitFor();
    await shot('14-edu-schools');

    await school.click();
    await page.waitForURL(`**/practice-compliance/*`);
    await page.getByTestId('school-compliance-page').waitFor();
    const row = page.getByTestId('compliance-table').locator(`tr[data-row-key="${journey.teacher.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('teacher-compliant').getAttribute('data-compliant')).toBe('true');
    await shot('15-edu-school');
  });
});
