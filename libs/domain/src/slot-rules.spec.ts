import fc from 'fast-check';
import { DomainError } from './errors';
import { defaultRulesFor } from './rules';
import { SlotTerms, checkInternCap, checkPostCap, checkSlotTerms, slotWarnings } from './slot-rules';

const rules = defaultRulesFor(2027);
const internship: SlotTerms = {
  type: 'internship',
  startDate: '2027-03-01',
  endDate: '2027-08-31',
  capacity: 4,
  stipend: '2800.00',
  postWage: '3500.00',
  hoursPerDay: '8',
  nightShift: false,
  applicationDeadline: '2027-02-15',
};

const codeOf = (work: () => void): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('slot terms (Reg. 2021)', () => {
  it('accepts a lawful internship', () => {
    expect(codeOf(() => checkSlotTerms(rules, internship))).toBeNull();
  });

  it('refuses pay below 80 % of the post’s wage, exactly at the boundary', () => {
    expect(codeOf(() => checkSlotTerms(rules, { ...internship, stipend: '2800.00', postWage: '3500.00' }))).toBeNull();
    expect(codeOf(() => checkSlotTerms(rules, { ...internship, stipend: '2799.99', postWage: '3500.00' }))).toBe('STIPEND_BELOW_FLOOR');
  });

  it('refuses night shifts and more than 8 hours a day', () => {
    expect(codeOf(() => checkSlotTerms(rules, { ...internship, nightShift: true }))).toBe('NIGHT_SHIFT_NOT_ALLOWED');
    expect(codeOf(() => checkSlotTerms(rules, { ...internship, hoursPerDay: '8.5' }))).toBe('HOURS_EXCEEDED');
  });

  it('refuses inverted dates and a deadline after the start', () => {
    expect(codeOf(() => checkSlotTerms(rules, { ...internship, endDate: '2027-02-01' }))).toBe('DATES_INVERTED');
    expect(codeOf(() => checkSlotTerms(rules, { ...internship, applicationDeadline: '2027-03-02' }))).toBe('DEADLINE_AFTER_START');
  });

  it('does not hold teacher practice to the interns’ pay rules', () => {
    expect(codeOf(() => checkSlotTerms(rules, { ...internship, type: 'teacher_practice', stipend: null, postWage: null }))).toBeNull();
  });

  it('warns when a post internship is far from six months', () => {
    expect(slotWarnings(rules, internship)).toEqual([]);
    expect(slotWarnings(rules, { ...internship, endDate: '2027-04-30' })).toEqual(['POST_INTERNSHIP_LENGTH']);
  });

  it('caps concurrent interns at 10 % of staff', () => {
    expect(codeOf(() => checkInternCap(rules, 100, 6, 4))).toBeNull();
    expect(codeOf(() => checkInternCap(rules, 100, 7, 4))).toBe('QUOTA_CAP_EXCEEDED');
    expect(codeOf(() => checkInternCap(rules, null, 0, 1))).toBe('QUOTA_CAP_EXCEEDED');
  });

  it('caps interns in one post at 20 % of its staff, with the numbers', () => {
    expect(codeOf(() => checkPostCap(rules, 40, 8))).toBeNull();
    let error: DomainError | undefined;
    try {
      checkPostCap(rules, 40, 9);
    } catch (e) {
      error = e as DomainError;
    }
    expect(error).toMatchObject({
      code: 'POST_CAP_EXCEEDED',
      kind: 'conflict',
      details: { cap: 8, capPercent: '20', postStaff: 40, capacity: 9 },
    });
    expect(codeOf(() => checkPostCap(rules, 4, 1))).toBe('POST_CAP_EXCEEDED'); // floor(0.8) = 0 interns
    expect(codeOf(() => checkPostCap(rules, null, 50))).toBeNull(); // no post staff stated: the enterprise's cap alone
  });

  it('the post cap follows the year’s rate: capacity ≤ floor(rate × staff) exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 100 }),
        (staff, capacity, percent) => {
          const yearRules = { ...rules, postInternCapRate: (percent / 100).toFixed(2) };
          const allowed = capacity * 100 <= staff * percent;
          expect(codeOf(() => checkPostCap(yearRules, staff, capacity))).toBe(allowed ? null : 'POST_CAP_EXCEEDED');
        },
      ),
    );
  });
});
