import { NUMERIC_PROBLEM_FACTS, PROBLEM_CODES, type NumericProblemCode } from '@skillbridge/contracts';
import { percentOf, shareOfMoney } from './decimal';
import { checkCanApply } from './eligibility';
import { DomainError } from './errors';
import { checkPreferences } from './match-round';
import { checkBooking, checkDaysServed } from './practice';
import { defaultRulesFor } from './rules';
import { SlotTerms, checkCapacityNotBelowTaken, checkInternCap, checkPostCap, checkSlotTerms } from './slot-rules';

const rules = defaultRulesFor(2027);
const internship: SlotTerms = {
  type: 'internship',
  startDate: '2027-03-01',
  endDate: '2027-08-31',
  capacity: 4,
  stipend: '3000.00',
  postWage: '4500.00',
  hoursPerDay: '8',
  nightShift: false,
  applicationDeadline: '2027-02-15',
};

/**
 * One way to provoke each refusal of a numeric rule through the domain's own checks. A code added to
 * NUMERIC_PROBLEM_FACTS without a way here fails the first test; a check that throws without one of its
 * numbers fails the second.
 */
const PROVOKE: Record<NumericProblemCode, () => void> = {
  STIPEND_BELOW_FLOOR: () => checkSlotTerms(rules, internship),
  HOURS_EXCEEDED: () => checkSlotTerms(rules, { ...internship, stipend: '3600.00', hoursPerDay: '9' }),
  QUOTA_CAP_EXCEEDED: () => checkInternCap(rules, 100, 8, 4),
  POST_CAP_EXCEEDED: () => checkPostCap(rules, 10, 3),
  CAPACITY_BELOW_TAKEN: () => checkCapacityNotBelowTaken(2, 3),
  UNDER_MINIMUM_AGE: () =>
    checkCanApply(rules, { dateOfBirth: '2011-06-01', enrolmentYear: 2025 }, { ...internship, state: 'open' }, '2027-01-10'),
  BOOKING_TOO_SHORT: () =>
    checkBooking(
      rules,
      { type: 'teacher_practice', state: 'open', startDate: '2027-07-01', endDate: '2027-08-31' },
      { startDate: '2027-07-01', endDate: '2027-07-20' },
      '2027-01-10',
    ),
  DAYS_SERVED_EXCEED_BOOKING: () => checkDaysServed(31, { startDate: '2027-07-01', endDate: '2027-07-30' }),
  TOO_MANY_PREFERENCES: () => {
    const ids = Array.from({ length: 11 }, (_, i) => `slot-${i}`);
    checkPreferences(ids, new Set(ids));
  },
};

const refusal = (work: () => void): DomainError => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('no refusal');
};

describe('refusals of numeric rules say their numbers', () => {
  it('every numeric code is a problem code and has a way to provoke it here', () => {
    const codes = Object.keys(NUMERIC_PROBLEM_FACTS);
    expect(codes.filter((code) => !(PROBLEM_CODES as readonly string[]).includes(code))).toEqual([]);
    expect(codes.filter((code) => !(code in PROVOKE))).toEqual([]);
  });

  it.each(Object.entries(NUMERIC_PROBLEM_FACTS))('%s carries %j', (code, names) => {
    const error = refusal(PROVOKE[code as NumericProblemCode]);
    expect(error.code).toBe(code);
    const missing = names.filter((name) => error.details[name] === undefined || error.details[name] === '');
    expect(missing).toEqual([]);
  });

  it('the pay floor is the share of the post’s wage, in yuan to the fen: ¥3,600 for ¥4,500', () => {
    expect(refusal(PROVOKE.STIPEND_BELOW_FLOOR).details).toEqual({
      floor: '3600.00',
      floorPercent: '80',
      floorRate: '0.80',
      postWage: '4500.00',
      stipend: '3000.00',
    });
    expect(shareOfMoney('0.80', '4500.55')).toBe('3600.44');
    expect(shareOfMoney('0.80', '3333.33')).toBe('2666.67');
    expect(shareOfMoney('0.125', '100')).toBe('12.50');
    expect(percentOf('0.125')).toBe('12.5');
    expect(percentOf('0.02')).toBe('2');
  });
});
