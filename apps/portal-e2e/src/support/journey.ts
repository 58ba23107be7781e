import { DEMO_PASSWORD } from '@skillbridge/contracts';
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { resolveStack, type E2eStack } from './environment';

export const SCREENSHOTS = join(__dirname, '..', '..', 'screenshots');

export interface Journey {
  readonly stack: E2eStack;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Rows from the stack's own database: the figures a journey expects to see on the page. */
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The Content-Security-Policy violations reported so far in this test, taken (so they no longer fail it). */
  takeCspViolations(): string[];
}

/**
 * Reports every Content-Security-Policy violation of the context's pages to `report`: the page's
 * `securitypolicyviolation` events (through a binding, so that none is lost when the page navigates
 * away) and Chromium's console errors about the policy ("Refused to …", "… violates the following
 * Content Security Policy directive …"), which also cover what no event is fired for.
 */
async function watchContentSecurityPolicy(context: BrowserContext, page: Page, report: (violation: string) => void): Promise<void> {
  await context.exposeBinding('__skillbridgeCspViolation', (_source, violation: string) => report(violation));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const send = (window as unknown as { __skillbridgeCspViolation?: (violation: string) => void }).__skillbridgeCspViolation;
      void send?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile || document.URL}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) report(`console: ${message.text()}`);
  });
}

/**
 * The life of a spec file's journeys: one stack and one browser for the file, a fresh browser
 * context per test (no tokens, no language left over), and any uncaught error in the page or any
 * Content-Security-Policy violation fails the test it happened in. Call at the top of a spec; read
 * `page` inside the tests. A spec may ask for another window (a phone) or, to inject a script of its
 * own, bypass the page's Content-Security-Policy.
 */
export function journeyHooks(options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {}): Journey {
  let stack: E2eStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];
  let cspViolations: string[] = [];
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await resolveStack();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);
  beforeEach(async () => {
    context = await browser.newContext({
      baseURL: stack.baseUrl,
      locale: 'zh-CN',
      viewport: options.viewport ?? { width: 1440, height: 900 },
      acceptDownloads: true,
      // Only for a test that injects its own script (axe-core): the other journeys keep the portal's policy.
      bypassCSP: options.bypassCSP ?? false,
    });
    cspViolations = [];
    const violations = cspViolations;
    page = await context.newPage();
    await watchContentSecurityPolicy(context, page, (violation) => violations.push(violation));
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
  return {
    get stack() {
      return stack;
    },
    get context() {
      return context;
    },
    get page() {
      return page;
    },
    takeCspViolations(): string[] {
      return cspViolations.splice(0);
    },
    async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      const db = stack.api?.db;
      if (!db)
        throw new Error('this journey reads its expected figures from the stack’s own database (not available against a running portal)');
      return (await db.query(sql, params)) as T[];
    },
  };
}

/** Signs in with a demo account's password and waits for the home page. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/home');
  await page.getByTestId('current-user').waitFor();
}

/** Waits until the page has its data: no request in flight, no skeleton, no spinner, nothing loading. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning, .ant-table-placeholder .ant-spin'));
  // Let the spinners' fade-out finish, so that the screenshots show the page at rest.
  await page.waitForTimeout(500);
}

/**
 * A full-page picture of the page at rest, scrolled to the top (a scrolled page draws its sticky
 * header mid-page). With a drawer open, take the window only: the drawer is as tall as the window.
 */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  await settled(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Picks an option of an antd Select; `typed`: a searchable one whose values are its labels, filtered by typing first. */
export async function choose(page: Page, select: Locator, option: string, { typed = false } = {}): Promise<void> {
  await select.click();
  if (typed) await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText(option, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** Opens an entry of the side menu and waits for its address. */
export async function openMenu(page: Page, label: string, path: string): Promise<void> {
  await page.locator('.ant-menu').getByText(label, { exact: true }).click();
  await page.waitForURL(`**${path}`);
}
