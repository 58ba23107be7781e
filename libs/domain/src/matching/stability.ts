import { HrInstance, choiceRanks } from './hr-instance';

/** A student and a slot who would both rather have each other than what the matching gave them. */
export interface BlockingPair {
  student: number;
  slot: number;
}

export type MatchingProblem =
  | { code: 'WRONG_LENGTH'; students: number; entries: number }
  | { code: 'SLOT_OUT_OF_RANGE'; student: number; slot: number }
  | { code: 'NOT_RANKED_BY_STUDENT'; student: number; slot: number }
  | { code: 'NOT_RANKED_BY_SLOT'; student: number; slot: number }
  | { code: 'OVER_CAPACITY'; slot: number; assigned: number; capacity: number };

/**
 * Whether an assignment is a matching of the instance at all: one entry per student, every matched
 * pair mutually acceptable (the student ranked the slot and the slot ranked the student), no slot
 * over capacity. Returns the problems found (at most `limit`), empty when there are none.
 */
export function checkMatching(instance: HrInstance, assignment: Int32Array, limit = 1000): MatchingProblem[] {
  const { students: S, slots: N, choiceStart, choiceSlot, capacity } = instance;
  if (assignment.length !== S) return [{ code: 'WRONG_LENGTH', students: S, entries: assignment.length }];
  const problems: MatchingProblem[] = [];
  const report = (problem: MatchingProblem): boolean => problems.push(problem) >= limit;
  const { rankOfChoice } = choiceRanks(instance);
  const assigned = new Int32Array(N);
  for (let s = 0; s < S; s++) {
    const c = assignment[s];
    if (c === -1) continue;
    if (!(c >= 0 && c < N)) {
      if (report({ code: 'SLOT_OUT_OF_RANGE', student: s, slot: c })) return problems;
      continue;
    }
    assigned[c]++;
    let k = choiceStart[s];
    const end = choiceStart[s + 1];
    while (k < end && choiceSlot[k] !== c) k++;
    if (k === end) {
      if (report({ code: 'NOT_RANKED_BY_STUDENT', student: s, slot: c })) return problems;
    } else if (rankOfChoice[k] < 0) {
      if (report({ code: 'NOT_RANKED_BY_SLOT', student: s, slot: c })) return problems;
    }
  }
  for (let c = 0; c < N; c++) {
    if (assigned[c] > capacity[c] && report({ code: 'OVER_CAPACITY', slot: c, assigned: assigned[c], capacity: capacity[c] })) break;
  }
  return problems;
}

/**
 * The blocking pairs of an assignment (at most `limit`), empty when it is stable: a student s and a
 * slot c that rank each other, where s prefers c to their own slot (or is unmatched) and c has a
 * free seat or holds someone it ranks below s. Linear in the size of the instance, so a whole
 * 10^6-student round can be audited. A student placed in a slot they did not rank counts as worse
 * off than unmatched, and a student a slot did not rank as the worst it could hold, so an
 * assignment that also fails checkMatching is still judged sensibly.
 */
export function blockingPairs(instance: HrInstance, assignment: Int32Array, limit = Infinity): BlockingPair[] {
  const { students: S, slots: N, choiceStart, choiceSlot, capacity } = instance;
  if (assignment.length !== S) throw new RangeError(`the assignment has ${assignment.length} entries for ${S} students`);
  const { rankOfChoice } = choiceRanks(instance);

  // Per slot: how many it holds, and the rank of the worst of them (S + 1 for one it did not rank).
  const held = new Int32Array(N);
  const worst = new Int32Array(N).fill(-1);
  /** Per student, the index in choiceSlot of their own slot, or the end of their list. */
  const own = new Int32Array(S);
  const unranked = instance.rankedStudent.length + 1;
  for (let s = 0; s < S; s++) {
    const c = assignment[s];
    let k = choiceStart[s];
    const end = choiceStart[s + 1];
    if (c >= 0 && c < N) {
      while (k < end && choiceSlot[k] !== c) k++;
      held[c]++;
      const r = k < end && rankOfChoice[k] >= 0 ? rankOfChoice[k] : unranked;
      if (r > worst[c]) worst[c] = r;
    } else {
      k = end;
    }
    own[s] = k;
  }

  const pairs: BlockingPair[] = [];
  for (let s = 0; s < S && pairs.length < limit; s++) {
    // The slots s ranks above their own (all of them when s is unmatched or misplaced).
    for (let k = choiceStart[s], to = own[s]; k < to; k++) {
      const r = rankOfChoice[k];
      if (r < 0) continue;
      const c = choiceSlot[k];
      if (held[c] < capacity[c] || r < worst[c]) {
        pairs.push({ student: s, slot: c });
        if (pairs.length >= limit) break;
      }
    }
  }
  return pairs;
}
