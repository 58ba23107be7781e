import type { CreatedPerson, LoginResponse, MeView, RegisterEnterpriseRequest, StudentView } from '@skillbridge/contracts';
import { usccCheckCharacter } from '@skillbridge/domain';
import { uniqueSuffix } from '../../../test/support/database';
import { RunningProcess } from '../../../test/support/processes';
import { mailsTo, newUscc, registrationSecretIn } from '../../../test/support/registration';
import { SmtpSink, mailText } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

/**
 * Issue 14: registration tells nothing and cannot be flooded. `POST /enterprises` answers the same
 * for every e-mail; the e-mail's owner finishes through a one-time link (or is told the address has
 * an account); races end with exactly one account.
 */
const registration = (overrides: Partial<RegisterEnterpriseRequest> = {}): RegisterEnterpriseRequest => ({
  name: `兰州注册测试${uniqueSuffix()}有限公司`,
  uscc: newUscc(),
  ownership: 'private',
  industry: '装备制造',
  district: '安宁区',
  adminName: '孙经理',
  adminEmail: `applicant-${uniqueSuffix()}@example.cn`,
  ...overrides,
});

describe('self-registration through an e-mailed link (integration: API, worker, SMTP, PostgreSQL, Redis)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let worker: RunningProcess;
  let smtp: SmtpSink;
  let address = 0;
  /** Each test its own client address, so that only the rate-limit test meets the limit per address. */
  const nextAddress = () => `203.0.113.${++address}`;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix, TRUST_PROXY: '1', REGISTRATION_PER_EMAIL: '3', REGISTRATION_PER_ADDRESS: '6' });
    worker = await startWorker({
      DATABASE_URL: api.database.url,
      QUEUE_PREFIX: queuePrefix,
      SMTP_URL: smtp.url,
      PORTAL_URL: 'https://portal.example.cn',
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await smtp?.stop();
  });

  const register = (body: RegisterEnterpriseRequest, from = '198.51.100.99') =>
    api.request('POST', '/enterprises', { body, headers: { 'x-forwarded-for': from } });
  const confirm = (token: string, password = 'Secret#2026') =>
    api.request<LoginResponse>('POST', '/enterprises/confirm', { body: { token, password } });
  const count = async (sql: string, params: unknown[]): Promise<number> => (await api.db.query(sql, params))[0].n;
  const linkOf = (mail: Parameters<typeof registrationSecretIn>[0]): string => {
    const secret = registrationSecretIn(mail);
    if (!secret) throw new Error(`no registration link in: ${mailText(mail)}`);
    return secret;
  };

  it('answers a new e-mail, a taken one and an imported one not yet activated alike; only the new one gets a link, and nothing is made for the others', async () => {
    const from = nextAddress();
    // An account a school imported and nobody activated yet: no password.
    const imported = demo('student21');
    await api.db.query(`UPDATE users SET password_hash = NULL WHERE email = $1`, [imported]);
    const fresh = registration();
    const taken = registration({ adminEmail: demo('hr') });
    const waiting = registration({ adminEmail: imported.toUpperCase() });
    const replies = [await register(fresh, from), await register(taken, from), await register(waiting, from)];
    for (const reply of replies) {
      expect(reply.status).toBe(202);
      expect(reply.body).toEqual(replies[0].body);
      expect(reply.headers.get('content-type')).toBe(replies[0].headers.get('content-type'));
    }

    const [toFresh] = await mailsTo(smtp, fresh.adminEmail);
    expect(mailText(toFresh)).toContain('https://portal.example.cn/register/confirm#token=');
    expect(mailText(toFresh)).toContain(fresh.name);
    const [toTaken] = await mailsTo(smtp, demo('hr'), 0, '您在技能桥的注册');
    expect(mailText(toTaken)).toContain('https://portal.example.cn/login');
    expect(mailText(toTaken)).toContain('https://portal.example.cn/forgot-password');
    expect(registrationSecretIn(toTaken)).toBeNull();
    const [toImported] = await mailsTo(smtp, imported);
    expect(mailText(toImported)).toContain('https://portal.example.cn/activate');
    expect(registrationSecretIn(toImported)).toBeNull();

    for (const body of [taken, waiting]) {
      expect(await count(`SELECT count(*)::int AS n FROM organisations WHERE uscc = $1`, [body.uscc])).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM enterprise_registrations WHERE email = lower($1)`, [body.adminEmail])).toBe(0);
    }
    // The link's secret is stored only as its hash, with a life of 24 hours.
    const [pending] = await api.db.query(
      `SELECT token_hash, extract(epoch FROM expires_at - created_at)::int AS life FROM enterprise_registrations WHERE email = $1`,
      [fresh.adminEmail],
    );
    expect(pending.token_hash).not.toContain(linkOf(toFresh));
    expect(pending.life).toBe(24 * 3600);
    expect(await count(`SELECT count(*)::int AS n FROM organisations WHERE uscc = $1`, [fresh.uscc])).toBe(0);
  });

  it('the link creates the unverified enterprise and its admin with the password chosen then, signs in, and works once', async () => {
    const body = registration();
    expect((await register(body, nextAddress())).status).toBe(202);
    const secret = linkOf((await mailsTo(smtp, body.adminEmail))[0]);

    const weak = await confirm(secret, 'short');
    expect(weak).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const done = await confirm(secret, 'Mine#2026x');
    expect(done.status).toBe(200);
    expect(done.headers.get('set-cookie')).toContain('HttpOnly');
    expect(done.body.user).toMatchObject({ email: body.adminEmail, role: 'enterprise_admin' });
    const me = await api.request<MeView>('GET', '/me', { token: done.body.accessToken });
    expect(me.body.organisation).toMatchObject({ name: body.name, kind: 'enterprise' });
    const [enterprise] = await api.db.query(`SELECT verification FROM organisations WHERE id = $1`, [done.body.user.organisationId]);
    expect(enterprise.verification).toBe('unverified');
    expect((await api.login(body.adminEmail, 'Mine#2026x')).accessToken).toBeTruthy();

    const again = await confirm(secret, 'Other#2026x');
    expect(again).toMatchObject({ status: 400, body: { code: 'REGISTRATION_LINK_INVALID' } });
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [body.adminEmail])).toBe(1);
  });

  it('a wrong or expired link creates nothing', async () => {
    const body = registration();
    expect((await register(body, nextAddress())).status).toBe(202);
    const secret = linkOf((await mailsTo(smtp, body.adminEmail))[0]);
    expect((await confirm('x'.repeat(43))).body).toMatchObject({ code: 'REGISTRATION_LINK_INVALID' });
    await api.db.query(`UPDATE enterprise_registrations SET expires_at = now() - interval '1 second' WHERE email = $1`, [body.adminEmail]);
    expect(await confirm(secret)).toMatchObject({ status: 400, body: { code: 'REGISTRATION_LINK_INVALID' } });
    expect(await count(`SELECT count(*)::int AS n FROM organisations WHERE uscc = $1`, [body.uscc])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [body.adminEmail])).toBe(0);
  });

  it('two confirms of one link at once: one account, the other REGISTRATION_LINK_INVALID', async () => {
    const body = registration();
    expect((await register(body, nextAddress())).status).toBe(202);
    const secret = linkOf((await mailsTo(smtp, body.adminEmail))[0]);
    const replies = await Promise.all([confirm(secret), confirm(secret)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(replies.find((r) => r.status === 400)?.body).toMatchObject({ code: 'REGISTRATION_LINK_INVALID' });
    expect(await count(`SELECT count(*)::int AS n FROM organisations WHERE uscc = $1`, [body.uscc])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [body.adminEmail])).toBe(1);
  });

  it('two registrations of one e-mail, both links confirmed at once: exactly one account, the loser told in a code', async () => {
    const from = nextAddress();
    const email = `twice-${uniqueSuffix()}@example.cn`;
    const first = registration({ adminEmail: email });
    const second = registration({ adminEmail: email });
    expect((await register(first, from)).status).toBe(202);
    const [mail1] = await mailsTo(smtp, email);
    expect((await register(second, from)).status).toBe(202);
    const [mail2] = await mailsTo(smtp, email, 1);
    const replies = await Promise.all([confirm(linkOf(mail1)), confirm(linkOf(mail2))]);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    const loser = replies.find((r) => r.status !== 200);
    expect(['REGISTRATION_LINK_INVALID', 'EMAIL_TAKEN']).toContain((loser?.body as { code: string }).code);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM organisations WHERE uscc = ANY($1)`, [[first.uscc, second.uscc]])).toBe(1);
  });

  it('an account made for the e-mail meanwhile (by a school) wins: EMAIL_TAKEN, and nothing of the registration is written', async () => {
    const body = registration();
    expect((await register(body, nextAddress())).status).toBe(202);
    const secret = linkOf((await mailsTo(smtp, body.adminEmail))[0]);
    const schoolId = await api.organisationOf(demo('school'));
    const student = await api.request<CreatedPerson<StudentView>>('POST', `/schools/${schoolId}/students`, {
      token: await api.token(demo('school')),
      body: { name: '周一鸣', email: body.adminEmail, dateOfBirth: '2008-05-01', major: '数控技术', enrolmentYear: 2025 },
    });
    expect(student.status).toBe(201);
    expect(await confirm(secret)).toMatchObject({ status: 409, body: { code: 'EMAIL_TAKEN' } });
    expect(await count(`SELECT count(*)::int AS n FROM organisations WHERE uscc = $1`, [body.uscc])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = $1 AND role = 'enterprise_admin'`, [body.adminEmail])).toBe(0);
  });

  it('is limited per e-mail and per address (429 RATE_LIMITED with Retry-After), the same for taken e-mails', async () => {
    const email = `flood-${uniqueSuffix()}@example.cn`;
    for (let i = 0; i < 3; i++) expect((await register(registration({ adminEmail: email }), nextAddress())).status).toBe(202);
    const perEmail = await register(registration({ adminEmail: email }), nextAddress());
    expect(perEmail).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(perEmail.headers.get('retry-after'))).toBeGreaterThan(0);

    const from = nextAddress();
    for (let i = 0; i < 6; i++)
      expect(
        (await register(registration({ adminEmail: i % 2 ? demo(`hr${i + 1}`) : `new-${i}-${uniqueSuffix()}@example.cn` }), from)).status,
      ).toBe(202);
    const perAddress = await register(registration(), from);
    expect(perAddress).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(perAddress.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('bad input is still a 400/422 with its code, and a verified enterprise’s code is USCC_TAKEN', async () => {
    const from = nextAddress();
    expect(await register(registration({ adminEmail: 'nope' }), from)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const voidCode = '91000000MA7100000' + usccCheckCharacter('91000000MA7100000');
    expect(await register(registration({ uscc: voidCode }), from)).toMatchObject({ status: 422, body: { code: 'USCC_VOID' } });
    const [verified] = await api.db.query(`SELECT uscc FROM organisations WHERE verification = 'verified' AND uscc IS NOT NULL LIMIT 1`);
    expect(await register(registration({ uscc: verified.uscc }), from)).toMatchObject({ status: 409, body: { code: 'USCC_TAKEN' } });
  });
});
