import { DEMO_ACCOUNTS, type Role } from '@skillbridge/contracts';
import { mayOpen, ROUTE_TABLE, type RouteEntry, type SweepDialog, type SweepTarget } from '@skillbridge/portal-routes';
import type { Page } from 'playwright-core';
import { axeViolations, overflows, PHONE } from './support/phone';
import { journeyHooks, settled, signIn } from './support/journey';
import { samplePath } from './support/route-sample';

/**
 * The phone sweep (issue 16): every route of the router table, for every demo role that may open
 * it, at 390 × 844 — with each dialog or drawer of the page open, and one error state — fails when
 * an element leaves the window, when the page's primary action is missing or clipped, or when
 * axe-core finds a serious or critical violation. Every failure is printed before the test fails.
 */
const journey = journeyHooks({ viewport: PHONE, bypassCSP: true });

/** An open dialog or drawer (closed ones stay in the page, hidden). */
const DIALOG = '[role="dialog"]:visible';
const LANGUAGE_KEY = 'skillbridge.language';

interface Sweep {
  failures: string[];
  visited: string[];
  skipped: string[];
}

const applies = (target: SweepTarget, role: Role) => !target.roles || target.roles.includes(role);

async function check(page: Page, sweep: Sweep, where: string): Promise<void> {
  await settled(page);
  sweep.visited.push(where);
  for (const o of await overflows(page)) {
    sweep.failures.push(`${where}: ${o.path} spans ${o.left}…${o.right} px (width ${o.width}) “${o.text}”`);
  }
  for (const v of await axeViolations(page)) {
    sweep.failures.push(`${where}: axe ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(' | ')}`);
  }
}

async function checkPrimary(page: Page, sweep: Sweep, where: string, target: SweepTarget): Promise<void> {
  const action = page.getByTestId(target.testId).first();
  if (!(await action.isVisible())) {
    sweep.failures.push(`${where}: primary action ${target.testId} is missing`);
    return;
  }
  const box = await action.boundingBox();
  if (!box || box.x < -0.5 || box.x + box.width > PHONE.width + 0.5) {
    sweep.failures.push(`${where}: primary action ${target.testId} is clipped (${JSON.stringify(box)})`);
  }
}

async function openDialog(page: Page, sweep: Sweep, where: string, path: string, dialog: SweepDialog): Promise<void> {
  await page.goto(path);
  await settled(page);
  const opener = page.getByTestId(dialog.testId).first();
  if (!(await opener.isVisible())) {
    sweep.failures.push(`${where}: the button ${dialog.testId} that opens a dialog is missing`);
    return;
  }
  await opener.click();
  await page.locator(DIALOG).first().waitFor({ timeout: 10_000 });
  await check(page, sweep, `${where} + ${dialog.testId}`);
  if (dialog.submitEmpty) {
    await page.locator(DIALOG).first().locator('.ant-btn-primary').last().click();
    await page.locator('.ant-form-item-explain-error').first().waitFor({ timeout: 10_000 });
    await check(page, sweep, `${where} + ${dialog.testId} submitted empty`);
  }
}

/** Sweeps one route; a page that breaks the sweep itself (a timeout) is a failure of that route, and the sweep goes on. */
async function sweepRoute(page: Page, sweep: Sweep, route: RouteEntry, role: Role, label: string): Promise<void> {
  try {
    await visitRoute(page, sweep, route, role, label);
  } catch (error) {
    sweep.failures.push(`${label} ${route.path}: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function visitRoute(page: Page, sweep: Sweep, route: RouteEntry, role: Role, label: string): Promise<void> {
  const path = await samplePath(page, route);
  if (!path) {
    // Nothing of the kind in the demo data for this role (no match round yet): said in the report, not a failure.
    sweep.skipped.push(`${label} ${route.path}: nothing listed on ${route.sweep?.sample?.from}`);
    return;
  }
  const where = `${label} ${path}`;
  await page.goto(path);
  await check(page, sweep, where);
  for (const target of route.sweep?.primary ?? []) if (applies(target, role)) await checkPrimary(page, sweep, where, target);
  for (const dialog of route.sweep?.dialogs ?? []) if (applies(dialog, role)) await openDialog(page, sweep, where, path, dialog);
}

function report(sweep: Sweep, label: string): void {
  if (sweep.failures.length === 0) return;
  console.log(`Phone sweep, ${label}: ${sweep.failures.length} failures on ${sweep.visited.length} views\n${sweep.failures.join('\n')}`);
}

const SWEPT_TIMEOUT = 600_000;

describe('every page at 390 × 844 (phone sweep with axe)', () => {
  it(
    'the public pages, and the sign-in form submitted empty',
    async () => {
      const { page } = journey;
      const sweep: Sweep = { failures: [], visited: [], skipped: [] };
      for (const route of ROUTE_TABLE.filter((r: RouteEntry) => r.public)) await sweepRoute(page, sweep, route, 'student', 'anonymous');
      await page.goto('/login');
      await page.getByTestId('login-submit').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      await check(page, sweep, 'anonymous /login submitted empty');
      report(sweep, 'anonymous');
      expect(sweep.failures).toEqual([]);
    },
    SWEPT_TIMEOUT,
  );

  const runs = [
    ...DEMO_ACCOUNTS.map((account) => ({ ...account, language: 'zh-CN' })),
    // The student's pages in both languages: English labels are longer.
    ...DEMO_ACCOUNTS.filter((a) => a.role === 'student').map((account) => ({ ...account, language: 'en' })),
  ];
  it.each(runs)(
    '$email ($language): every route of the role',
    async ({ email, role, authority, language }) => {
      const { page, context } = journey;
      await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [LANGUAGE_KEY, language] as const);
      await signIn(page, email);
      const label = `${email.split('@')[0]} (${language})`;
      const sweep: Sweep = { failures: [], visited: [], skipped: [] };
      for (const route of ROUTE_TABLE.filter((r: RouteEntry) => mayOpen(r, role, authority))) {
        await sweepRoute(page, sweep, route, role, label);
      }
      report(sweep, label);
      console.log(`Phone sweep, ${label}: ${sweep.visited.length} views checked; skipped: ${sweep.skipped.join('; ') || 'none'}`);
      expect(sweep.failures).toEqual([]);
    },
    SWEPT_TIMEOUT,
  );
});
