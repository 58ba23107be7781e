import { ageOn } from './dates';
import { OpenSlot, checkCanApply, yearOfStudy } from './eligibility';
import { checkActivation } from './placement-state';
import { defaultRulesFor } from './rules';

const rules = defaultRulesFor(2027);
const slot: OpenSlot = { type: 'internship', state: 'open', startDate: '2027-03-01', applicationDeadline: '2027-02-15' };
const codeOf = (work: () => void): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('who may apply (Reg. 2021 Art. 16)', () => {
  it('counts age in whole years on the start date', () => {
    expect(ageOn('2011-03-01', '2027-03-01')).toBe(16);
    expect(ageOn('2011-03-02', '2027-03-01')).toBe(15);
    expect(ageOn('2008-02-29', '2027-02-28')).toBe(18);
  });

  it('refuses a student under 16 on the start date', () => {
    expect(codeOf(() => checkCanApply(rules, { dateOfBirth: '2011-03-02', enrolmentYear: 2025 }, slot, '2027-01-10'))).toBe(
      'UNDER_MINIMUM_AGE',
    );
    expect(codeOf(() => checkCanApply(rules, { dateOfBirth: '2011-03-01', enrolmentYear: 2025 }, slot, '2027-01-10'))).toBeNull();
  });

  it('a student is in year 1 until the September after enrolment', () => {
    expect(yearOfStudy(2026, '2027-03-01')).toBe(1);
    expect(yearOfStudy(2026, '2027-09-01')).toBe(2);
    expect(yearOfStudy(2025, '2027-03-01')).toBe(2);
  });

  it('refuses first-year students in post internships but not in apprenticeships', () => {
    const firstYear = { dateOfBirth: '2009-01-01', enrolmentYear: 2026 };
    expect(codeOf(() => checkCanApply(rules, firstYear, slot, '2027-01-10'))).toBe('FIRST_YEAR_STUDENT');
    expect(codeOf(() => checkCanApply(rules, firstYear, { ...slot, type: 'apprenticeship' }, '2027-01-10'))).toBeNull();
  });

  it('refuses closed slots, a passed deadline, and teacher practice', () => {
    const student = { dateOfBirth: '2008-01-01', enrolmentYear: 2025 };
    expect(codeOf(() => checkCanApply(rules, student, { ...slot, state: 'closed' }, '2027-01-10'))).toBe('SLOT_NOT_OPEN');
    expect(codeOf(() => checkCanApply(rules, student, slot, '2027-02-16'))).toBe('DEADLINE_PASSED');
    expect(codeOf(() => checkCanApply(rules, student, slot, '2027-02-15'))).toBeNull();
    expect(codeOf(() => checkCanApply(rules, student, { ...slot, type: 'teacher_practice' }, '2027-01-10'))).toBe('WRONG_SLOT_TYPE');
  });
});

describe('starting a placement (tripartite agreement, insurance, guardian)', () => {
  const facts = {
    kind: 'student' as const,
    schoolApproved: true,
    insurancePolicyNo: 'PICC-2027-001',
    guardianConsent: false,
    dateOfBirth: '2008-01-01',
    startDate: '2027-03-01',
  };
  it('needs the school’s approval, an insurance policy, and a guardian’s consent under 18', () => {
    expect(codeOf(() => checkActivation(facts))).toBeNull();
    expect(codeOf(() => checkActivation({ ...facts, schoolApproved: false }))).toBe('SCHOOL_APPROVAL_REQUIRED');
    expect(codeOf(() => checkActivation({ ...facts, insurancePolicyNo: '  ' }))).toBe('INSURANCE_REQUIRED');
    expect(codeOf(() => checkActivation({ ...facts, dateOfBirth: '2009-03-02' }))).toBe('GUARDIAN_CONSENT_REQUIRED');
    expect(codeOf(() => checkActivation({ ...facts, dateOfBirth: '2009-03-02', guardianConsent: true }))).toBeNull();
  });
});
