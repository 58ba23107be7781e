import type {
  AgreementVerification,
  AgreementView,
  MatchRoundView,
  Page,
  AgreementSummary,
  PlacementView,
  SlotView,
} from '@skillbridge/contracts';
import { JobProducer, jobId } from '@skillbridge/jobs';
import { refreshQuotas, rulesForYear } from '@skillbridge/quotas';
import { createHash } from 'crypto';
import { agreementParties, giveDemoPassword, guardianLinkFor } from '../../../test/support/agreements';
import { uniqueSuffix } from '../../../test/support/database';
import { RunningProcess } from '../../../test/support/processes';
import { mailsTo } from '../../../test/support/registration';
import { SmtpSink, WebhookSink, eventually, mailText } from '../../../test/support/sinks';
import { internshipSlot } from '../../../test/support/slots';
import { DEMO_PASSWORD, TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

const PORTAL = 'https://portal.example.cn';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const linkIn = (text: string): string => new RegExp(`${PORTAL}/guardian-sign#token=([\\w-]{43})`).exec(text)?.[1] ?? '';

describe('the tripartite agreement (integration: API, worker, SMTP, webhook receiver, PostgreSQL, Redis)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let worker: RunningProcess;
  let smtp: SmtpSink;
  let hooks: WebhookSink;
  let hr: string;
  let hrSoe: string;
  let school: string;
  let miit: string;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    hooks = await new WebhookSink('agreement-hook-secret').start();
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
    worker = await startWorker({
      DATABASE_URL: api.database.url,
      QUEUE_PREFIX: queuePrefix,
      SMTP_URL: smtp.url,
      WEBHOOK_URL: hooks.url,
      WEBHOOK_SECRET: hooks.secret,
      PORTAL_URL: PORTAL,
    });
    [hr, hrSoe, school, miit] = await Promise.all(['hr', 'hr-soe', 'school', 'miit'].map((who) => api.token(demo(who))));
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await smtp?.stop();
    await hooks?.stop();
  });

  let serial = 0;
  /** A student of the demo school (born `dateOfBirth`) with an approved offer on a fresh slot of hr@'s enterprise, accepted over HTTP. */
  async function acceptedPlacement(
    dateOfBirth: string,
  ): Promise<{ placementId: string; studentId: string; student: string; email: string }> {
    const created = await api.request<SlotView>('POST', '/slots', { token: hr, body: internshipSlot(`协议测试岗位 ${uniqueSuffix()}`) });
    const slot = (await api.request<SlotView>('POST', `/slots/${created.body.id}/publish`, { token: hr })).body;
    const email = `agreement-${serial++}-${uniqueSuffix()}@example.cn`;
    const [{ id: studentId, application_id: applicationId }] = await api.db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id)
                  VALUES ($1, 'x', '协议学生' || $5, 'student', $2) RETURNING id),
            s AS (INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year)
                  SELECT id, $2, $3, '机电一体化技术', 2024 FROM u RETURNING user_id)
       INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, school_approved_at, respond_by)
       SELECT $4, user_id, $2, $6, 'offered', now(), '2027-02-28' FROM s
       RETURNING student_id AS id, id AS application_id`,
      [email, await api.organisationOf(demo('school')), dateOfBirth, slot.id, serial, slot.enterpriseId],
    );
    await giveDemoPassword(api, [studentId]);
    const student = await api.token(email);
    const accepted = await api.request('POST', `/applications/${applicationId}/accept`, { token: student });
    if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
    const [placement] = (await api.request<Page<PlacementView>>('GET', '/placements', { token: student })).body.items;
    return { placementId: placement.id, studentId, student, email };
  }

  const insurance = (over: Record<string, string> = {}) => ({
    insurer: '中国人民财产保险股份有限公司兰州市分公司',
    policyNo: 'PICC-2027-0101',
    coverageStart: '2027-03-01',
    coverageEnd: '2027-08-31',
    ...over,
  });
  const sign = (id: string, token: string, view: Pick<AgreementView, 'version' | 'termsSha256'>, extra: Record<string, unknown> = {}) =>
    api.request<AgreementView>('POST', `/agreements/${id}/signatures`, {
      token,
      body: { version: view.version, termsSha256: view.termsSha256, password: DEMO_PASSWORD, ...extra },
    });
  const read = async (id: string, token = school) => (await api.request<AgreementView>('GET', `/agreements/${id}`, { token })).body;

  it('drafts, insures, is signed by the four parties (the guardian through an e-mailed link), gates the start, and verifies', async () => {
    const { placementId, studentId, student, email } = await acceptedPlacement('2009-06-01'); // 17 on 2027-03-01

    // Drafted on accept, from the facts: awaiting insurance, the guardian among the parties.
    const drafted = (await api.request<AgreementView>('GET', `/placements/${placementId}/agreement`, { token: student })).body;
    expect(drafted).toMatchObject({
      placementId,
      status: 'awaiting_insurance',
      version: 1,
      parties: ['school', 'enterprise', 'student', 'guardian'],
      signatures: [],
      mySide: 'student',
      signingOpen: false,
      terms: {
        student: { id: studentId, minorAtStart: true },
        enterprise: { name: '兰州飞天智能装备有限公司' },
        dates: { start: '2027-03-01', end: '2027-08-31' },
        hours: { perDay: '8.0', nights: false, overtime: false },
        pay: { monthlyYuan: '3000.00', inMoney: true, directToStudent: true, atLeastMonthly: true },
        insurance: null,
        guardian: null,
      },
    });
    expect(drafted.termsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(drafted.text['zh-CN'].length).toBeGreaterThan(3);
    expect(drafted.text.en.length).toBe(drafted.text['zh-CN'].length);
    const id = drafted.id;
    const [{ sha }] = await api.db.query(
      `SELECT encode(sha256(convert_to(terms::text, 'UTF8')), 'hex') AS sha FROM agreement_versions WHERE agreement_id = $1 AND version = 1`,
      [id],
    );
    expect(drafted.termsSha256).toBe(sha);

    // Only the parties see it; an officer and another enterprise get 404, and list nothing.
    expect((await api.request('GET', `/agreements/${id}`, { token: miit })).status).toBe(404);
    expect((await api.request('GET', `/agreements/${id}`, { token: hrSoe })).status).toBe(404);
    expect(
      (await api.request<Page<AgreementSummary>>('GET', `/agreements?placementId=${placementId}`, { token: miit })).body.items,
    ).toEqual([]);
    const listed = (await api.request<Page<AgreementSummary>>('GET', `/agreements?placementId=${placementId}`, { token: hr })).body.items;
    expect(listed).toEqual([
      expect.objectContaining({ id, status: 'awaiting_insurance', mySide: 'enterprise', signed: [], signingOpen: false }),
    ]);

    // Signing opens with insurance covering the dates.
    expect((await sign(id, student, drafted)).body).toMatchObject({ code: 'SIGNING_NOT_OPEN' });
    const short = await api.request('PUT', `/agreements/${id}/insurance`, { token: hr, body: insurance({ coverageEnd: '2027-08-30' }) });
    expect(short.body).toMatchObject({ code: 'INSURANCE_NOT_COVERING' });
    expect((await api.request('PUT', `/agreements/${id}/insurance`, { token: student, body: insurance() })).status).toBe(403);
    const insured = (await api.request<AgreementView>('PUT', `/agreements/${id}/insurance`, { token: hr, body: insurance() })).body;
    expect(insured).toMatchObject({ version: 2, status: 'signing', signingOpen: true, terms: { insurance: insurance() } });
    // The same insurance again changes nothing: no new version.
    expect(
      (await api.request<AgreementView>('PUT', `/agreements/${id}/insurance`, { token: school, body: insurance() })).body.version,
    ).toBe(2);

    // The guardian's contact is the school's to enter, and changes the terms.
    const guardian = { name: '王建国', email: `guardian-${uniqueSuffix()}@example.cn` };
    for (const token of [student, hr]) {
      expect((await api.request('PUT', `/students/${studentId}/guardian`, { token, body: guardian })).body).toMatchObject({
        code: 'GUARDIAN_CONTACT_SCHOOL_ONLY',
      });
    }
    expect((await api.request('PUT', `/students/${studentId}/guardian`, { token: hrSoe, body: guardian })).status).toBe(404);
    expect((await api.request('PUT', `/students/${studentId}/guardian`, { token: school, body: guardian })).body).toEqual({
      name: guardian.name,
      phone: null,
      email: guardian.email,
    });
    const v3 = await read(id);
    expect(v3).toMatchObject({ version: 3, terms: { guardian: { name: guardian.name, email: guardian.email } } });

    // Each bad signature its code, nothing written.
    expect((await sign(id, school, insured)).body).toMatchObject({ code: 'AGREEMENT_VERSION_OUTDATED' });
    expect((await sign(id, school, { version: 3, termsSha256: insured.termsSha256 })).body).toMatchObject({
      code: 'AGREEMENT_VERSION_OUTDATED',
    });
    expect((await sign(id, school, v3, { password: 'wrong-password' })).body).toMatchObject({ code: 'SIGNING_PASSWORD_INVALID' });
    expect((await sign(id, school, v3, { party: 'enterprise' })).body).toMatchObject({ code: 'NOT_A_SIGNER' });
    expect((await api.db.query(`SELECT count(*)::int AS n FROM agreement_signatures WHERE agreement_id = $1`, [id]))[0].n).toBe(0);

    // The school signs with its password; twice is refused.
    const bySchool = await sign(id, school, v3);
    expect(bySchool.status).toBe(200);
    expect(bySchool.body.signatures).toEqual([
      expect.objectContaining({ party: 'school', method: 'password', version: 3, termsSha256: v3.termsSha256 }),
    ]);
    expect((await sign(id, school, v3)).body).toMatchObject({ code: 'ALREADY_SIGNED' });
    // The sign-in session is recorded (the access token's refresh-token family).
    const [recorded] = await api.db.query(`SELECT session_id FROM agreement_signatures WHERE agreement_id = $1 AND party = 'school'`, [id]);
    expect(recorded.session_id).toMatch(/^[0-9a-f-]{36}$/);

    // The enterprise confirms with a code e-mailed to it: a wrong one is refused, the right one signs.
    const codeReply = await api.request<{ expiresAt: string }>('POST', `/agreements/${id}/signing-codes`, { token: hr });
    expect(codeReply.status).toBe(202);
    const [mailed] = await eventually(
      async () => smtp.received.filter((m) => m.to.includes(demo('hr')) && /验证码/.test(mailText(m))),
      (mails) => mails.length > 0,
    );
    const code = /验证码是 (\d{6})/.exec(mailText(mailed))?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const [{ code_hash: codeHash }] = await api.db.query(`SELECT code_hash FROM signing_codes WHERE agreement_id = $1`, [id]);
    expect(codeHash).not.toContain(code);
    const wrongCode = code === '000000' ? '000001' : '000000';
    expect((await sign(id, hr, v3, { password: undefined, code: wrongCode })).body).toMatchObject({ code: 'SIGNING_CODE_INVALID' });
    const byEnterprise = await sign(id, hr, v3, { password: undefined, code });
    expect(byEnterprise.status).toBe(200);
    expect(byEnterprise.body.signatures.map((s) => [s.party, s.method])).toEqual([
      ['school', 'password'],
      ['enterprise', 'one_time_code'],
    ]);
    expect((await sign(id, student, v3)).status).toBe(200);

    // Three of four: the placement does not start.
    expect((await api.request('POST', `/placements/${placementId}/activate`, { token: hr, body: {} })).body).toMatchObject({
      code: 'AGREEMENT_NOT_SIGNED',
      facts: { missing: ['guardian'] },
    });

    // The guardian: a link by e-mail (72 h, one use), must view before signing.
    expect((await api.request('POST', `/agreements/${id}/guardian-link`, { token: hr })).status).toBe(403);
    const sent = await api.request<{ channel: string; expiresAt: string }>('POST', `/agreements/${id}/guardian-link`, { token: school });
    expect(sent).toMatchObject({ status: 202, body: { channel: 'email' } });
    const hours = (Date.parse(sent.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const [linkMail] = await mailsTo(smtp, guardian.email);
    const token = linkIn(mailText(linkMail));
    expect(token).toHaveLength(43);
    const [{ token_hash: tokenHash }] = await api.db.query(`SELECT token_hash FROM guardian_links WHERE agreement_id = $1`, [id]);
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));

    const early = await api.request('POST', '/guardian-signatures', { body: { token, version: 3, termsSha256: v3.termsSha256 } });
    expect(early.body).toMatchObject({ code: 'GUARDIAN_NOT_VIEWED' });
    const seen = await api.request('POST', '/guardian-signatures/view', { body: { token } });
    expect(seen.body).toMatchObject({ agreementId: id, version: 3, termsSha256: v3.termsSha256, guardianName: '王建国' });
    const guardianPdf = await fetch(`${api.url}/guardian-signatures/pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(guardianPdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await guardianPdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const signed = await api.request<{ signedAt: string }>('POST', '/guardian-signatures', {
      body: { token, version: 3, termsSha256: v3.termsSha256 },
    });
    expect(signed.status).toBe(200);
    const twice = await api.request('POST', '/guardian-signatures', { body: { token, version: 3, termsSha256: v3.termsSha256 } });
    expect(twice.body).toMatchObject({ code: 'GUARDIAN_LINK_INVALID' });

    // Signed: the signed PDF with its signature page is kept, and verifies; one changed byte does not.
    const done = await read(id);
    expect(done).toMatchObject({ status: 'signed', mySide: null, signedPdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(done.signatures.map((s) => s.party)).toEqual(['school', 'enterprise', 'student', 'guardian']);
    const pdfReply = await fetch(`${api.url}/agreements/${id}/pdf`, { headers: { authorization: `Bearer ${hr}` } });
    expect(pdfReply.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await pdfReply.arrayBuffer());
    expect(sha256(pdf)).toBe(done.signedPdfSha256);
    const verify = async (bytes: Buffer) =>
      (await fetch(`${api.url}/agreements/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: bytes }).then(
        (r) => r.json(),
      )) as AgreementVerification;
    expect(await verify(pdf)).toMatchObject({ valid: true, agreementId: id, version: 3, signatures: done.signatures });
    const changed = Buffer.from(pdf);
    changed[Math.floor(changed.length / 2)] ^= 0x01;
    expect(await verify(changed)).toMatchObject({ valid: false, agreementId: null, signatures: [] });
    expect((await api.request('GET', `/agreements/${id}/verify?sha256=${done.signedPdfSha256}`)).body).toMatchObject({
      valid: true,
      version: 3,
    });
    expect((await api.request('GET', `/agreements/${id}/verify?sha256=${sha256(changed)}`)).body).toMatchObject({ valid: false });
    // The unsigned version's PDF is not a signed agreement.
    const draftPdf = Buffer.from(
      await (await fetch(`${api.url}/agreements/${id}/pdf?version=1`, { headers: { authorization: `Bearer ${school}` } })).arrayBuffer(),
    );
    expect((await verify(draftPdf)).valid).toBe(false);

    // The enterprise's reads are in the access log; the signatures can be neither changed nor removed.
    const [{ n: logged }] = await api.db.query(`SELECT count(*)::int AS n FROM access_log WHERE subject_id = $1 AND what = 'agreements'`, [
      studentId,
    ]);
    expect(logged).toBeGreaterThan(0);
    await expect(api.db.query(`UPDATE agreement_signatures SET signer_name = 'x' WHERE agreement_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(api.db.query(`DELETE FROM agreement_signatures WHERE agreement_id = $1`, [id])).rejects.toThrow(/append-only/);

    // The gate opens (the calendar moved to the placement's days); a policy number given must be the agreement's.
    await api.db.query(`UPDATE placements SET start_date = current_date - 5, end_date = current_date + 100 WHERE id = $1`, [placementId]);
    expect(
      (await api.request('POST', `/placements/${placementId}/activate`, { token: hr, body: { insurancePolicyNo: 'PICC-OTHER' } })).body,
    ).toMatchObject({ code: 'INSURANCE_MISMATCH' });
    const active = await api.request<PlacementView>('POST', `/placements/${placementId}/activate`, { token: hr, body: {} });
    expect(active.body).toMatchObject({ status: 'active', insurancePolicyNo: 'PICC-2027-0101' });
    void email;
  });

  it('sends the link by the webhook channel (SMS) when only a phone is known; a new link ends the older, an expired one fails', async () => {
    const { placementId, studentId } = await acceptedPlacement('2010-01-15');
    const { agreementId: id } = await agreementParties(api, placementId);
    expect((await api.request('POST', `/agreements/${id}/guardian-link`, { token: school })).body).toMatchObject({
      code: 'GUARDIAN_CONTACT_MISSING',
    });
    await api.request('PUT', `/students/${studentId}/guardian`, { token: school, body: { name: '李秀英', phone: '13800001234' } });
    expect((await api.request('POST', `/agreements/${id}/guardian-link`, { token: school })).body).toMatchObject({
      code: 'SIGNING_NOT_OPEN',
    });
    await api.request('PUT', `/agreements/${id}/insurance`, { token: school, body: insurance() });

    const first = await api.request('POST', `/agreements/${id}/guardian-link`, { token: school });
    expect(first.body).toMatchObject({ channel: 'webhook' });
    const [hook] = await eventually(
      async () => hooks.received.filter((h) => (h.body.recipient as { phone?: string }).phone === '13800001234'),
      (received) => received.length > 0,
    );
    expect(hook.signatureValid).toBe(true);
    expect(hook.body).toMatchObject({ kind: 'agreement.guardian-link', recipient: { name: '李秀英', phone: '13800001234' } });
    const firstToken = linkIn(String(hook.body.body));
    expect(firstToken).toHaveLength(43);

    // A second link ends the first.
    await api.request('POST', `/agreements/${id}/guardian-link`, { token: school });
    const [, second] = await eventually(
      async () => hooks.received.filter((h) => (h.body.recipient as { phone?: string }).phone === '13800001234'),
      (received) => received.length > 1,
    );
    const secondToken = linkIn(String(second.body.body));
    expect((await api.request('POST', '/guardian-signatures/view', { body: { token: firstToken } })).body).toMatchObject({
      code: 'GUARDIAN_LINK_INVALID',
    });
    expect((await api.request('POST', '/guardian-signatures/view', { body: { token: secondToken } })).status).toBe(200);
    // Past its 72 hours it fails too.
    await api.db.query(`UPDATE guardian_links SET expires_at = now() - interval '1 second' WHERE agreement_id = $1`, [id]);
    expect((await api.request('POST', '/guardian-signatures/view', { body: { token: secondToken } })).body).toMatchObject({
      code: 'GUARDIAN_LINK_INVALID',
    });
    // The guardian of an adult is nobody's business.
    const adult = await acceptedPlacement('2000-01-01');
    const { agreementId: adultId } = await agreementParties(api, adult.placementId);
    expect((await api.request('POST', `/agreements/${adultId}/guardian-link`, { token: school })).body).toMatchObject({
      code: 'GUARDIAN_NOT_REQUIRED',
    });
  });

  it('makes a new version on any change of the terms: signatures on the old one stay but no longer count; a link to it dies', async () => {
    const { placementId, studentId, student } = await acceptedPlacement('2009-09-09');
    const { agreementId: id } = await agreementParties(api, placementId);
    await api.request('PUT', `/students/${studentId}/guardian`, {
      token: school,
      body: { name: '赵父', email: `zf-${uniqueSuffix()}@example.cn` },
    });
    const insured = (await api.request<AgreementView>('PUT', `/agreements/${id}/insurance`, { token: hr, body: insurance() })).body;
    expect((await sign(id, school, insured)).status).toBe(200);
    expect((await sign(id, student, insured)).status).toBe(200);
    const token = await guardianLinkFor(api, id);

    // The insurer's policy changes: a new version, unsigned.
    const changed = (
      await api.request<AgreementView>('PUT', `/agreements/${id}/insurance`, { token: hr, body: insurance({ policyNo: 'PICC-2027-0202' }) })
    ).body;
    expect(changed).toMatchObject({ version: insured.version + 1, status: 'signing', signatures: [], mySide: 'enterprise' });
    expect(changed.termsSha256).not.toBe(insured.termsSha256);
    const kept = await api.db.query(`SELECT party, version FROM agreement_signatures WHERE agreement_id = $1 ORDER BY id`, [id]);
    expect(kept).toEqual([
      { party: 'school', version: insured.version },
      { party: 'student', version: insured.version },
    ]);
    expect((await sign(id, student, insured)).body).toMatchObject({ code: 'AGREEMENT_VERSION_OUTDATED' });
    expect((await api.request('POST', '/guardian-signatures/view', { body: { token } })).body).toMatchObject({
      code: 'GUARDIAN_LINK_INVALID',
    });
    expect((await read(id, student)).mySide).toBe('student');
  });

  it('takes exactly one of many parallel signatures of the same party', async () => {
    const { placementId, student } = await acceptedPlacement('2001-02-03');
    const { agreementId: id } = await agreementParties(api, placementId);
    const insured = (await api.request<AgreementView>('PUT', `/agreements/${id}/insurance`, { token: hr, body: insurance() })).body;
    const replies = await Promise.all(Array.from({ length: 8 }, () => sign(id, student, insured)));
    const outcomes = replies.map((r) => (r.status === 200 ? 'signed' : (r.body as unknown as { code: string }).code));
    expect(outcomes.filter((o) => o === 'signed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'ALREADY_SIGNED')).toHaveLength(7);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM agreement_signatures WHERE agreement_id = $1 AND party = 'student'`,
      [id],
    );
    expect(n).toBe(1);
  });

  it('counts a student placement as hosted only once its agreement is signed', async () => {
    const enterpriseId = await api.organisationOf(demo('hr'));
    const year = new Date().getFullYear();
    const hosted = async () => {
      await api.db.transaction(async (tx) =>
        refreshQuotas(tx, await rulesForYear(api.db, year), [enterpriseId], new Date().toISOString().slice(0, 10)),
      );
      return (await api.db.query(`SELECT hosted FROM quota_years WHERE enterprise_id = $1 AND year = $2`, [enterpriseId, year]))[0]
        .hosted as number;
    };
    // One of the enterprise's interns at work this year: unsigned (as a placement from before agreements), it stops counting.
    const [running] = await api.db.query(
      `SELECT p.id FROM placements p WHERE p.enterprise_id = $1 AND p.status = 'active' AND p.kind = 'student' AND p.agreement_signed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM placements o WHERE o.person_id = p.person_id AND o.id <> p.id AND o.status IN ('active', 'completed'))
        LIMIT 1`,
      [enterpriseId],
    );
    const counted = await hosted();
    await api.db.query(`UPDATE placements SET agreement_signed_at = NULL WHERE id = $1`, [running.id]);
    expect(await hosted()).toBe(counted - 1);
    await api.db.query(`UPDATE placements SET agreement_signed_at = now() WHERE id = $1`, [running.id]);
    expect(await hosted()).toBe(counted);
  });

  it('drafted the demo round’s agreements when it published, and shows the progress on the round', async () => {
    const rounds = (await api.request<MatchRoundView[]>('GET', '/match-rounds', { token: await api.token(demo('edu')) })).body;
    const published = rounds.find((r) => r.status === 'published');
    expect(published).toBeDefined();
    const round = (await api.request<MatchRoundView>('GET', `/match-rounds/${published!.id}`, { token: await api.token(demo('edu')) }))
      .body;
    expect(round.agreementDrafting).toEqual({ drafted: round.agreementDrafting!.total, total: expect.any(Number), done: true });
    expect(round.agreementDrafting!.total).toBeGreaterThan(0);
  });

  it('the demo: every placement at work or done under a signed agreement, the pending ones at each step', async () => {
    const rows: Array<{ status: string; agreement: string; n: number }> = await api.db.query(
      `SELECT p.status, a.status AS agreement, count(*)::int AS n FROM placements p JOIN agreements a ON a.placement_id = p.id
        WHERE p.kind = 'student' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const of = (status: string) => rows.filter((r) => r.status === status).map((r) => r.agreement);
    expect(of('active')).toEqual(['signed']);
    expect(of('completed')).toEqual(['signed']);
    expect(of('pending')).toEqual(expect.arrayContaining(['awaiting_insurance', 'signing']));
    const [{ unsigned }] = await api.db.query(
      `SELECT count(*)::int AS unsigned FROM placements WHERE kind = 'student' AND status IN ('active', 'completed') AND agreement_signed_at IS NULL`,
    );
    expect(unsigned).toBe(0);
    const [{ partly }] = await api.db.query(
      `SELECT count(DISTINCT a.id)::int AS partly FROM agreements a JOIN placements p ON p.id = a.placement_id
         JOIN agreement_signatures g ON g.agreement_id = a.id AND g.version = a.current_version WHERE p.status = 'pending' AND a.status = 'signing'`,
    );
    expect(partly).toBeGreaterThan(0);
  });

  it('drafts a large round’s agreements in the background through the worker, its progress shown on the round', async () => {
    const edu = await api.token(demo('edu'));
    const rounds = (await api.request<MatchRoundView[]>('GET', '/match-rounds', { token: edu })).body;
    const id = rounds.find((r) => r.status === 'published')!.id;
    // As a round past the inline limit leaves them at its publish: its agreements not yet signed by anyone are not drafted.
    await api.db.query(
      `DELETE FROM agreements a USING placements p, match_round_slots rs
        WHERE a.placement_id = p.id AND rs.slot_id = p.slot_id AND rs.round_id = $1
          AND NOT EXISTS (SELECT 1 FROM agreement_signatures g WHERE g.agreement_id = a.id)`,
      [id],
    );
    const progress = async () => (await api.request<MatchRoundView>('GET', `/match-rounds/${id}`, { token: edu })).body.agreementDrafting!;
    const before = await progress();
    expect(before.done).toBe(false);
    expect(before.drafted).toBeLessThan(before.total);
    const jobs = new JobProducer({ connection: { url: process.env.REDIS_URL }, prefix: queuePrefix });
    try {
      await jobs.add('agreements.draft-round', { roundId: id }, jobId('agreements.draft-round', id, 'test'));
      const after = await eventually(progress, (p) => p.done);
      expect(after).toEqual({ drafted: before.total, total: before.total, done: true });
    } finally {
      await jobs.close();
    }
  });
});
