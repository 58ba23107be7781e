import type { AgreementInsurance, AgreementParty, AgreementStatus, AgreementTerms } from '@skillbridge/contracts';
import { ageOn, IsoDate } from '../dates';
import { DomainError } from '../errors';
import type { Role } from '../tenancy';

/**
 * The tripartite internship agreement (三方实习协议): who signs, when signing opens, what a signature must
 * match. Reg. 2021: school, enterprise and student sign before a post internship starts, the guardian too for
 * a student under 18, with liability insurance for the internship's whole length.
 */

/** How long the guardian's one-time link works (hours). */
export const GUARDIAN_LINK_HOURS = 72;
/** A signing code: 6 digits, 10 minutes, 5 tries. */
export const SIGNING_CODE_MINUTES = 10;
export const SIGNING_CODE_TRIES = 5;

/** Under 18 on the start date: the guardian signs too (Reg.). */
export const isMinorAtStart = (dateOfBirth: IsoDate | null, startDate: IsoDate): boolean =>
  dateOfBirth !== null && ageOn(dateOfBirth, startDate) < 18;

/** The parties who sign a version, in the order the agreement names them. */
export const agreementParties = (minorAtStart: boolean): AgreementParty[] =>
  minorAtStart ? ['school', 'enterprise', 'student', 'guardian'] : ['school', 'enterprise', 'student'];

/** The insurance covers the whole placement (its dates inclusive). */
export const insuranceCovers = (
  insurance: Pick<AgreementInsurance, 'coverageStart' | 'coverageEnd'> | null,
  dates: AgreementTerms['dates'],
): boolean => insurance !== null && insurance.coverageStart <= dates.start && insurance.coverageEnd >= dates.end;

/** Refuses insurance that leaves a day of the placement uncovered (or whose dates are inverted). */
export function checkInsuranceCovers(insurance: AgreementInsurance, dates: AgreementTerms['dates']): void {
  if (insurance.coverageEnd < insurance.coverageStart || !insuranceCovers(insurance, dates)) {
    throw new DomainError(
      'INSURANCE_NOT_COVERING',
      'unprocessable',
      `The insurance must cover the whole placement, ${dates.start} to ${dates.end}`,
      { coverageStart: insurance.coverageStart, coverageEnd: insurance.coverageEnd, startDate: dates.start, endDate: dates.end },
    );
  }
}

/** Signing opens once the insurance is set and covers the dates. */
export const signingOpen = (terms: Pick<AgreementTerms, 'insurance' | 'dates'>): boolean => insuranceCovers(terms.insurance, terms.dates);

/** An agreement's state, read from its current version's terms and signatures. */
export function agreementStatus(
  terms: Pick<AgreementTerms, 'insurance' | 'dates' | 'student'>,
  signed: readonly AgreementParty[],
  placementTerminated = false,
): AgreementStatus {
  const parties = agreementParties(terms.student.minorAtStart);
  if (parties.every((p) => signed.includes(p))) return 'signed';
  if (placementTerminated) return 'void';
  return signingOpen(terms) ? 'signing' : 'awaiting_insurance';
}

/** The side a signed-in person signs for: the student their own, the admins their organisation's; nobody else. */
export function signerSide(
  actor: { role: Role; userId: string; organisationId: string | null },
  parties: { studentId: string; enterpriseId: string; schoolId: string },
): AgreementParty | null {
  if (actor.role === 'student' && actor.userId === parties.studentId) return 'student';
  if (actor.role === 'enterprise_admin' && actor.organisationId === parties.enterpriseId) return 'enterprise';
  if (actor.role === 'school_admin' && actor.organisationId === parties.schoolId) return 'school';
  return null;
}

export interface SignatureAttempt {
  /** The agreement's state and its current version. */
  status: AgreementStatus;
  currentVersion: number;
  currentSha256: string;
  terms: Pick<AgreementTerms, 'insurance' | 'dates' | 'student'>;
  /** The parties who already signed the current version. */
  signed: readonly AgreementParty[];
  /** The version and hash the signer read. */
  version: number;
  termsSha256: string;
  /** The party the signer signs for (null: not a signer of this agreement). */
  party: AgreementParty | null;
}

/**
 * Whether a signature may be written: the version read is current, the party is one of this version's and
 * has not signed it, the agreement is not void, and signing is open. Each refusal its own code.
 */
export function checkSignature(a: SignatureAttempt): AgreementParty {
  if (a.status === 'void') throw new DomainError('AGREEMENT_VOID', 'conflict', 'The placement was ended: its agreement is void');
  if (!a.party || !agreementParties(a.terms.student.minorAtStart).includes(a.party)) {
    throw new DomainError('NOT_A_SIGNER', 'forbidden', 'You do not sign this agreement for any of its parties');
  }
  if (a.version !== a.currentVersion || a.termsSha256.toLowerCase() !== a.currentSha256) {
    throw new DomainError(
      'AGREEMENT_VERSION_OUTDATED',
      'conflict',
      'The agreement changed since you read it: read the current version and sign that',
      {
        currentVersion: a.currentVersion,
        version: a.version,
      },
    );
  }
  if (a.signed.includes(a.party))
    throw new DomainError('ALREADY_SIGNED', 'conflict', 'This version is already signed for your party', { party: a.party });
  if (!signingOpen(a.terms)) {
    throw new DomainError('SIGNING_NOT_OPEN', 'conflict', 'Signing opens once the insurance is entered and covers the placement’s dates');
  }
  return a.party;
}

/** Every party of the current version signed and the insurance covers the dates: the placement may start. */
export function checkAgreementSigned(facts: {
  status: AgreementStatus | null;
  terms: Pick<AgreementTerms, 'insurance' | 'dates' | 'student'> | null;
  signed: readonly AgreementParty[];
  policyNo?: string | null;
}): void {
  if (!facts.terms || facts.status === null)
    throw new DomainError('AGREEMENT_NOT_SIGNED', 'conflict', 'The placement has no signed agreement yet');
  if (!insuranceCovers(facts.terms.insurance, facts.terms.dates)) {
    throw new DomainError('INSURANCE_NOT_COVERING', 'unprocessable', 'The agreement’s insurance must cover the placement’s dates', {
      startDate: facts.terms.dates.start,
      endDate: facts.terms.dates.end,
    });
  }
  const missing = agreementParties(facts.terms.student.minorAtStart).filter((p) => !facts.signed.includes(p));
  if (missing.length > 0) {
    throw new DomainError('AGREEMENT_NOT_SIGNED', 'conflict', `The agreement still waits for: ${missing.join(', ')}`, { missing });
  }
  if (facts.policyNo && facts.policyNo.trim() !== facts.terms.insurance?.policyNo) {
    throw new DomainError('INSURANCE_MISMATCH', 'unprocessable', 'The policy number is not the one the agreement states', {
      agreementPolicyNo: facts.terms.insurance?.policyNo ?? null,
    });
  }
}

/** The guardian's one-time link: unknown, used, replaced or expired are all the same refusal. */
export function checkGuardianLink(link: { usedAt: Date | null; replaced: boolean; expiresAt: Date } | null, now: Date): void {
  if (!link || link.usedAt || link.replaced || link.expiresAt <= now) {
    throw new DomainError(
      'GUARDIAN_LINK_INVALID',
      'invalid',
      'This link is wrong, used, replaced or expired: ask the school for a new one',
    );
  }
}

/** Only the school enters or changes the guardian's contact (never the student, never the enterprise). */
export function checkGuardianContactEditor(actor: { role: Role; organisationId: string | null }, schoolId: string): void {
  if (actor.role !== 'school_admin' || actor.organisationId !== schoolId) {
    throw new DomainError('GUARDIAN_CONTACT_SCHOOL_ONLY', 'forbidden', 'Only the student’s school enters the guardian’s contact');
  }
}

/** A guardian link is sent only for a minor, and only to a contact the school has entered. */
export function guardianChannel(terms: Pick<AgreementTerms, 'guardian' | 'student'>): 'email' | 'webhook' {
  if (!terms.student.minorAtStart)
    throw new DomainError('GUARDIAN_NOT_REQUIRED', 'unprocessable', 'The student is 18 or over on the start date: no guardian signs');
  const g = terms.guardian;
  if (!g || (!g.email && !g.phone)) {
    throw new DomainError('GUARDIAN_CONTACT_MISSING', 'unprocessable', 'Enter the guardian’s name and phone or e-mail first');
  }
  return g.email ? 'email' : 'webhook';
}
