import fc from 'fast-check';
import { CandidateSlot, StudentProfile, scoreSlot } from './recommendation';

const student: StudentProfile = { major: '数控技术', skills: ['数控车铣', 'CAD/CAM'], preferredDistricts: ['七里河区'], busy: [] };
const slot: CandidateSlot = {
  majors: ['数控技术', '机电一体化技术'],
  skills: ['数控车铣', 'CAD/CAM', '精密测量'],
  district: '七里河区',
  startDate: '2027-03-01',
  endDate: '2027-08-31',
  capacity: 5,
  taken: 0,
  applicationDeadline: '2027-02-15',
};

describe('recommendation scoring', () => {
  it('a slot that fits on every count scores high, with every reason given', () => {
    const sut = scoreSlot(student, slot, '2027-01-10');
    expect(sut.score).toBe(40 + 17 + 15 + 10 + 10);
    expect(sut.reasons.map((r) => r.code)).toEqual(['MAJOR_MATCH', 'SKILLS_MATCH', 'PREFERRED_DISTRICT', 'FITS_CALENDAR', 'SEATS_LEFT']);
  });

  it('ranks a slot of the student’s major above one that only matches district and dates', () => {
    const other = { ...slot, majors: ['护理'], skills: ['老年照护'] };
    expect(scoreSlot(student, slot, '2027-01-10').score).toBeGreaterThan(scoreSlot(student, other, '2027-01-10').score);
  });

  it('says when a slot clashes with a placement the student holds', () => {
    const busy = { ...student, busy: [{ startDate: '2027-06-01', endDate: '2027-12-31' }] };
    const sut = scoreSlot(busy, slot, '2027-01-10');
    expect(sut.reasons.map((r) => r.code)).toContain('CLASHES_WITH_PLACEMENT');
    expect(sut.score).toBe(scoreSlot(student, slot, '2027-01-10').score - 10);
  });

  it('flags a deadline within a week', () => {
    expect(scoreSlot(student, slot, '2027-02-10').reasons).toContainEqual({ code: 'DEADLINE_SOON', daysLeft: 5 });
  });

  it('flags the deadline from the day it is a week away to the day itself, and not before or after', () => {
    const soon = (today: string) =>
      scoreSlot(student, { ...slot, applicationDeadline: '2027-03-02' }, today).reasons.find((r) => r.code === 'DEADLINE_SOON');
    expect(soon('2027-02-22')).toBeUndefined();
    expect(soon('2027-02-23')).toEqual({ code: 'DEADLINE_SOON', daysLeft: 7 }); // across the end of February
    expect(soon('2027-03-02')).toEqual({ code: 'DEADLINE_SOON', daysLeft: 0 });
    expect(soon('2027-03-03')).toBeUndefined();
    expect(scoreSlot(student, { ...slot, applicationDeadline: '2028-01-03' }, '2027-12-27').reasons).toContainEqual({
      code: 'DEADLINE_SOON',
      daysLeft: 7,
    }); // across the year
  });

  it('always scores between 0 and 100, and never rewards a full slot for seats', () => {
    const arbitrary = fc.record({
      capacity: fc.integer({ min: 1, max: 50 }),
      taken: fc.integer({ min: 0, max: 50 }),
      skills: fc.array(fc.constantFrom('数控车铣', 'CAD/CAM', '精密测量', 'PLC编程'), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ capacity, taken, skills }) => {
        const sut = scoreSlot(student, { ...slot, capacity, taken: Math.min(taken, capacity), skills }, '2027-01-10');
        expect(sut.score).toBeGreaterThanOrEqual(0);
        expect(sut.score).toBeLessThanOrEqual(100);
        if (taken >= capacity) expect(sut.reasons.some((r) => r.code === 'SEATS_LEFT')).toBe(false);
      }),
    );
  });
});

describe('the parts of a recommendation score', () => {
  it('every part in weight order, out of its weight, summing to the score', () => {
    const result = scoreSlot(
      { major: '护理', skills: ['急救'], preferredDistricts: ['城关区'], busy: [] },
      {
        majors: ['护理'],
        skills: ['急救', '基础护理'],
        district: '城关区',
        startDate: '2027-03-01',
        endDate: '2027-08-31',
        capacity: 3,
        taken: 0,
        applicationDeadline: null,
      },
      '2027-01-10',
    );
    expect(result.parts.map((p) => [p.part, p.points, p.max])).toEqual([
      ['major', 40, 40],
      ['skills', 13, 25],
      ['district', 15, 15],
      ['calendar', 10, 10],
      ['seats', 6, 10],
    ]);
    expect(result.score).toBe(84);
  });
});
