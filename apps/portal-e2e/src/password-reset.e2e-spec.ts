import type { Page } from 'playwright-core';
import { eventually, mailText } from '../../../test/support/sinks';
import { journeyHooks, screenshot } from './support/journey';

/**
 * 忘记密码, the whole way: from the login page, through the e-mail the worker sends to the test
 * SMTP server, to the reset page the link opens and signing in with the new password.
 */

jest.setTimeout(120_000);

const STUDENT = 'student15@demo.skillbridge.cn';
const NEW_PASSWORD = 'Spring#2027';

const session = journeyHooks();
let page: Page;

beforeEach(() => {
  page = session.page;
});

it('a student who forgot the password gets a link by e-mail, sets a new one and signs in with it', async () => {
  const smtp = session.stack.smtp;
  if (!smtp) throw new Error('this journey reads the e-mail from the stack’s own SMTP server (not available against a running portal)');

  await page.goto('/login');
  await page.getByTestId('forgot-link').click();
  await page.waitForURL('**/forgot-password');
  await page.getByTestId('forgot-email').fill(STUDENT);
  await page.getByTestId('forgot-submit').click();
  await page.getByTestId('forgot-sent').waitFor();
  expect(await page.getByTestId('forgot-sent').textContent()).toContain(STUDENT);
  await screenshot(page, 'password-reset-sent');

  const [mail] = await eventually(
    async () => smtp.received.filter((m) => m.to.includes(STUDENT)),
    (mails) => mails.length > 0,
  );
  const link = /http:\/\/127\.0\.0\.1:\d+\/reset-password#token=[\w-]{43}/.exec(mailText(mail))?.[0];
  expect(link?.startsWith(session.stack.baseUrl)).toBe(true);

  await page.goto(link as string);
  await page.getByTestId('reset-password').fill(NEW_PASSWORD);
  await page.getByTestId('reset-repeat').fill('Spring#2028');
  await page.getByTestId('reset-submit').click();
  await page.getByText('两次输入的密码不一致').waitFor();
  await page.getByTestId('reset-repeat').fill(NEW_PASSWORD);
  await screenshot(page, 'password-reset-form');
  await page.getByTestId('reset-submit').click();
  await page.waitForURL('**/login');
  await page.getByTestId('password-reset-done').waitFor();

  await page.getByTestId('login-email').fill(STUDENT);
  await page.getByTestId('login-password').fill(NEW_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/home');
  await page.getByTestId('current-user').waitFor();

  // The link worked once: opened again, it is refused in words, not a code.
  await session.context.clearCookies();
  await page.evaluate(() => localStorage.clear());
  await page.goto(link as string);
  await page.getByTestId('reset-password').fill('Autumn#2027');
  await page.getByTestId('reset-repeat').fill('Autumn#2027');
  await page.getByTestId('reset-submit').click();
  const refused = page.getByTestId('reset-error');
  await refused.waitFor();
  expect(await refused.getAttribute('data-code')).toBe('RESET_LINK_INVALID');
  expect(await refused.textContent()).toContain('重置链接无效');
});

it('the pages speak English too, and never say whether an e-mail has an account', async () => {
  await page.goto('/forgot-password');
  await page.evaluate(() => localStorage.setItem('skillbridge.language', 'en'));
  await page.reload();
  await page.getByText('Forgot password', { exact: true }).waitFor();
  await page.getByTestId('forgot-email').fill('nobody@demo.skillbridge.cn');
  await page.getByTestId('forgot-submit').click();
  const sent = page.getByTestId('forgot-sent');
  await sent.waitFor();
  expect(await sent.textContent()).toContain('If nobody@demo.skillbridge.cn has a SkillBridge account');
  await page.goto('/reset-password');
  await page.getByTestId('reset-no-token').waitFor();
  expect(await page.getByTestId('reset-no-token').textContent()).toContain('This link is incomplete');
});
