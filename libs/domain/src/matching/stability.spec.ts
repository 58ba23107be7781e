import fc from 'fast-check';
import { HrLists, hrInstanceFromLists } from './hr-instance';
import { blockingPairs, checkMatching } from './stability';
import { arbitraryLists, naiveBlockingPairs, slotRank } from './matching.test-util';

// Students 0–2 want slot 0 then 1; slot 0 (1 seat) ranks 2, 0, 1; slot 1 (2 seats) ranks 0, 1, 2.
const lists: HrLists = {
  choices: [
    [0, 1],
    [0, 1],
    [0, 1],
  ],
  slots: [
    { capacity: 1, ranking: [2, 0, 1] },
    { capacity: 2, ranking: [0, 1, 2] },
  ],
};
const instance = hrInstanceFromLists(lists);
const assign = (...slots: number[]): Int32Array => Int32Array.from(slots);

describe('blockingPairs', () => {
  it('is empty for a stable matching', () => {
    expect(blockingPairs(instance, assign(1, 1, 0))).toEqual([]);
  });

  it('names the student and slot who would rather have each other', () => {
    // Slot 0 holds student 0 but ranks student 2 higher, and student 2 would rather be there.
    expect(blockingPairs(instance, assign(0, 1, 1))).toEqual([{ student: 2, slot: 0 }]);
  });

  it('counts a free seat: an unmatched student and a slot with room that rank each other block', () => {
    expect(blockingPairs(instance, assign(1, -1, 0))).toEqual([{ student: 1, slot: 1 }]);
  });

  it('stops at the limit', () => {
    expect(blockingPairs(instance, assign(-1, -1, -1), 2)).toHaveLength(2);
    expect(blockingPairs(instance, assign(-1, -1, -1))).toHaveLength(6);
  });

  it('agrees with the definition on random matchings', () => {
    // A random matching: each student in turn takes a random acceptable slot with room, or none.
    const arbitrary = arbitraryLists({ students: 8, slots: 4, capacity: 3 }).chain((l) =>
      fc.record({ lists: fc.constant(l), picks: fc.array(fc.nat(), { minLength: l.choices.length, maxLength: l.choices.length }) }),
    );
    fc.assert(
      fc.property(arbitrary, ({ lists: l, picks }) => {
        const load = l.slots.map(() => 0);
        const assignment = Int32Array.from(l.choices, (choices, s) => {
          const open = [-1, ...choices.filter((c) => slotRank(l, c, s) !== Infinity && load[c] < l.slots[c].capacity)];
          const c = open[picks[s] % open.length];
          if (c >= 0) load[c]++;
          return c;
        });
        const sut = hrInstanceFromLists(l);
        expect(checkMatching(sut, assignment)).toEqual([]);
        expect(blockingPairs(sut, assignment)).toEqual(naiveBlockingPairs(l, assignment));
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkMatching', () => {
  it('accepts a matching that respects capacities and acceptability', () => {
    expect(checkMatching(instance, assign(1, 1, 0))).toEqual([]);
    expect(checkMatching(instance, assign(-1, -1, -1))).toEqual([]);
  });

  it('reports every way an assignment is not a matching', () => {
    const other = hrInstanceFromLists({
      choices: [[0], [1], [0]],
      slots: [
        { capacity: 1, ranking: [0, 2] },
        { capacity: 1, ranking: [0] },
      ],
    });
    expect(checkMatching(other, assign(0, 1, 0))).toEqual([
      { code: 'NOT_RANKED_BY_SLOT', student: 1, slot: 1 },
      { code: 'OVER_CAPACITY', slot: 0, assigned: 2, capacity: 1 },
    ]);
    expect(checkMatching(other, assign(1, -1, 5))).toEqual([
      { code: 'NOT_RANKED_BY_STUDENT', student: 0, slot: 1 },
      { code: 'SLOT_OUT_OF_RANGE', student: 2, slot: 5 },
    ]);
    expect(checkMatching(other, assign(0, 1))).toEqual([{ code: 'WRONG_LENGTH', students: 3, entries: 2 }]);
  });
});
