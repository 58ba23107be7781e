import fc from 'fast-check';
import fs from 'fs';
import path from 'path';
import { ALGORITHM_VERSION, deferredAcceptance } from './deferred-acceptance';
import { formatAssignment, parseHrInstance } from './hr-format';
import { HrInstance, HrLists, hrInstanceFromLists } from './hr-instance';
import { blockingPairs, checkMatching } from './stability';
import {
  SHARED_MATCH,
  allReports,
  allStableMatchings,
  arbitraryLists,
  naiveBlockingPairs,
  studentOptimal,
  studentRank,
} from './matching.test-util';

const solve = (lists: HrLists): number[] => Array.from(deferredAcceptance(hrInstanceFromLists(lists)).assignment);
const shared = (name: string): string => fs.readFileSync(path.join(SHARED_MATCH, name), 'utf8');
const codeOf = (work: () => unknown): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('deferred acceptance: the shared test vectors (shared/match)', () => {
  it.each([
    ['tiny-textbook', 3],
    ['small-1k', 518],
  ])('%s gives exactly the expected assignment file', (name, matched) => {
    const sut = deferredAcceptance(parseHrInstance(shared(`${name}.txt`)));
    expect(formatAssignment(sut.assignment)).toBe(shared(`${name}.expected.txt`));
    expect(sut.matched).toBe(matched);
  });
});

describe('deferred acceptance: small cases checked by hand', () => {
  it('the textbook case: the slot of capacity 1 takes the student it ranks first, who bumps another down their list', () => {
    // Students 0–2 want slot 0 then slot 1; student 3 wants 1 then 0. Slot 0 (1 seat) ranks 2, 0, 1;
    // slot 1 (2 seats) ranks 0, 1, 3, 2. Student 2 takes slot 0 from student 0, who goes to slot 1
    // beside student 1; student 3 is ranked below both there, and slot 0 does not rank them.
    const lists = {
      choices: [
        [0, 1],
        [0, 1],
        [0, 1],
        [1, 0],
      ],
      slots: [
        { capacity: 1, ranking: [2, 0, 1] },
        { capacity: 2, ranking: [0, 1, 3, 2] },
      ],
    };
    const sut = deferredAcceptance(hrInstanceFromLists(lists));
    expect(Array.from(sut.assignment)).toEqual([1, 1, 0, -1]);
    expect(sut.matched).toBe(3);
    expect(Array.from(sut.filled)).toEqual([1, 2]);
  });

  it('is student-optimal: when students and slots disagree, the students get their first choices', () => {
    // Each slot ranks first the student who ranks it second: two stable matchings exist, and the
    // students' one is chosen.
    const lists = {
      choices: [
        [0, 1],
        [1, 0],
      ],
      slots: [
        { capacity: 1, ranking: [1, 0] },
        { capacity: 1, ranking: [0, 1] },
      ],
    };
    expect(solve(lists)).toEqual([0, 1]);
    expect(allStableMatchings(lists)).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 0],
      ]),
    );
  });

  it('follows a chain of bumps down several lists', () => {
    // Everyone ranks 0, 1, 2; every slot has one seat and ranks 2, 1, 0: student 2 ends at slot 0,
    // student 1 at slot 1, student 0 at slot 2, after 0 and 1 are each bumped.
    const slot = { capacity: 1, ranking: [2, 1, 0] };
    const sut = deferredAcceptance(
      hrInstanceFromLists({
        choices: [
          [0, 1, 2],
          [0, 1, 2],
          [0, 1, 2],
        ],
        slots: [slot, slot, slot],
      }),
    );
    expect(Array.from(sut.assignment)).toEqual([2, 1, 0]);
    expect(sut.proposals).toBe(6);
  });

  it('leaves unmatched whoever no slot will take: unranked students, empty lists, slots of capacity 0', () => {
    const lists = {
      choices: [[0], [], [1, 0], [2]],
      slots: [
        { capacity: 5, ranking: [0] },
        { capacity: 1, ranking: [2] },
        { capacity: 0, ranking: [3] },
      ],
    };
    expect(solve(lists)).toEqual([0, -1, 1, -1]);
  });

  it('copes with a round of no students or no slots', () => {
    expect(solve({ choices: [], slots: [] })).toEqual([]);
    expect(solve({ choices: [[], []], slots: [] })).toEqual([-1, -1]);
    expect(solve({ choices: [], slots: [{ capacity: 3, ranking: [] }] })).toEqual([]);
  });

  it('accepts lists of any length and capacities far above the applicants', () => {
    const N = 40;
    const lists = {
      choices: [Array.from({ length: N }, (_, c) => N - 1 - c), [0]],
      slots: Array.from({ length: N }, (_, c) => ({ capacity: c === 0 ? 1_000_000 : 1, ranking: c === 0 ? [1, 0] : [1] })),
    };
    expect(solve(lists)).toEqual([0, 0]);
  });

  it('handles ranks past 16 bits (cutoffs) and past packing (rank and slot in one int)', () => {
    // One slot of 2 seats ranking 70 000 students, best last: the cutoff cannot hold the ranks.
    const students = 70_000;
    const reverse = Array.from({ length: students }, (_, i) => students - 1 - i);
    const deep = { choices: reverse.map(() => [0]), slots: [{ capacity: 2, ranking: reverse }] };
    const sut = deferredAcceptance(hrInstanceFromLists(deep));
    expect(sut.matched).toBe(2);
    expect([sut.assignment[students - 1], sut.assignment[students - 2], sut.assignment[0]]).toEqual([0, 0, -1]);
    // 2^16 slots need 16 bits and ranks up to 40 000 another 16: lists fall back to two ints an entry.
    const wide = {
      choices: Array.from({ length: 40_000 }, (_, s) => [s % 2 === 0 ? 0 : 65_535, 1 + (s % 65_534)]),
      slots: Array.from({ length: 65_536 }, (_, c) => ({
        capacity: c === 0 ? 3 : 1,
        ranking: c === 0 || c === 65_535 ? reverse.slice(30_000) : [c - 1, c - 1 + 65_534].filter((s) => s < 40_000),
      })),
    };
    const instance = hrInstanceFromLists(wide);
    const result = deferredAcceptance(instance);
    expect(checkMatching(instance, result.assignment)).toEqual([]);
    expect(blockingPairs(instance, result.assignment)).toEqual([]);
    // Slot 0 (3 seats) takes the three best even students, slot 65 535 the best odd one; everyone
    // else goes to their second choice, slot 1 + s, which ranks only them.
    expect(Array.from(result.assignment.slice(39_994))).toEqual([0, 39_996, 0, 39_998, 0, 65_535]);
    expect(result.matched).toBe(40_000);
  });

  it('refuses an instance that is not one, naming the problem', () => {
    const base = { choices: [[0]], slots: [{ capacity: 1, ranking: [0] }] };
    expect(codeOf(() => hrInstanceFromLists({ ...base, choices: [[1]] }))).toBe('INVALID_HR_INSTANCE');
    expect(codeOf(() => hrInstanceFromLists({ ...base, choices: [[0, 0]] }))).toBe('INVALID_HR_INSTANCE');
    expect(codeOf(() => hrInstanceFromLists({ ...base, slots: [{ capacity: 1, ranking: [0, 0] }] }))).toBe('INVALID_HR_INSTANCE');
    expect(codeOf(() => hrInstanceFromLists({ ...base, slots: [{ capacity: -1, ranking: [0] }] }))).toBe('INVALID_HR_INSTANCE');
    expect(codeOf(() => hrInstanceFromLists({ ...base, slots: [{ capacity: 1.5, ranking: [0] }] }))).toBe('INVALID_HR_INSTANCE');
    // The engine checks raw arrays too, so it never reads outside them.
    const raw = (patch: Partial<HrInstance>): HrInstance => ({ ...hrInstanceFromLists(base), ...patch });
    expect(() => deferredAcceptance(raw({ choiceSlot: Int32Array.of(7) }))).toThrow(/student 0 ranks slot 7, out of range/);
    expect(() => deferredAcceptance(raw({ rankedStudent: Int32Array.of(-3) }))).toThrow(/slot 0 ranks student -3, out of range/);
    expect(() => deferredAcceptance(raw({ capacity: Int32Array.of(-1) }))).toThrow(/negative capacity/);
    expect(() => deferredAcceptance(raw({ rankStart: Int32Array.of(0, 2), rankedStudent: Int32Array.of(0, 0) }))).toThrow(
      /ranks student 0 twice/,
    );
    expect(() => deferredAcceptance(raw({ choiceStart: Int32Array.of(0, 5) }))).toThrow(/offsets/);
  });

  it('stamps its version for the round record', () => {
    expect(ALGORITHM_VERSION).toMatch(/^skillbridge-hr-da\/\d+/);
  });
});

describe('deferred acceptance: properties on random small instances', () => {
  it('gives a matching (capacities, mutual acceptability) with no blocking pair', () => {
    fc.assert(
      fc.property(arbitraryLists({ students: 12, slots: 5, capacity: 4 }), (lists) => {
        const instance = hrInstanceFromLists(lists);
        const sut = deferredAcceptance(instance);
        expect(checkMatching(instance, sut.assignment)).toEqual([]);
        expect(blockingPairs(instance, sut.assignment)).toEqual([]);
        expect(naiveBlockingPairs(lists, sut.assignment)).toEqual([]);
        expect(sut.matched).toBe(sut.assignment.filter((c) => c >= 0).length);
        lists.slots.forEach((slot, c) => expect(sut.filled[c]).toBe(sut.assignment.filter((x) => x === c).length));
      }),
      { numRuns: 300 },
    );
  });

  it('equals the student-optimal stable matching found by enumerating every matching', () => {
    fc.assert(
      fc.property(arbitraryLists({ students: 6, slots: 3, capacity: 2 }), (lists) => {
        const stable = allStableMatchings(lists);
        const best = studentOptimal(lists, stable);
        expect(best).not.toBeNull();
        expect(solve(lists)).toEqual(best);
        // Rural hospitals: every stable matching matches the same students.
        const matchedSet = (m: number[]) => m.map((c) => c >= 0);
        for (const m of stable) expect(matchedSet(m)).toEqual(matchedSet(best!));
      }),
      { numRuns: 300 },
    );
  });

  it('is strategy-proof: no student gets a better slot by reordering, truncating or padding their list', () => {
    fc.assert(
      fc.property(arbitraryLists({ students: 5, slots: 3, capacity: 2 }), (lists) => {
        const truthful = solve(lists);
        const reports = allReports(lists.slots.length);
        lists.choices.forEach((_, s) => {
          const honest = studentRank(lists, s, truthful[s]);
          for (const report of reports) {
            const lied = solve({ ...lists, choices: lists.choices.map((list, t) => (t === s ? report : list)) });
            // Judged by the student's true list: an unlisted slot is worse than none.
            expect(studentRank(lists, s, lied[s])).toBeGreaterThanOrEqual(honest);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('depends on the instance, not on how students and slots are numbered', () => {
    const relabelled = arbitraryLists({ students: 10, slots: 5, capacity: 3 }).chain((lists) =>
      fc.record({
        lists: fc.constant(lists),
        students: fc.shuffledSubarray([...lists.choices.keys()], { minLength: lists.choices.length }),
        slots: fc.shuffledSubarray([...lists.slots.keys()], { minLength: lists.slots.length }),
      }),
    );
    fc.assert(
      fc.property(relabelled, ({ lists, students, slots }) => {
        // Student s becomes students[s], slot c becomes slots[c].
        const choices: number[][] = [];
        lists.choices.forEach((list, s) => (choices[students[s]] = list.map((c) => slots[c])));
        const renamed: HrLists['slots'][number][] = [];
        lists.slots.forEach((slot, c) => (renamed[slots[c]] = { capacity: slot.capacity, ranking: slot.ranking.map((s) => students[s]) }));
        const original = solve(lists);
        const sut = solve({ choices, slots: renamed });
        original.forEach((c, s) => expect(sut[students[s]]).toBe(c < 0 ? -1 : slots[c]));
      }),
    );
  });

  it('is deterministic: the same instance gives the same assignment, run after run', () => {
    fc.assert(
      fc.property(arbitraryLists({ students: 30, slots: 8, capacity: 4 }), (lists) => {
        const instance = hrInstanceFromLists(lists);
        expect(deferredAcceptance(instance)).toEqual(deferredAcceptance(instance));
      }),
    );
  });
});
