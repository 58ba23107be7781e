import { DEMO_DOMAIN } from '@skillbridge/contracts';
import type { Page } from 'playwright-core';
import { journeyHooks, settled, signIn } from './support/journey';

/**
 * Issue 16, installable and kind to a flaky connection: the web app manifest is served with its icons,
 * a student's motivation survives a dropped connection and a reload, until it is sent, and so do the days
 * a teacher picked for a practice booking.
 */
const journey = journeyHooks();
const MOTIVATION = '我是机电一体化技术专业二年级学生，熟悉电气装调。网络断了也不想重写这段话。';

/** Opens the first slot the student may still apply to, and returns its id. */
async function openApplicableSlot(page: Page): Promise<string> {
  await page.goto('/find-slots');
  await settled(page);
  const cards = page.getByTestId('slot-card');
  const count = await cards.count();
  for (let i = 0; i < count; i += 1) {
    await cards.nth(i).click();
    const drawer = page.getByTestId('slot-drawer');
    await drawer.locator('[data-testid=apply-panel], [data-testid=already-applied], .ant-alert').first().waitFor();
    const panel = drawer.getByTestId('apply-panel');
    if ((await panel.count()) > 0 && (await panel.getByTestId('apply-submit').isEnabled())) {
      return (await cards.nth(i).getAttribute('data-slot-id'))!;
    }
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  }
  throw new Error('the demo student has no slot left to apply to');
}

const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('skillbridge.draft.')));

describe('offline: installable, and a form being written is not lost', () => {
  it('serves a valid web app manifest whose icons are reachable', async () => {
    const { page } = journey;
    await page.goto('/login');
    expect(await page.locator('link[rel=manifest]').getAttribute('href')).toBe('/manifest.webmanifest');
    expect(await page.locator('meta[name=theme-color]').getAttribute('content')).toMatch(/^#[0-9a-f]{6}$/i);

    const response = await page.request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      lang: string;
      theme_color: string;
      background_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({ name: '技能桥 SkillBridge', start_url: '/home', display: 'standalone', lang: 'zh-CN' });
    expect(manifest.short_name.length).toBeGreaterThan(0);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    // Installable in Chromium: a 192 and a 512 PNG; launchers that crop want a maskable one.
    const png = manifest.icons.filter((icon) => icon.type === 'image/png');
    expect(png.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    const touchIcon = await page.locator('link[rel=apple-touch-icon]').getAttribute('href');
    for (const src of [...manifest.icons.map((icon) => icon.src), touchIcon!]) {
      const icon = await page.request.get(src);
      expect({ src, status: icon.status() }).toEqual({ src, status: 200 });
      expect(icon.headers()['content-type']).toMatch(/^image\/(png|svg\+xml)/);
    }
  });

  it('keeps a student’s motivation through a dropped connection and a reload, and forgets it once sent', async () => {
    const { page, context } = journey;
    await signIn(page, `student@${DEMO_DOMAIN}`);
    const slotId = await openApplicableSlot(page);
    await page.getByTestId('apply-motivation').fill(MOTIVATION);

    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId('apply-submit').click();
    await page.locator('[data-testid=apply-error][data-code=NETWORK_ERROR]').waitFor();
    await page.getByTestId('draft-kept').waitFor();

    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
    await settled(page);
    await page.locator(`[data-testid=slot-card][data-slot-id="${slotId}"]`).click();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('apply-motivation').inputValue()).toBe(MOTIVATION);
    expect(await draftKeys(page)).toHaveLength(1);

    await page.getByTestId('apply-submit').click();
    await page.locator('[data-testid=already-applied] [data-testid=application-status][data-status=submitted]').waitFor();
    expect(await draftKeys(page)).toEqual([]);
  });

  it('keeps the days a teacher picked for a practice through a dropped connection and a reload', async () => {
    const { page, context } = journey;
    await signIn(page, `teacher@${DEMO_DOMAIN}`);
    await page.goto('/practice');
    await page.getByTestId('practice-slots').waitFor();
    await page.getByTestId('practice-slot').first().click();
    const panel = page.getByTestId('booking-panel');
    await panel.waitFor();
    const slotId = await panel.getAttribute('data-slot-id');
    const free = page.locator('[data-testid=calendar-day][data-state=free]').first();
    await free.waitFor();
    const start = (await free.getAttribute('data-day'))!;
    await free.click();
    const length = await page.getByTestId('booking-length').textContent();
    expect(await draftKeys(page)).toHaveLength(1);

    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId('booking-submit').click();
    await page.getByTestId('draft-kept').waitFor();

    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
    await page.locator(`[data-testid=booking-panel][data-slot-id="${slotId}"]`).waitFor();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('booking-length').textContent()).toBe(length);
    await page.locator(`[data-testid=calendar-day][data-day="${start}"][data-selected=true]`).waitFor();

    // Signing out forgets it: a school's computer is shared.
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    expect(await draftKeys(page)).toEqual([]);
  });
});
