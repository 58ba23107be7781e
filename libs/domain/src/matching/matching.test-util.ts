// Helpers for the matching specs: random small instances, and definitions written the slow, obvious
// way (list scans, enumeration) to check the fast code against.
import fc from 'fast-check';
import path from 'path';
import { HrLists } from './hr-instance';

/** The customer's test vectors (copies of shared/match, kept with the code: vectors/README.md). */
export const SHARED_MATCH = path.join(__dirname, 'vectors');
/** Where the customer keeps them, beside the repository (absent from a clone made elsewhere). */
export const CUSTOMER_MATCH = path.resolve(__dirname, '../../../../../shared/match');

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Random instances: every student ranks a shuffled subset of the slots, every slot a shuffled subset of the students. */
export const arbitraryLists = ({ students = 6, slots = 3, capacity = 3 } = {}): fc.Arbitrary<HrLists> =>
  fc.tuple(fc.integer({ min: 0, max: students }), fc.integer({ min: 1, max: slots })).chain(([S, N]) =>
    fc.record({
      choices: fc.array(fc.shuffledSubarray(range(N)), { minLength: S, maxLength: S }),
      slots: fc.array(fc.record({ capacity: fc.integer({ min: 0, max: capacity }), ranking: fc.shuffledSubarray(range(S)) }), {
        minLength: N,
        maxLength: N,
      }),
    }),
  );

/** Where slot c ranks student s (lower is better), or Infinity when s is unacceptable to it. */
export const slotRank = (lists: HrLists, c: number, s: number): number => {
  const at = lists.slots[c].ranking.indexOf(s);
  return at < 0 ? Infinity : at;
};

/** How student s values slot c (-1: unmatched) by their list: lower is better; unmatched is their list's length; an unlisted slot is worse. */
export const studentRank = (lists: HrLists, s: number, c: number): number => {
  if (c === -1) return lists.choices[s].length;
  const at = lists.choices[s].indexOf(c);
  return at < 0 ? Infinity : at;
};

/** Blocking pairs by the definition, one pair at a time. */
export function naiveBlockingPairs(lists: HrLists, assignment: ArrayLike<number>): Array<{ student: number; slot: number }> {
  const pairs: Array<{ student: number; slot: number }> = [];
  lists.choices.forEach((choices, s) => {
    for (const c of choices) {
      if (slotRank(lists, c, s) === Infinity) continue;
      if (studentRank(lists, s, c) >= studentRank(lists, s, assignment[s])) continue;
      const holders = range(lists.choices.length).filter((t) => assignment[t] === c);
      const worst = Math.max(-1, ...holders.map((t) => slotRank(lists, c, t)));
      if (holders.length < lists.slots[c].capacity || slotRank(lists, c, s) < worst) pairs.push({ student: s, slot: c });
    }
  });
  return pairs;
}

/** Every stable matching of a tiny instance, by enumerating all assignments of students to acceptable slots. */
export function allStableMatchings(lists: HrLists): number[][] {
  const S = lists.choices.length;
  const options = lists.choices.map((choices, s) => [-1, ...choices.filter((c) => slotRank(lists, c, s) !== Infinity)]);
  const stable: number[][] = [];
  const current = new Array<number>(S).fill(-1);
  const load = new Array<number>(lists.slots.length).fill(0);
  const visit = (s: number): void => {
    if (s === S) {
      if (naiveBlockingPairs(lists, current).length === 0) stable.push([...current]);
      return;
    }
    for (const c of options[s]) {
      if (c >= 0 && load[c] >= lists.slots[c].capacity) continue;
      current[s] = c;
      if (c >= 0) load[c]++;
      visit(s + 1);
      if (c >= 0) load[c]--;
    }
    current[s] = -1;
  };
  visit(0);
  return stable;
}

/** The stable matching every student weakly prefers to every other stable matching, or null if there is none. */
export function studentOptimal(lists: HrLists, stable: number[][]): number[] | null {
  return (
    stable.find((m) => stable.every((other) => m.every((c, s) => studentRank(lists, s, c) <= studentRank(lists, s, other[s])))) ?? null
  );
}

/** Every list a student could report over N slots: each ordered selection of distinct slots, the empty one included. */
export function allReports(N: number): number[][] {
  const reports: number[][] = [[]];
  const extend = (prefix: number[]): void => {
    for (let c = 0; c < N; c++) {
      if (prefix.includes(c)) continue;
      const next = [...prefix, c];
      reports.push(next);
      extend(next);
    }
  };
  extend([]);
  return reports;
}
