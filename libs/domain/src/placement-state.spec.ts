import fc from 'fast-check';
import { DomainError } from './errors';
import { addDays } from './dates';
import { ServedPlacement, checkActivationDate, checkCompletionDate, countsForYearFrom, servedFrom, servesInYear } from './placement-state';

const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('placement dates', () => {
  it('refuses to start a placement before its start date, and allows it on that day and after', () => {
    expect(codeOf(() => checkActivationDate('2027-03-01', '2026-12-07'))).toBe('PLACEMENT_NOT_STARTED');
    expect(codeOf(() => checkActivationDate('2027-03-01', '2027-03-01'))).toBeNull();
    expect(codeOf(() => checkActivationDate('2027-03-01', '2027-04-01'))).toBeNull();
  });

  it('refuses to complete a placement before its end date, with the dates as facts', () => {
    let error: DomainError | undefined;
    try {
      checkCompletionDate('2027-08-31', '2027-03-02');
    } catch (e) {
      error = e as DomainError;
    }
    expect(error).toMatchObject({
      code: 'PLACEMENT_NOT_ENDED',
      kind: 'unprocessable',
      details: { endDate: '2027-08-31', today: '2027-03-02' },
    });
    expect(codeOf(() => checkCompletionDate('2027-08-31', '2027-08-31'))).toBeNull();
  });
});

describe('hosted in year Y (domain.md §3)', () => {
  const p = (over: Partial<ServedPlacement>): ServedPlacement => ({
    status: 'active',
    startDate: '2026-09-01',
    endDate: '2027-02-28',
    activatedOn: '2026-09-01',
    agreementSigned: true,
    ...over,
  });

  it('counts from the activation day, never before the start date', () => {
    expect(servedFrom({ startDate: '2026-09-01', activatedOn: '2026-09-15' })).toBe('2026-09-15');
    expect(servedFrom({ startDate: '2026-09-01', activatedOn: '2026-08-20' })).toBe('2026-09-01');
    expect(servedFrom({ startDate: '2026-09-01', activatedOn: null })).toBe('2026-09-01');
  });

  it('a placement running into next year counts for next year only from 1 January', () => {
    const running = p({ activatedOn: '2026-12-01', startDate: '2026-12-01' });
    expect(servesInYear(running, 2026, '2026-12-07')).toBe(true);
    expect(servesInYear(running, 2027, '2026-12-31')).toBe(false);
    expect(servesInYear(running, 2027, '2027-01-01')).toBe(true);
    expect(countsForYearFrom(running, 2027)).toBe('2027-01-01');
  });

  it('a day not yet lived never counts, nor a pending or terminated placement', () => {
    const early = p({ startDate: '2027-03-01', endDate: '2027-08-31', activatedOn: '2026-12-01', status: 'completed' });
    expect(servesInYear(early, 2026, '2026-12-07')).toBe(false);
    expect(servesInYear(early, 2027, '2026-12-07')).toBe(false);
    expect(servesInYear(early, 2027, '2027-03-01')).toBe(true);
    expect(servesInYear(p({ status: 'pending' }), 2026, '2026-12-07')).toBe(false);
    expect(servesInYear(p({ status: 'terminated' }), 2026, '2026-12-07')).toBe(false);
  });

  it('a student placement without every signature of its agreement never counts (issue 18)', () => {
    expect(servesInYear(p({ agreementSigned: false }), 2026, '2026-12-07')).toBe(false);
    expect(servesInYear(p({ agreementSigned: true }), 2026, '2026-12-07')).toBe(true);
  });

  it('counts for Y exactly when one day from the first day served to the end lies in Y and is lived by today', () => {
    const day = fc.integer({ min: 0, max: 1500 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -30, max: 60 }),
        day,
        fc.integer({ min: 2025, max: 2029 }),
        (start, length, late, today, year) => {
          const placement = p({ startDate: start, endDate: addDays(start, length), activatedOn: addDays(start, late) });
          let served = false;
          for (let d = servedFrom(placement); d <= placement.endDate; d = addDays(d, 1)) {
            if (d.startsWith(`${year}-`) && d <= today) served = true;
          }
          expect(servesInYear(placement, year, today)).toBe(served);
          if (served) expect(countsForYearFrom(placement, year) <= today).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
