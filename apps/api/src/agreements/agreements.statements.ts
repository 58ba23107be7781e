import type { AgreementParty, AgreementStatus, AgreementTerms, SignatureMethod } from '@skillbridge/contracts';
import { statement } from '@skillbridge/db';
import type { AgreementParties } from '../policies/agreements.policy';

/** The agreements' hand-written SQL (drafting is libs/agreements'): each statement named, its parameters and row typed. */

export type AgreementRow = AgreementParties & {
  id: string;
  placement_id: string;
  placement_status: string;
  current_version: number;
  status: AgreementStatus;
  terms: AgreementTerms;
  terms_sha256: string;
  signed_pdf_sha256: string | null;
  created_at: Date;
  updated_at: Date;
};

/** One agreement with its current version and its placement's parties (what the policy decides on). */
export const AGREEMENT = statement<[id: string], AgreementRow>(
  'agreements.read',
  `SELECT a.id, a.placement_id, p.status AS placement_status, a.current_version, a.status, v.terms, v.terms_sha256,
          v.signed_pdf_sha256, a.created_at, a.updated_at, p.person_id AS student_id, p.enterprise_id, p.school_id
     FROM agreements a JOIN placements p ON p.id = a.placement_id
     JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
    WHERE a.id = $1`,
);

/** The same, locked for a change (a new version, a signature): parallel changes of one agreement queue here. */
export const LOCK_AGREEMENT = statement<[id: string], AgreementRow>(
  'agreements.lock',
  `SELECT a.id, a.placement_id, p.status AS placement_status, a.current_version, a.status, v.terms, v.terms_sha256,
          v.signed_pdf_sha256, a.created_at, a.updated_at, p.person_id AS student_id, p.enterprise_id, p.school_id
     FROM agreements a JOIN placements p ON p.id = a.placement_id
     JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
    WHERE a.id = $1
      FOR UPDATE OF a`,
);

export const AGREEMENT_OF_PLACEMENT = statement<[placementId: string], { id: string }>(
  'agreements.of-placement',
  `SELECT id FROM agreements WHERE placement_id = $1`,
);

export interface SignatureRow {
  party: AgreementParty;
  signer_name: string;
  version: number;
  terms_sha256: string;
  method: SignatureMethod;
  signed_at: Date;
}

/** The signatures of one version, in the order they landed. */
export const SIGNATURES = statement<[agreementId: string, version: number], SignatureRow>(
  'agreements.signatures',
  `SELECT party, signer_name, version, terms_sha256, method, signed_at FROM agreement_signatures
    WHERE agreement_id = $1 AND version = $2 ORDER BY signed_at, id`,
);

/**
 * A new version with these terms, when they differ from the current one (by their SHA-256, of `terms::text` as
 * PostgreSQL prints the jsonb); the agreement moves to it with the status given, unsigned. No row: nothing changed.
 */
export const NEW_VERSION = statement<
  [agreementId: string, terms: string, status: AgreementStatus],
  { version: number; terms_sha256: string }
>(
  'agreements.new-version',
  `WITH cur AS (SELECT a.current_version, v.terms_sha256 FROM agreements a
                  JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version WHERE a.id = $1),
        nv AS (
          INSERT INTO agreement_versions (agreement_id, version, terms, terms_sha256)
          SELECT $1, cur.current_version + 1, $2::jsonb, encode(sha256(convert_to($2::jsonb::text, 'UTF8')), 'hex') FROM cur
           WHERE encode(sha256(convert_to($2::jsonb::text, 'UTF8')), 'hex') <> cur.terms_sha256
          RETURNING version, terms_sha256),
        moved AS (
          UPDATE agreements SET current_version = nv.version, status = $3, signed_at = NULL, updated_at = now() FROM nv WHERE agreements.id = $1
          RETURNING agreements.placement_id),
        unsigned AS (UPDATE placements SET agreement_signed_at = NULL, updated_at = now() FROM moved
                      WHERE placements.id = moved.placement_id AND placements.agreement_signed_at IS NOT NULL)
   SELECT version, terms_sha256 FROM nv`,
);

/** The outstanding guardian links of an agreement end (replaced) when its terms or the guardian's contact change. */
export const END_GUARDIAN_LINKS = statement<[agreementId: string], never>(
  'agreements.end-guardian-links',
  `UPDATE guardian_links SET replaced = true WHERE agreement_id = $1 AND used_at IS NULL AND NOT replaced`,
);

/** Appends a signature; none when the party already signed this version (the unique key: two parallel signatures, one row). */
export const APPEND_SIGNATURE = statement<
  [
    agreementId: string,
    version: number,
    party: AgreementParty,
    userId: string | null,
    signerName: string,
    termsSha256: string,
    method: SignatureMethod,
    sessionId: string | null,
  ],
  { signed_at: Date }
>(
  'agreements.append-signature',
  `INSERT INTO agreement_signatures (agreement_id, version, party, user_id, signer_name, terms_sha256, method, session_id)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
   ON CONFLICT ON CONSTRAINT agreement_signatures_one_per_party DO NOTHING
   RETURNING signed_at`,
);

/** The agreement's status after a signature or a change; `signed` also marks its placement (hosted counts need it). */
export const SET_STATUS = statement<[agreementId: string, status: AgreementStatus], never>(
  'agreements.set-status',
  `WITH a AS (
     UPDATE agreements SET status = $2, signed_at = CASE WHEN $2 = 'signed' THEN now() END, updated_at = now() WHERE id = $1
     RETURNING placement_id, signed_at)
   UPDATE placements SET agreement_signed_at = a.signed_at, updated_at = now() FROM a WHERE placements.id = a.placement_id`,
);

/** A version's kept PDF (rendered on first view) and its signed PDF (once every party signed). */
export const VERSION_PDFS = statement<
  [agreementId: string, version: number],
  { terms: AgreementTerms; terms_sha256: string; pdf: Buffer | null; signed_pdf: Buffer | null; created_at: Date }
>(
  'agreements.version-pdfs',
  `SELECT terms, terms_sha256, pdf, signed_pdf, created_at FROM agreement_versions WHERE agreement_id = $1 AND version = $2`,
);

/** Keeps the PDF rendered on first view (a parallel first view keeps the first one stored: the same bytes either way). */
export const KEEP_PDF = statement<[agreementId: string, version: number, pdf: Buffer, sha256: string], never>(
  'agreements.keep-pdf',
  `UPDATE agreement_versions SET pdf = $3, pdf_sha256 = $4 WHERE agreement_id = $1 AND version = $2 AND pdf IS NULL`,
);

/** Keeps the signed PDF, rendered once when the last signature lands. */
export const KEEP_SIGNED_PDF = statement<[agreementId: string, version: number, pdf: Buffer, sha256: string], never>(
  'agreements.keep-signed-pdf',
  `UPDATE agreement_versions SET signed_pdf = $3, signed_pdf_sha256 = $4 WHERE agreement_id = $1 AND version = $2 AND signed_pdf IS NULL`,
);

/** A signed PDF as issued, by its SHA-256 (and, from `GET /agreements/:id/verify`, its agreement). */
export const SIGNED_VERSION_BY_SHA256 = statement<[sha256: string, agreementId: string | null], { agreement_id: string; version: number }>(
  'agreements.signed-version-by-sha256',
  `SELECT agreement_id, version FROM agreement_versions
    WHERE signed_pdf_sha256 = $1 AND ($2::uuid IS NULL OR agreement_id = $2::uuid) LIMIT 1`,
);

/** A signer's name and password hash (the password confirms a signature). */
export const SIGNER = statement<[userId: string], { name: string; password_hash: string | null }>(
  'agreements.signer',
  `SELECT name, password_hash FROM users WHERE id = $1`,
);

/** A new signing code for the signer (the worker makes the code and keeps its hash); the signer's earlier codes end. */
export const NEW_SIGNING_CODE = statement<
  [userId: string, agreementId: string, version: number, minutes: number],
  { id: string; expires_at: Date }
>(
  'agreements.new-signing-code',
  `WITH ended AS (UPDATE signing_codes SET used_at = now() WHERE user_id = $1 AND agreement_id = $2 AND used_at IS NULL)
   INSERT INTO signing_codes (user_id, agreement_id, version, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))
   RETURNING id, expires_at`,
);

/**
 * Takes one try of the signer's open code for this version (counted whether it matches or not); answers its
 * hash when the code was still open (unused, unexpired, tries left).
 */
export const TRY_SIGNING_CODE = statement<
  [userId: string, agreementId: string, version: number, tries: number],
  { id: string; code_hash: string }
>(
  'agreements.try-signing-code',
  `UPDATE signing_codes SET attempts = attempts + 1
    WHERE id = (SELECT id FROM signing_codes
                 WHERE user_id = $1 AND agreement_id = $2 AND version = $3 AND used_at IS NULL AND code_hash IS NOT NULL
                   AND expires_at > now() AND attempts < $4
                 ORDER BY created_at DESC LIMIT 1)
   RETURNING id, code_hash`,
);

export const USE_SIGNING_CODE = statement<[id: string], never>(
  'agreements.use-signing-code',
  `UPDATE signing_codes SET used_at = now() WHERE id = $1`,
);

/** A new guardian link for the current version (the worker makes its secret and keeps the hash); older ones are replaced. */
export const NEW_GUARDIAN_LINK = statement<
  [agreementId: string, version: number, channel: 'email' | 'webhook', hours: number],
  { id: string; expires_at: Date }
>(
  'agreements.new-guardian-link',
  `WITH ended AS (UPDATE guardian_links SET replaced = true WHERE agreement_id = $1 AND used_at IS NULL AND NOT replaced)
   INSERT INTO guardian_links (agreement_id, version, channel, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))
   RETURNING id, expires_at`,
);

export interface GuardianLinkRow {
  id: string;
  agreement_id: string;
  version: number;
  expires_at: Date;
  viewed_at: Date | null;
  used_at: Date | null;
  replaced: boolean;
}

/** A guardian link by the SHA-256 of its secret, locked (its use is single). */
export const LOCK_GUARDIAN_LINK = statement<[tokenHash: string], GuardianLinkRow>(
  'agreements.lock-guardian-link',
  `SELECT id, agreement_id, version, expires_at, viewed_at, used_at, replaced FROM guardian_links WHERE token_hash = $1 FOR UPDATE`,
);

export const GUARDIAN_LINK_VIEWED = statement<[id: string], never>(
  'agreements.guardian-link-viewed',
  `UPDATE guardian_links SET viewed_at = coalesce(viewed_at, now()) WHERE id = $1`,
);

export const GUARDIAN_LINK_USED = statement<[id: string], never>(
  'agreements.guardian-link-used',
  `UPDATE guardian_links SET used_at = now() WHERE id = $1`,
);

/** A student's school and whether an actor's enterprise hosts them (who may see the student's guardian record). */
export const STUDENT_FOR_GUARDIAN = statement<[studentId: string, enterpriseId: string | null], { school_id: string; hosted: boolean }>(
  'agreements.student-for-guardian',
  `SELECT st.school_id,
          EXISTS (SELECT 1 FROM placements p WHERE p.person_id = st.user_id AND p.enterprise_id = $2::uuid) AS hosted
     FROM students st WHERE st.user_id = $1`,
);

export const SET_GUARDIAN = statement<[studentId: string, name: string, phone: string | null, email: string | null], never>(
  'agreements.set-guardian',
  `UPDATE students SET guardian_name = $2, guardian_phone = $3, guardian_email = $4 WHERE user_id = $1`,
);

/** The student's agreements not yet signed nor void, locked in id order: the guardian's contact is in their terms. */
export const OPEN_AGREEMENTS_OF_STUDENT = statement<[studentId: string], { id: string }>(
  'agreements.open-of-student',
  `SELECT a.id FROM agreements a JOIN placements p ON p.id = a.placement_id
    WHERE p.person_id = $1 AND a.status IN ('awaiting_insurance', 'signing')
    ORDER BY a.id
      FOR UPDATE OF a`,
);

/** What the activation gate reads: the placement's agreement, its current terms and who signed them. */
export const AGREEMENT_GATE = statement<
  [placementId: string],
  { status: AgreementStatus; terms: AgreementTerms; signed: AgreementParty[] }
>(
  'agreements.gate',
  `SELECT a.status, v.terms,
          ARRAY(SELECT s.party FROM agreement_signatures s WHERE s.agreement_id = a.id AND s.version = a.current_version) AS signed
     FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
    WHERE a.placement_id = $1`,
);
