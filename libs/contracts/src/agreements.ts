/**
 * The tripartite internship agreement (三方实习协议, issue 18): drafted from the placement's facts,
 * versioned, signed by every party of one version, verifiable. `shared/domain.md` §3 and §7.
 */

/** Who signs: the school, the enterprise and the student; the guardian too for a student under 18 on the start date. */
export const AGREEMENT_PARTIES = ['school', 'enterprise', 'student', 'guardian'] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];

/**
 * An agreement's state, read from its current version: `awaiting_insurance` until the school or the
 * enterprise enters the insurance (signing opens then), `signing` while signatures are missing, `signed`
 * when every party has signed the current version; `void` when its placement was terminated before that.
 */
export const AGREEMENT_STATUSES = ['awaiting_insurance', 'signing', 'signed', 'void'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** How a signer confirmed: their password, a one-time code sent to them, or (the guardian) the one-time link. */
export const SIGNATURE_METHODS = ['password', 'one_time_code', 'guardian_link'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/** Internship liability insurance (实习责任保险), for the internship's whole length. */
export interface AgreementInsurance {
  insurer: string;
  policyNo: string;
  /** ISO dates, inclusive. */
  coverageStart: string;
  coverageEnd: string;
}

/** A party's contact as the agreement names it. */
export interface AgreementContact {
  name: string;
  phone: string | null;
  email: string | null;
}

/**
 * The terms: every fact the agreement states, drafted from the slot, the enterprise, the school, the
 * student and the year's rules. The legal text (zh-CN) and its English rendering are written from these;
 * their SHA-256 (of the terms as stored) is what a signature binds to.
 */
export interface AgreementTerms {
  /** The rules year the terms were drafted under. */
  rulesYear: number;
  school: { id: string; name: string; contact: AgreementContact };
  enterprise: { id: string; name: string; uscc: string | null; district: string; contact: AgreementContact };
  student: { id: string; name: string; dateOfBirth: string | null; major: string; className: string; minorAtStart: boolean };
  /** The guardian (only for a student under 18 on the start date), from the school's record; null until the school enters it. */
  guardian: AgreementContact | null;
  post: { slotId: string; title: string; content: string; type: 'internship' | 'apprenticeship' };
  place: { district: string };
  dates: { start: string; end: string };
  /** ≤ 8 hours a day, no nights, no overtime (Reg. 2021). */
  hours: { perDay: string; nights: false; overtime: false };
  /** Paid in money, directly to the student, at least monthly (Reg. 2021 Art. 18); yuan as a decimal string. */
  pay: { monthlyYuan: string | null; inMoney: true; directToStudent: true; atLeastMonthly: true };
  insurance: AgreementInsurance | null;
  /** The two mentors: named by the mentors issue; until then the parties' contacts. */
  mentors: { school: AgreementContact; enterprise: AgreementContact };
}

export interface AgreementSignatureView {
  party: AgreementParty;
  /** The signer's name as recorded (the guardian's from the school's record). */
  signerName: string;
  version: number;
  termsSha256: string;
  method: SignatureMethod;
  signedAt: string;
}

/** One clause of the text: a heading and its paragraphs. */
export interface AgreementClause {
  heading: string;
  paragraphs: string[];
}

export interface AgreementView {
  id: string;
  placementId: string;
  status: AgreementStatus;
  /** The current version (1 when drafted; each change of the terms makes the next). */
  version: number;
  termsSha256: string;
  terms: AgreementTerms;
  /** The text of the current version: zh-CN is the legal text, `en` its rendering. */
  text: { 'zh-CN': AgreementClause[]; en: AgreementClause[] };
  /** The parties who must sign this version (the guardian only for a student under 18 on the start date). */
  parties: AgreementParty[];
  /** Signatures on the current version. */
  signatures: AgreementSignatureView[];
  /** The party the reader signs for, when they sign this agreement and have not signed this version yet. */
  mySide: AgreementParty | null;
  /** Whether signing is open (the insurance is set and covers the dates). */
  signingOpen: boolean;
  /** The SHA-256 of the signed PDF (with its signature page), once every party has signed. */
  signedPdfSha256: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of `GET /agreements` (each side its own): what a list shows without the text. */
export interface AgreementSummary {
  id: string;
  placementId: string;
  status: AgreementStatus;
  version: number;
  student: { id: string; name: string };
  enterprise: { id: string; name: string };
  school: { id: string; name: string };
  slotTitle: string;
  startDate: string;
  endDate: string;
  parties: AgreementParty[];
  /** The parties who have signed the current version. */
  signed: AgreementParty[];
  mySide: AgreementParty | null;
  signingOpen: boolean;
  updatedAt: string;
}

/** `PUT /agreements/:id/insurance`: the school or the enterprise enters the insurance; a new version when it changes. */
export type SetInsuranceRequest = AgreementInsurance;

/**
 * `POST /agreements/:id/signatures`: sign the version read, with the signer's password or a one-time code
 * (`POST /agreements/:id/signing-codes` sends one).
 */
export interface SignAgreementRequest {
  version: number;
  termsSha256: string;
  /** The party the signer means to sign for (optional: their own side); another party's is refused `NOT_A_SIGNER`. */
  party?: AgreementParty;
  password?: string;
  code?: string;
}

/** `PUT /students/:id/guardian`: the school's record of a student's guardian (never entered by the student). */
export interface GuardianContactRequest {
  name: string;
  phone?: string;
  email?: string;
}

/** What the guardian's one-time link shows (`POST /guardian-signatures/view`): the document, before signing. */
export interface GuardianAgreementView {
  agreementId: string;
  version: number;
  termsSha256: string;
  studentName: string;
  guardianName: string;
  text: AgreementView['text'];
  expiresAt: string;
}

/** `POST /guardian-signatures`: the guardian signs the version seen, with the link's secret. */
export interface GuardianSignRequest {
  token: string;
  version: number;
  termsSha256: string;
}

/** `POST /agreements/verify` (a PDF as the body, no sign-in) and `GET /agreements/:id/verify?sha256=`. */
export interface AgreementVerification {
  /** True when the bytes are exactly a signed version's PDF as SkillBridge issued it. */
  valid: boolean;
  sha256: string;
  agreementId: string | null;
  version: number | null;
  signatures: AgreementSignatureView[];
}

/** Drafting for a published round runs in the background; its progress shows on the round. */
export interface AgreementDraftingProgress {
  drafted: number;
  total: number;
  done: boolean;
}
