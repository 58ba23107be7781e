import type { LoginResponse } from '@skillbridge/contracts';
import { uniqueSuffix } from '../../../test/support/database';
import { RunningProcess } from '../../../test/support/processes';
import { ReceivedMail, SmtpSink, mailText } from '../../../test/support/sinks';
import { mailsTo } from '../../../test/support/registration';
import { DEMO_PASSWORD, TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

describe('forgot password: an e-mailed one-time link (integration: API, worker, SMTP, PostgreSQL, Redis)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let worker: RunningProcess;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    api = await TestApi.start({
      QUEUE_PREFIX: queuePrefix,
      TRUST_PROXY: '1',
      PASSWORD_RESET_PER_ACCOUNT: '3',
      PASSWORD_RESET_PER_ADDRESS: '6',
    });
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

  const ask = (email: string, address = '198.51.100.20') =>
    api.request('POST', '/auth/password-reset', { body: { email }, headers: { 'x-forwarded-for': address } });
  const confirm = (token: string, password: string) => api.request('POST', '/auth/password-reset/confirm', { body: { token, password } });
  /** The reset e-mails to a demo account (the demo accounts speak Chinese); the worker also delivers the demo's own notices. */
  const mailTo = (email: string, after = 0) => mailsTo(smtp, email, after, '重置您的技能桥密码');
  const secretOf = (mail: ReceivedMail) =>
    /https:\/\/portal\.example\.cn\/reset-password#token=([\w-]{43})/.exec(mailText(mail))?.[1] ?? '';

  it('e-mails a link that sets a new password once, revokes every session, and is stored only hashed', async () => {
    const email = demo('student11');
    const before = await api.login(email);
    expect((await ask(email)).status).toBe(202);
    const [mail] = await mailTo(email);
    const secret = secretOf(mail);
    expect(secret).toHaveLength(43);
    const stored = await api.db.query(
      `SELECT r.token_hash, r.expires_at - r.created_at AS life FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = $1`,
      [email],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(secret);
    expect(stored[0].life).toMatchObject({ minutes: 30 });
    // Not in the in-app inbox.
    const inbox = await api.db.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = $1 AND n.body LIKE '%' || $2 || '%'`,
      [email, secret],
    );
    expect(inbox[0].n).toBe(0);

    const weak = await confirm(secret, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await confirm(secret, 'Brand#New2027')).status).toBe(204);
    expect((await api.request('POST', '/auth/refresh', { body: { refreshToken: before.refreshToken } })).status).toBe(401);
    expect((await api.request('POST', '/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(401);
    expect((await api.request<LoginResponse>('POST', '/auth/login', { body: { email, password: 'Brand#New2027' } })).status).toBe(200);

    const again = await confirm(secret, 'Other#Pass2028');
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'RESET_LINK_INVALID' });
  });

  it('answers the same for an unknown e-mail, and sends nothing', async () => {
    const known = await ask(demo('student12'), '198.51.100.21');
    const unknown = await ask('nobody-here@demo.skillbridge.cn', '198.51.100.21');
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    await mailTo(demo('student12'));
    expect(smtp.received.filter((m) => m.to.includes('nobody-here'))).toHaveLength(0);
  });

  it('a newer link ends the older one; a wrong or expired link changes nothing', async () => {
    const email = demo('student13');
    await ask(email, '198.51.100.22');
    const [first] = await mailTo(email);
    await ask(email, '198.51.100.22');
    const [second] = await mailTo(email, 1);
    expect((await confirm(secretOf(first), 'Older#Link2027')).body).toMatchObject({ code: 'RESET_LINK_INVALID' });
    expect((await confirm('x'.repeat(43), 'Wrong#Link2027')).body).toMatchObject({ code: 'RESET_LINK_INVALID' });
    await api.db.query(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE token_hash IS NOT NULL AND used_at IS NULL`,
    );
    expect((await confirm(secretOf(second), 'Late#Link2027')).body).toMatchObject({ code: 'RESET_LINK_INVALID' });
    expect((await api.request('POST', '/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(200);
  });

  it('is limited per e-mail and per address, the same for unknown e-mails', async () => {
    for (let i = 0; i < 3; i++) expect((await ask('someone@demo.skillbridge.cn', `198.51.100.${30 + i}`)).status).toBe(202);
    const perAccount = await ask('someone@demo.skillbridge.cn', '198.51.100.39');
    expect(perAccount.status).toBe(429);
    expect(perAccount.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(perAccount.headers.get('retry-after'))).toBeGreaterThan(0);
    for (let i = 0; i < 6; i++) expect((await ask(`guess${i}@demo.skillbridge.cn`, '198.51.100.40')).status).toBe(202);
    expect((await ask('guess-more@demo.skillbridge.cn', '198.51.100.40')).status).toBe(429);
  });
});
