import fc from 'fast-check';
import { addDays } from './dates';
import { checkBooking, daysByYear, dualQualifiedShare, servedDaysByYear, teacherYear } from './practice';
import { defaultRulesFor } from './rules';

const rules = defaultRulesFor(2027);
const slot = { type: 'teacher_practice', state: 'open', startDate: '2027-01-01', endDate: '2027-12-31' };
const codeOf = (work: () => void): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('teacher practice bookings (§12)', () => {
  it('accepts a month inside the window and refuses shorter ones, bookings outside it, and other slots', () => {
    expect(codeOf(() => checkBooking(rules, slot, { startDate: '2027-07-01', endDate: '2027-07-30' }, '2027-01-10'))).toBeNull();
    expect(codeOf(() => checkBooking(rules, slot, { startDate: '2027-07-01', endDate: '2027-07-29' }, '2027-01-10'))).toBe(
      'BOOKING_TOO_SHORT',
    );
    expect(codeOf(() => checkBooking(rules, slot, { startDate: '2027-12-15', endDate: '2028-01-13' }, '2027-01-10'))).toBe(
      'BOOKING_OUTSIDE_WINDOW',
    );
    expect(
      codeOf(() => checkBooking(rules, { ...slot, type: 'internship' }, { startDate: '2027-07-01', endDate: '2027-07-30' }, '2027-01-10')),
    ).toBe('WRONG_SLOT_TYPE');
    expect(codeOf(() => checkBooking(rules, slot, { startDate: '2027-07-01', endDate: '2027-07-30' }, '2027-07-01'))).toBe(
      'BOOKING_IN_PAST',
    );
  });

  it('counts a booking from 15 December to 13 January in each year', () => {
    expect(daysByYear('2026-12-15', '2027-01-13')).toEqual(
      new Map([
        [2026, 17],
        [2027, 13],
      ]),
    );
    expect(servedDaysByYear('2026-12-15', '2027-01-13', 30)).toEqual(
      new Map([
        [2026, 17],
        [2027, 13],
      ]),
    );
    const year = (y: number) =>
      teacherYear(rules, y, [{ startDate: '2026-12-15', endDate: '2027-01-13', status: 'completed', daysServed: 30 }]);
    expect(year(2026)).toEqual({ daysBooked: 17, daysServed: 17, required: 30, compliant: false });
    expect(year(2027)).toEqual({ daysBooked: 13, daysServed: 13, required: 30, compliant: false });
  });

  it('is compliant once 30 days are served in the year; booked but not served is not enough', () => {
    const served = teacherYear(rules, 2027, [{ startDate: '2027-07-01', endDate: '2027-07-30', status: 'completed', daysServed: 30 }]);
    expect(served.compliant).toBe(true);
    const booked = teacherYear(rules, 2027, [{ startDate: '2027-07-01', endDate: '2027-07-30', status: 'confirmed', daysServed: null }]);
    expect(booked).toEqual({ daysBooked: 30, daysServed: 0, required: 30, compliant: false });
    const cancelled = teacherYear(rules, 2027, [{ startDate: '2027-07-01', endDate: '2027-07-30', status: 'cancelled', daysServed: null }]);
    expect(cancelled.daysBooked).toBe(0);
  });

  it('splits served days over the years exactly, whatever the dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 130 }),
        (offset, length, served) => {
          const start = addDays('2026-01-01', offset);
          const end = addDays(start, length);
          const days = Math.min(served, length + 1);
          const split = servedDaysByYear(start, end, days);
          expect([...split.values()].reduce((a, b) => a + b, 0)).toBe(days);
          const byYear = daysByYear(start, end);
          for (const [year, n] of split) expect(n).toBeLessThanOrEqual(byYear.get(year) ?? 0);
        },
      ),
    );
  });

  it('measures the dual-qualified share against 60 %', () => {
    expect(dualQualifiedShare(rules, 10, 6)).toEqual({ share: 0.6, target: '0.60', meetsTarget: true });
    expect(dualQualifiedShare(rules, 10, 5).meetsTarget).toBe(false);
    expect(dualQualifiedShare(rules, 0, 0).meetsTarget).toBe(false);
  });
});
