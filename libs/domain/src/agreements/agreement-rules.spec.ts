import type { AgreementTerms } from '@skillbridge/contracts';
import { DomainError } from '../errors';
import {
  agreementParties,
  agreementStatus,
  checkAgreementSigned,
  checkGuardianContactEditor,
  checkGuardianLink,
  checkInsuranceCovers,
  checkSignature,
  guardianChannel,
  isMinorAtStart,
  signerSide,
  SignatureAttempt,
} from './agreement-rules';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return undefined;
};

const dates = { start: '2027-03-01', end: '2027-08-31' };
const insurance = { insurer: '中国人保', policyNo: 'PICC-1', coverageStart: '2027-03-01', coverageEnd: '2027-08-31' };
const terms = (minor: boolean, ins: AgreementTerms['insurance'] = insurance) => ({
  dates,
  insurance: ins,
  student: { minorAtStart: minor } as AgreementTerms['student'],
});

describe('who signs', () => {
  it('a student under 18 on the start date needs the guardian', () => {
    expect(isMinorAtStart('2009-03-02', '2027-03-01')).toBe(true);
    expect(isMinorAtStart('2009-03-01', '2027-03-01')).toBe(false);
    expect(isMinorAtStart(null, '2027-03-01')).toBe(false);
    expect(agreementParties(true)).toEqual(['school', 'enterprise', 'student', 'guardian']);
    expect(agreementParties(false)).toEqual(['school', 'enterprise', 'student']);
  });

  it('each signed-in party signs its own side only', () => {
    const parties = { studentId: 's', enterpriseId: 'e', schoolId: 'sc' };
    expect(signerSide({ role: 'student', userId: 's', organisationId: null }, parties)).toBe('student');
    expect(signerSide({ role: 'student', userId: 'x', organisationId: null }, parties)).toBeNull();
    expect(signerSide({ role: 'enterprise_admin', userId: 'u', organisationId: 'e' }, parties)).toBe('enterprise');
    expect(signerSide({ role: 'school_admin', userId: 'u', organisationId: 'sc' }, parties)).toBe('school');
    expect(signerSide({ role: 'school_admin', userId: 'u', organisationId: 'e' }, parties)).toBeNull();
    expect(signerSide({ role: 'bureau_officer', userId: 'u', organisationId: null }, parties)).toBeNull();
  });
});

describe('insurance', () => {
  it('must cover every day of the placement', () => {
    expect(codeOf(() => checkInsuranceCovers(insurance, dates))).toBeUndefined();
    expect(codeOf(() => checkInsuranceCovers({ ...insurance, coverageEnd: '2027-08-30' }, dates))).toBe('INSURANCE_NOT_COVERING');
    expect(codeOf(() => checkInsuranceCovers({ ...insurance, coverageStart: '2027-03-02' }, dates))).toBe('INSURANCE_NOT_COVERING');
    expect(codeOf(() => checkInsuranceCovers({ ...insurance, coverageStart: '2027-09-01', coverageEnd: '2027-01-01' }, dates))).toBe(
      'INSURANCE_NOT_COVERING',
    );
  });
});

describe('status', () => {
  it('awaits insurance, then signing, then signed; void when ended unsigned', () => {
    expect(agreementStatus(terms(false, null), [])).toBe('awaiting_insurance');
    expect(agreementStatus(terms(false), ['school'])).toBe('signing');
    expect(agreementStatus(terms(false), ['school', 'enterprise', 'student'])).toBe('signed');
    expect(agreementStatus(terms(true), ['school', 'enterprise', 'student'])).toBe('signing');
    expect(agreementStatus(terms(false), [], true)).toBe('void');
  });
});

describe('a signature', () => {
  const attempt = (over: Partial<SignatureAttempt> = {}): SignatureAttempt => ({
    status: 'signing',
    currentVersion: 2,
    currentSha256: 'a'.repeat(64),
    terms: terms(false),
    signed: [],
    version: 2,
    termsSha256: 'a'.repeat(64),
    party: 'student',
    ...over,
  });

  it('is taken for the current version by a party that has not signed it', () => {
    expect(checkSignature(attempt())).toBe('student');
  });

  it.each<[string, Partial<SignatureAttempt>]>([
    ['AGREEMENT_VERSION_OUTDATED', { version: 1 }],
    ['AGREEMENT_VERSION_OUTDATED', { termsSha256: 'b'.repeat(64) }],
    ['ALREADY_SIGNED', { signed: ['student'] }],
    ['NOT_A_SIGNER', { party: null }],
    ['NOT_A_SIGNER', { party: 'guardian' }],
    ['SIGNING_NOT_OPEN', { terms: terms(false, null), status: 'awaiting_insurance' }],
    ['AGREEMENT_VOID', { status: 'void' }],
  ])('is refused %s', (code, over) => {
    expect(codeOf(() => checkSignature(attempt(over)))).toBe(code);
  });
});

describe('the gate', () => {
  it('opens with every signature and covering insurance; a policy number given must match', () => {
    const signed = ['school', 'enterprise', 'student'] as const;
    expect(codeOf(() => checkAgreementSigned({ status: 'signed', terms: terms(false), signed }))).toBeUndefined();
    expect(codeOf(() => checkAgreementSigned({ status: 'signed', terms: terms(false), signed, policyNo: 'PICC-1' }))).toBeUndefined();
    expect(codeOf(() => checkAgreementSigned({ status: 'signed', terms: terms(false), signed, policyNo: 'PICC-2' }))).toBe(
      'INSURANCE_MISMATCH',
    );
    expect(codeOf(() => checkAgreementSigned({ status: 'signing', terms: terms(true), signed }))).toBe('AGREEMENT_NOT_SIGNED');
    expect(codeOf(() => checkAgreementSigned({ status: null, terms: null, signed: [] }))).toBe('AGREEMENT_NOT_SIGNED');
    expect(codeOf(() => checkAgreementSigned({ status: 'awaiting_insurance', terms: terms(false, null), signed: [] }))).toBe(
      'INSURANCE_NOT_COVERING',
    );
  });
});

describe('the guardian', () => {
  const now = new Date('2027-02-01T00:00:00Z');
  const later = new Date('2027-02-02T00:00:00Z');
  it('signs through a link that is unused, not replaced and not expired', () => {
    expect(codeOf(() => checkGuardianLink({ usedAt: null, replaced: false, expiresAt: later }, now))).toBeUndefined();
    expect(codeOf(() => checkGuardianLink(null, now))).toBe('GUARDIAN_LINK_INVALID');
    expect(codeOf(() => checkGuardianLink({ usedAt: now, replaced: false, expiresAt: later }, now))).toBe('GUARDIAN_LINK_INVALID');
    expect(codeOf(() => checkGuardianLink({ usedAt: null, replaced: true, expiresAt: later }, now))).toBe('GUARDIAN_LINK_INVALID');
    expect(codeOf(() => checkGuardianLink({ usedAt: null, replaced: false, expiresAt: now }, now))).toBe('GUARDIAN_LINK_INVALID');
  });

  it('whose contact only the school enters', () => {
    expect(codeOf(() => checkGuardianContactEditor({ role: 'school_admin', organisationId: 'sc' }, 'sc'))).toBeUndefined();
    expect(codeOf(() => checkGuardianContactEditor({ role: 'school_admin', organisationId: 'other' }, 'sc'))).toBe(
      'GUARDIAN_CONTACT_SCHOOL_ONLY',
    );
    expect(codeOf(() => checkGuardianContactEditor({ role: 'student', organisationId: null }, 'sc'))).toBe('GUARDIAN_CONTACT_SCHOOL_ONLY');
    expect(codeOf(() => checkGuardianContactEditor({ role: 'enterprise_admin', organisationId: 'e' }, 'sc'))).toBe(
      'GUARDIAN_CONTACT_SCHOOL_ONLY',
    );
  });

  it('gets the link by e-mail, or by SMS when only a phone is known', () => {
    const minor = { minorAtStart: true } as AgreementTerms['student'];
    expect(guardianChannel({ student: minor, guardian: { name: 'g', phone: '138', email: 'g@x.cn' } })).toBe('email');
    expect(guardianChannel({ student: minor, guardian: { name: 'g', phone: '138', email: null } })).toBe('webhook');
    expect(codeOf(() => guardianChannel({ student: minor, guardian: null }))).toBe('GUARDIAN_CONTACT_MISSING');
    expect(codeOf(() => guardianChannel({ student: { minorAtStart: false } as AgreementTerms['student'], guardian: null }))).toBe(
      'GUARDIAN_NOT_REQUIRED',
    );
  });
});
