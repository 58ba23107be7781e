import fc from 'fast-check';
import { quotaStatus, quotaStatusOn, quotaThresholds, yearElapsed } from './quota';

describe('quota status (§13: 2 % of staff a year)', () => {
  it('measures the share of the year passed', () => {
    expect(yearElapsed(2027, '2026-12-31')).toEqual({ day: 0, days: 365 });
    expect(yearElapsed(2027, '2027-01-01')).toEqual({ day: 1, days: 365 });
    expect(yearElapsed(2028, '2028-12-31')).toEqual({ day: 366, days: 366 });
    expect(yearElapsed(2027, '2028-03-01')).toEqual({ day: 365, days: 365 });
  });

  it('judges an enterprise needing 24 interns at several dates', () => {
    const at = (date: string, hosted: number) => quotaStatus(24, hosted, yearElapsed(2027, date));
    expect(at('2027-01-15', 0)).toBe('on_track'); // not one whole intern due yet
    expect(at('2027-07-02', 12)).toBe('on_track'); // 183 of 365 days: 12 due
    expect(at('2027-07-02', 11)).toBe('at_risk');
    expect(at('2027-07-02', 6)).toBe('at_risk');
    expect(at('2027-07-02', 5)).toBe('behind');
    expect(at('2027-12-31', 23)).toBe('at_risk');
    expect(at('2027-12-31', 11)).toBe('behind');
    expect(at('2027-12-31', 24)).toBe('met');
    expect(at('2026-06-01', 0)).toBe('on_track'); // the year has not begun
  });

  it('an enterprise with nothing required has met its quota', () => {
    expect(quotaStatus(0, 0, { day: 200, days: 365 })).toBe('met');
  });

  it('is monotone: more interns never make the status worse', () => {
    const order = { behind: 0, at_risk: 1, on_track: 2, met: 3 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 365 }),
        (required, hosted, day) => {
          const elapsed = { day, days: 365 };
          expect(order[quotaStatus(required, hosted + 1, elapsed)]).toBeGreaterThanOrEqual(order[quotaStatus(required, hosted, elapsed)]);
        },
      ),
    );
  });

  it('stored thresholds give the same status as the rule on every day of the year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.constantFrom(365, 366),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (required, hosted, days, share) => {
          const day = Math.round(share * days);
          expect(quotaStatusOn(quotaThresholds(required, hosted, days), day)).toBe(quotaStatus(required, hosted, { day, days }));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('thresholds agree with the rule at each boundary day, for small quotas exhaustively', () => {
    const disagreements: string[] = [];
    for (const days of [365, 366])
      for (let required = 0; required <= 40; required++)
        for (let hosted = 0; hosted <= required + 1; hosted++) {
          const thresholds = quotaThresholds(required, hosted, days);
          for (let day = 0; day <= days; day++)
            if (quotaStatusOn(thresholds, day) !== quotaStatus(required, hosted, { day, days }))
              disagreements.push(`${required}/${hosted} on ${day}/${days}`);
        }
    expect(disagreements).toEqual([]);
  });

  it('judges the 24-intern enterprise the same way from thresholds', () => {
    const t = quotaThresholds(24, 12, 365);
    // on track while floor(24 × day / 365) ≤ 12: through day 197; at risk while the pace ≤ 25: always, as 24 < 26.
    expect(t).toEqual({ onTrackUntil: 197, atRiskUntil: 395 });
    expect(quotaStatusOn(t, 197)).toBe('on_track');
    expect(quotaStatusOn(t, 198)).toBe('at_risk');
    expect(quotaStatusOn(quotaThresholds(24, 24, 365), 365)).toBe('met');
  });
});
