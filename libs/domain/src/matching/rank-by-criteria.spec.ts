import fc from 'fast-check';
import { CriteriaApplicant, lotteryTicket, mulberry32, rankByCriteria } from './rank-by-criteria';

const criteria = { majors: ['数控技术'], skills: ['数控车铣', 'CAD/CAM'] };
const lottery = { seed: 'round-2027-spring:5f1c', slotId: 'slot-42' };
const applicant = (studentId: string, major = '护理', skills: string[] = []): CriteriaApplicant => ({ studentId, major, skills });
const equals = (n: number, prefix = 'student-'): CriteriaApplicant[] => Array.from({ length: n }, (_, i) => applicant(`${prefix}${i}`));

describe('rankByCriteria (a slot the enterprise did not rank by hand)', () => {
  it('ranks a wanted major first, then by wanted skills held, then by lottery', () => {
    const sut = rankByCriteria(
      [
        applicant('a', '护理', ['数控车铣', 'CAD/CAM']),
        applicant('b', '数控技术'),
        applicant('c', '数控技术', ['CAD/CAM', 'CAD/CAM', '焊接']),
        applicant('d', '护理', ['数控车铣']),
      ],
      criteria,
      lottery,
    );
    expect(sut).toEqual(['c', 'b', 'a', 'd']);
  });

  it('gives the same ranking for the same seed, whatever order the applications come in', () => {
    const arbitrary = fc.record({
      applicants: fc.uniqueArray(
        fc.record({
          studentId: fc.string({ minLength: 1 }),
          major: fc.constantFrom('数控技术', '护理'),
          skills: fc.subarray(['数控车铣', 'CAD/CAM', '焊接']),
        }),
        { selector: (a) => a.studentId, maxLength: 30 },
      ),
      seed: fc.string(),
      shuffle: fc.array(fc.nat()),
    });
    fc.assert(
      fc.property(arbitrary, ({ applicants, seed, shuffle }) => {
        const reordered = [...applicants].sort((a, b) => (shuffle[applicants.indexOf(a)] ?? 0) - (shuffle[applicants.indexOf(b)] ?? 0));
        expect(rankByCriteria(reordered, criteria, { seed, slotId: 's' })).toEqual(
          rankByCriteria(applicants, criteria, { seed, slotId: 's' }),
        );
      }),
    );
  });

  it('gives different lotteries for different seeds and different slots', () => {
    const applicants = equals(12);
    const bySeed = new Set(
      Array.from({ length: 20 }, (_, i) => rankByCriteria(applicants, criteria, { seed: `seed-${i}`, slotId: 'slot-42' }).join()),
    );
    const bySlot = new Set(
      Array.from({ length: 20 }, (_, i) => rankByCriteria(applicants, criteria, { seed: 'seed', slotId: `slot-${i}` }).join()),
    );
    expect(bySeed.size).toBe(20);
    expect(bySlot.size).toBe(20);
  });

  it('never reorders the others when one more student applies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.string(), (n, seed) => {
        const applicants = equals(n);
        const before = rankByCriteria(applicants.slice(1), criteria, { seed, slotId: 'x' });
        const after = rankByCriteria(applicants, criteria, { seed, slotId: 'x' });
        expect(after.filter((id) => id !== applicants[0].studentId)).toEqual(before);
      }),
    );
  });

  it('refuses a student who applied twice', () => {
    expect(() => rankByCriteria([applicant('a'), applicant('a')], criteria, lottery)).toThrow('Student a applied twice to slot slot-42');
  });

  it('keeps its lottery fixed: these tickets are part of ALGORITHM_VERSION', () => {
    expect(lotteryTicket('round-2027-spring', 'slot-a', 'student-1')).toBe(4107614215);
    expect(lotteryTicket('', '', '')).toBe(507824144);
    // The length prefixes keep ("ab", "c") and ("a", "bc") apart.
    expect(lotteryTicket('ab', 'c', 'x')).not.toBe(lotteryTicket('a', 'bc', 'x'));
    // mulberry32 as published: seed 0 starts 0.26642920868471265 × 2^32.
    expect(mulberry32(0)()).toBe(1144304738);
  });
});
