import { DEMO_PASSWORD } from '@skillbridge/contracts';
import { usccCheckCharacter } from '@skillbridge/domain';
import { registerEnterprise } from '../../../test/support/registration';
import { journeyHooks, screenshot, settled, signIn } from './support/journey';

/**
 * Issue 13, the platform admin's side: two registrations of one credit code wait in 待审核企业 on a
 * phone-width screen, each showing the other; the admin refuses one with a reason (a reason is
 * required) and verifies the other; the refused applicant signs in and reads the reason on the
 * home page. The expected rows are read from the stack's database.
 */

jest.setTimeout(180_000);

const journey = journeyHooks();
const suffix = Date.now()
  .toString(36)
  .slice(-5)
  .toUpperCase()
  .replace(/[IOSVZ]/g, '1');
const body17 = `91620100MA9${suffix.padStart(5, '0')}7`;
const uscc = body17 + usccCheckCharacter(body17);
const real = { name: `兰州审核测试${suffix}有限公司`, email: `verify-real-${suffix}@example.cn` };
const pretender = { name: `兰州冒名测试${suffix}有限公司`, email: `verify-copy-${suffix}@example.cn` };
const REASON = '营业执照上的统一社会信用代码属于另一家企业';

/** Registers through the e-mailed link (read from the stack's SMTP server), as the applicant would. */
async function register(who: { name: string; email: string }): Promise<string> {
  const smtp = journey.stack.smtp;
  if (!smtp) throw new Error('this journey reads the registration e-mail from the stack’s own SMTP server');
  const body = {
    name: who.name,
    uscc,
    ownership: 'municipal_soe' as const,
    industry: '交通运输',
    district: '城关区',
    adminName: '审核测试',
    adminEmail: who.email,
  };
  return (await registerEnterprise(`${journey.stack.baseUrl}/api/v1`, smtp, body, DEMO_PASSWORD)).enterpriseId;
}

describe('verification of enterprises (platform admin, 390 px)', () => {
  let realId: string;
  let pretenderId: string;

  it('shows both registrations of one code with each other, refuses one with a reason and verifies the other', async () => {
    realId = await register(real);
    pretenderId = await register(pretender);
    const page = journey.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'admin@demo.skillbridge.cn');
    await page.getByTestId('pending-enterprises').waitFor();
    await settled(page);

    // Each card names the other: the verifier sees the duplicate before deciding.
    const similar = page.getByTestId(`similar-${realId}`);
    await similar.waitFor();
    expect(await similar.textContent()).toContain(pretender.name);
    expect(await page.getByTestId(`pending-${pretenderId}`).textContent()).toContain(uscc);
    await screenshot(page, 'verification-pending-390');

    // Refusing asks for a reason, and refuses nothing without one.
    await page.getByTestId(`refuse-${pretenderId}`).click();
    await page.getByTestId('refuse-submit').click();
    await page.locator('.ant-modal .ant-form-item-explain-error').waitFor();
    expect(await page.locator('.ant-modal .ant-form-item-explain-error').textContent()).toContain('请填写原因');
    await page.getByTestId('refuse-reason').fill(REASON);
    await page.getByTestId('refuse-submit').click();
    await page.getByTestId(`pending-${pretenderId}`).waitFor({ state: 'detached' });

    await page.getByTestId(`verify-${realId}`).click();
    await page.locator('.ant-popover:visible .ant-btn-primary').click();
    await page.getByTestId(`pending-${realId}`).waitFor({ state: 'detached' });

    const rows = await journey.rows<{ id: string; verification: string; refusal_reason: string | null }>(
      `SELECT id, verification, refusal_reason FROM organisations WHERE uscc = $1`,
      [uscc],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.verification, r.refusal_reason]]))).toEqual({
      [realId]: ['verified', null],
      [pretenderId]: ['refused', REASON],
    });
  });

  it('the refused applicant reads the reason on the home page', async () => {
    const page = journey.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, pretender.email);
    await page.getByTestId('refusal-reason').waitFor();
    expect(await page.getByTestId('refusal-reason').textContent()).toContain(REASON);
    expect(await page.getByTestId('verification-status').textContent()).toContain('未通过');
    await screenshot(page, 'verification-refused-390');
  });
});
