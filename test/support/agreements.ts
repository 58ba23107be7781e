import type { AgreementView } from '@skillbridge/contracts';
import { createHash, randomBytes } from 'crypto';
import { DEMO_PASSWORD, TestApi, demo } from './test-api';

/** The parties of a placement's agreement, read from the database. */
export interface AgreementParties {
  agreementId: string;
  studentId: string;
  enterpriseAdminId: string;
  schoolAdminId: string;
  minor: boolean;
  startDate: string;
  endDate: string;
}

export async function agreementParties(api: TestApi, placementId: string): Promise<AgreementParties> {
  const [row] = await api.db.query(
    `SELECT a.id AS "agreementId", p.person_id AS "studentId",
            (SELECT id FROM users WHERE organisation_id = p.enterprise_id AND role = 'enterprise_admin' ORDER BY created_at, id LIMIT 1) AS "enterpriseAdminId",
            (SELECT id FROM users WHERE organisation_id = p.school_id AND role = 'school_admin' ORDER BY created_at, id LIMIT 1) AS "schoolAdminId",
            (v.terms #>> '{student,minorAtStart}')::boolean AS minor, v.terms #>> '{dates,start}' AS "startDate", v.terms #>> '{dates,end}' AS "endDate"
       FROM agreements a JOIN placements p ON p.id = a.placement_id
       JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
      WHERE a.placement_id = $1`,
    [placementId],
  );
  if (!row) throw new Error(`placement ${placementId} has no agreement`);
  return row;
}

/**
 * Accounts a test made with a placeholder password hash ('x') get the demo accounts' password, so that they
 * can confirm a signature with it (DEMO_PASSWORD).
 */
export async function giveDemoPassword(api: TestApi, userIds: string[]): Promise<void> {
  await api.db.query(
    `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = $2) WHERE id = ANY($1::uuid[]) AND password_hash = 'x'`,
    [userIds, demo('student')],
  );
}

/** The insurance that covers an agreement's dates, entered over HTTP by the enterprise. */
export async function insureAgreement(api: TestApi, placementId: string, policyNo = 'PICC-TEST-0001'): Promise<AgreementView> {
  const parties = await agreementParties(api, placementId);
  const reply = await api.request<AgreementView>('PUT', `/agreements/${parties.agreementId}/insurance`, {
    token: await api.tokenFor(parties.enterpriseAdminId),
    body: { insurer: '中国人民财产保险股份有限公司兰州市分公司', policyNo, coverageStart: parties.startDate, coverageEnd: parties.endDate },
  });
  if (reply.status !== 200) throw new Error(`insurance refused: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/**
 * A one-time guardian link written straight into the database with a secret the test knows (the worker makes
 * real ones and e-mails them; tests of that path read the SMTP sink). The link is for the current version.
 */
export async function guardianLinkFor(api: TestApi, agreementId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await api.db.query(`UPDATE guardian_links SET replaced = true WHERE agreement_id = $1 AND used_at IS NULL`, [agreementId]);
  await api.db.query(
    `INSERT INTO guardian_links (agreement_id, version, token_hash, channel, expires_at)
     SELECT id, current_version, $2, 'email', now() + interval '72 hours' FROM agreements WHERE id = $1`,
    [agreementId, createHash('sha256').update(token).digest('hex')],
  );
  return token;
}

/**
 * Every signature of a placement's agreement, over HTTP as each party does it: the enterprise enters the
 * insurance covering the dates, the school the guardian's contact for a minor; the school, the enterprise and
 * the student sign the current version with their passwords (test-made accounts get DEMO_PASSWORD), and the
 * guardian of a minor views and signs through a one-time link. For every test that activates a placement.
 */
export async function signAgreement(api: TestApi, placementId: string, options: { policyNo?: string } = {}): Promise<AgreementView> {
  const parties = await agreementParties(api, placementId);
  await giveDemoPassword(api, [parties.studentId, parties.enterpriseAdminId, parties.schoolAdminId]);
  if (parties.minor) {
    const guardian = await api.request('PUT', `/students/${parties.studentId}/guardian`, {
      token: await api.tokenFor(parties.schoolAdminId),
      body: { name: '测试监护人', email: `guardian-${parties.studentId.slice(0, 8)}@example.cn` },
    });
    if (guardian.status !== 200) throw new Error(`guardian contact refused: ${guardian.status} ${JSON.stringify(guardian.body)}`);
  }
  let view = await insureAgreement(api, placementId, options.policyNo);
  for (const signerId of [parties.schoolAdminId, parties.enterpriseAdminId, parties.studentId]) {
    const reply = await api.request<AgreementView>('POST', `/agreements/${parties.agreementId}/signatures`, {
      token: await api.tokenFor(signerId),
      body: { version: view.version, termsSha256: view.termsSha256, password: DEMO_PASSWORD },
    });
    if (reply.status !== 200) throw new Error(`signature refused: ${reply.status} ${JSON.stringify(reply.body)}`);
    view = reply.body;
  }
  if (parties.minor) {
    const token = await guardianLinkFor(api, parties.agreementId);
    await api.request('POST', '/guardian-signatures/view', { body: { token } });
    const signed = await api.request('POST', '/guardian-signatures', {
      body: { token, version: view.version, termsSha256: view.termsSha256 },
    });
    if (signed.status !== 200) throw new Error(`guardian signature refused: ${signed.status} ${JSON.stringify(signed.body)}`);
    view = (
      await api.request<AgreementView>('GET', `/agreements/${parties.agreementId}`, { token: await api.tokenFor(parties.schoolAdminId) })
    ).body;
  }
  return view;
}
