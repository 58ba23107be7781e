import type { Page } from 'playwright-core';
import { usccCheckCharacter } from '@skillbridge/domain';
import { mailsTo } from '../../../test/support/registration';
import { mailText } from '../../../test/support/sinks';
import { choose, journeyHooks, screenshot } from './support/journey';

/**
 * Issue 14, an enterprise's registration the whole way on a phone (390 px): the register page (no
 * password there) says "check your e-mail"; the e-mail the worker sends to the test SMTP server holds
 * the link; the confirm page it opens takes the password and lands on the admin's home, awaiting
 * verification. The link works once.
 */

jest.setTimeout(150_000);

const session = journeyHooks();
let page: Page;
const suffix = Date.now()
  .toString(36)
  .slice(-5)
  .toUpperCase()
  .replace(/[IOSVZ]/g, '1');
const body17 = `91620100MA6${suffix.padStart(5, '0')}2`;
const USCC = body17 + usccCheckCharacter(body17);
const NAME = `兰州浏览器注册${suffix}有限公司`;
const EMAIL = `browser-${suffix.toLowerCase()}@example.cn`;
const PASSWORD = 'Spring#2027';

beforeEach(() => {
  page = session.page;
});

it('registers from the register page through the e-mailed link to the admin’s home, awaiting verification', async () => {
  const smtp = session.stack.smtp;
  if (!smtp) throw new Error('this journey reads the e-mail from the stack’s own SMTP server (not available against a running portal)');
  await page.setViewportSize({ width: 390, height: 844 });

  await page.goto('/login');
  await page.locator('a[href="/register"]').click();
  await page.waitForURL('**/register');
  await page.getByTestId('register-name').fill(NAME);
  await page.getByTestId('register-uscc').fill(USCC);
  await choose(page, page.getByTestId('register-ownership'), '民营企业');
  await choose(page, page.getByTestId('register-district'), '安宁区');
  await page.getByTestId('register-industry').fill('装备制造');
  await page.getByTestId('register-admin-name').fill('浏览器测试');
  await page.getByTestId('register-admin-email').fill(EMAIL);
  await screenshot(page, 'registration-form-390');
  await page.getByTestId('register-submit').click();
  const sent = page.getByTestId('register-sent');
  await sent.waitFor();
  expect(await sent.textContent()).toContain('请查收邮件');
  expect(await sent.textContent()).toContain(EMAIL);
  await screenshot(page, 'registration-sent-390');
  // The page is no wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const [mail] = await mailsTo(smtp, EMAIL);
  const link = /http:\/\/127\.0\.0\.1:\d+\/register\/confirm#token=[\w-]{43}/.exec(mailText(mail))?.[0];
  expect(link?.startsWith(session.stack.baseUrl)).toBe(true);

  await page.goto(link as string);
  await page.getByTestId('register-confirm-password').fill(PASSWORD);
  await page.getByTestId('register-confirm-repeat').fill('Spring#2028');
  await page.getByTestId('register-confirm-submit').click();
  await page.getByText('两次输入的密码不一致').waitFor();
  await page.getByTestId('register-confirm-repeat').fill(PASSWORD);
  await screenshot(page, 'registration-confirm-390');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByTestId('register-confirm-submit').click();
  await page.waitForURL('**/home');
  const status = page.getByTestId('verification-status');
  await status.waitFor();
  expect(await status.textContent()).toContain('待认证');
  await screenshot(page, 'registration-home-390');
  const [row] = await session.rows<{ verification: string }>(`SELECT verification FROM organisations WHERE uscc = $1`, [USCC]);
  expect(row.verification).toBe('unverified');

  // The link worked once: opened again (signed out), it is refused in words, not a code.
  await session.context.clearCookies();
  await page.evaluate(() => localStorage.clear());
  await page.goto(link as string);
  await page.getByTestId('register-confirm-password').fill('Autumn#2027');
  await page.getByTestId('register-confirm-repeat').fill('Autumn#2027');
  await page.getByTestId('register-confirm-submit').click();
  const refused = page.getByTestId('register-confirm-error');
  await refused.waitFor();
  expect(await refused.getAttribute('data-code')).toBe('REGISTRATION_LINK_INVALID');
  expect(await refused.textContent()).toContain('注册链接无效');
});
