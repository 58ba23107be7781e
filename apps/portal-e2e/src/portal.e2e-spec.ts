import { DEMO_ACCOUNTS, DEMO_PASSWORD, type Role } from '@skillbridge/contracts';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, journeyHooks, settled as settledIn } from './support/journey';

const AUTHORITY_NAMES = { MIIT: '市工信局', SASAC: '市国资委', EDU: '市教育局' } as const;

const session = journeyHooks();
let page: Page;

beforeEach(() => {
  page = session.page;
});

async function fillLogin(email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
}

const settled = () => settledIn(page);

describe('portal', () => {
  it('is served with its Content-Security-Policy (no inline script runs), and a violation is caught', async () => {
    const response = await page.goto('/login');
    const headers = response!.headers();
    const policy = headers['content-security-policy'] ?? '';
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    await page.getByTestId('login-email').waitFor();

    // The watch of journeyHooks sees a blocked inline script (and would fail the test with it).
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    // Both reports: the page's securitypolicyviolation event and Chromium's console error.
    const seen: string[] = [];
    while (!(seen.some((v) => /^script-src-elem blocked inline/.test(v)) && seen.some((v) => /^console: .*script-src/.test(v)))) {
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      seen.push(...session.takeCspViolations());
    }
  });

  it('shows an error on a wrong password and stays on the sign-in page', async () => {
    // A demo account: its failure counter is reset by the successful sign-in of the journeys below.
    await fillLogin('student@demo.skillbridge.cn', 'Wrong#password1');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBeTruthy();
    expect(await error.textContent()).toContain('邮箱或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('switches the sign-in page to English and remembers it', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByText('Register your enterprise').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('refreshes an expired access token once and carries on', async () => {
    await fillLogin('school@demo.skillbridge.cn', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-school_admin').waitFor();
    await settled();

    // The access token "expires": the next request gets a 401 and the client must use the refresh token.
    const before = await page.evaluate(() => {
      const tokens = JSON.parse(localStorage.getItem('skillbridge.tokens') ?? '{}') as { refreshToken: string };
      localStorage.setItem('skillbridge.tokens', JSON.stringify({ accessToken: 'expired', refreshToken: tokens.refreshToken }));
      return tokens.refreshToken;
    });
    const refreshes: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/v1/auth/refresh')) refreshes.push(response.status());
    });
    await page.reload();
    await page.getByTestId('home-school_admin').waitFor();
    await page.getByTestId('current-user').waitFor();
    await settled();

    expect(refreshes).toEqual([200]);
    const after = await page.evaluate(
      () => JSON.parse(localStorage.getItem('skillbridge.tokens') ?? '{}') as { accessToken: string; refreshToken: string },
    );
    expect(after.refreshToken).not.toBe(before);
    expect(after.accessToken).not.toBe('expired');
  });

  it.each(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))(
    '%s signs in, sees their home and signs out',
    async (email, account) => {
      const role: Role = account.role;
      await fillLogin(email, DEMO_PASSWORD);
      const [loginResponse] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login') && response.request().method() === 'POST'),
        page.getByTestId('login-submit').click(),
      ]);
      expect(loginResponse.status()).toBe(200);
      const { user } = (await loginResponse.json()) as { user: { name: string } };

      await page.waitForURL('**/home');
      await page.getByTestId(`home-${role}`).waitFor();
      const currentUser = page.getByTestId('current-user');
      await currentUser.waitFor();
      expect((await currentUser.textContent())?.trim()).toBe(user.name);
      if (account.authority) {
        await page.getByRole('heading', { name: new RegExp(AUTHORITY_NAMES[account.authority]) }).waitFor();
      }

      await settled();
      await page.screenshot({ path: join(SCREENSHOTS, `home-${role}-${email.split('@')[0]}.png`), fullPage: true });

      await page.getByTestId('logout').click();
      await page.waitForURL('**/login');
      await page.getByTestId('login-email').waitFor();
      expect(await page.evaluate(() => localStorage.getItem('skillbridge.tokens'))).toBeNull();
    },
  );
});
