import type { MatchRoundStatus } from '@skillbridge/contracts';
import { DomainError, numericRefusal } from './errors';

/**
 * 撮合轮次 — a match round's life (domain §3): the owner drafts it over a set of slots, opens it for
 * students' rank-order lists, closes collecting (or the deadline does) so that enterprises rank their
 * applicants, runs deferred acceptance (again, as often as wanted: the result is a draft), and
 * publishes it as placements. Any state before publishing may be cancelled.
 */
// The list is declared once, in libs/contracts (MATCH_ROUND_STATUSES).
export type { MatchRoundStatus };
export const MATCH_ROUND_STATUSES: MatchRoundStatus[] = ['draft', 'collecting', 'ranking', 'ran', 'published', 'cancelled'];

export type MatchRoundMove = 'open' | 'close' | 'run' | 'publish' | 'cancel';

const MOVES: Record<MatchRoundMove, { from: MatchRoundStatus[]; to: MatchRoundStatus }> = {
  open: { from: ['draft'], to: 'collecting' },
  close: { from: ['collecting'], to: 'ranking' },
  // A run over the same inputs may be repeated (an audit, or after a seat changed): ran → ran.
  run: { from: ['ranking', 'ran'], to: 'ran' },
  publish: { from: ['ran'], to: 'published' },
  cancel: { from: ['draft', 'collecting', 'ranking', 'ran'], to: 'cancelled' },
};

/** The states a move may start from: the guard of the UPDATE that makes it. */
export const roundMovableFrom = (move: MatchRoundMove): MatchRoundStatus[] => MOVES[move].from;

/** Whether the move may be made from this state: the moves the owner is offered. */
export const canMoveRound = (status: MatchRoundStatus, move: MatchRoundMove): boolean => MOVES[move].from.includes(status);

/** Students' rank-order lists are taken while the round collects them (and before its deadline). */
export const roundAcceptsPreferences = (status: MatchRoundStatus): boolean => status === 'collecting';

/** Enterprises rank their slots' applicants after collecting has closed and before the round runs. */
export const roundAcceptsRankings = (status: MatchRoundStatus): boolean => status === 'ranking';

/** Once collecting has closed (and unless the round was cancelled) the students who listed each slot are settled. */
export const APPLICANTS_SETTLED_IN: MatchRoundStatus[] = ['ranking', 'ran', 'published'];

export function nextRoundStatus(current: MatchRoundStatus, move: MatchRoundMove): MatchRoundStatus {
  const { from, to } = MOVES[move];
  if (!from.includes(current)) {
    throw new DomainError('INVALID_TRANSITION', 'conflict', `A match round that is ${current} cannot be moved by ${move}`, {
      from: current,
      move,
    });
  }
  return to;
}

/** domain §3: a student ranks at most 10 slots. */
export const MAX_PREFERENCES = 10;

/**
 * Checks a student's rank-order list against the round: at least one slot, at most ten, each once,
 * each a slot of the round. Throws the first problem.
 */
export function checkPreferences(slotIds: readonly string[], roundSlots: ReadonlySet<string>): void {
  if (slotIds.length === 0) throw new DomainError('PREFERENCES_EMPTY', 'unprocessable', 'List at least one slot');
  if (slotIds.length > MAX_PREFERENCES) {
    throw numericRefusal('TOO_MANY_PREFERENCES', 'unprocessable', `A rank-order list names at most ${MAX_PREFERENCES} slots`, {
      max: MAX_PREFERENCES,
      given: slotIds.length,
    });
  }
  if (new Set(slotIds).size !== slotIds.length)
    throw new DomainError('DUPLICATE_PREFERENCE', 'unprocessable', 'Each slot may be listed once');
  const foreign = slotIds.find((id) => !roundSlots.has(id));
  if (foreign)
    throw new DomainError('SLOT_NOT_IN_ROUND', 'unprocessable', 'Only the slots of this round may be listed', { slotId: foreign });
}

/**
 * Checks an enterprise's ranking of a slot: each student once, and only students who listed the slot
 * (an enterprise cannot pull someone into its slot who did not ask for it). Students listed but left
 * out of the ranking are unacceptable to the slot.
 */
export function checkRanking(studentIds: readonly string[], applicants: ReadonlySet<string>): void {
  if (new Set(studentIds).size !== studentIds.length)
    throw new DomainError('DUPLICATE_RANKING', 'unprocessable', 'Each student may be ranked once');
  const stranger = studentIds.find((id) => !applicants.has(id));
  if (stranger) {
    throw new DomainError('NOT_AN_APPLICANT', 'unprocessable', 'Only students who listed this slot may be ranked', { studentId: stranger });
  }
}

/** The figures of a run, for the owner's result page and the audit. */
export interface MatchFigures {
  students: number;
  slots: number;
  seats: number;
  matched: number;
  firstChoice: number;
  unmatched: number;
  /** byChoice[k] = students placed at the (k + 1)-th slot of their list. */
  byChoice: number[];
}

/**
 * The figures of an assignment: `choiceOf[s]` is the 1-based place of student s's slot on their own
 * list, 0 when unmatched.
 */
export function matchFigures(choiceOf: ArrayLike<number>, capacity: ArrayLike<number>): MatchFigures {
  const byChoice: number[] = [];
  let matched = 0;
  for (let s = 0; s < choiceOf.length; s++) {
    const k = choiceOf[s];
    if (k <= 0) continue;
    matched++;
    while (byChoice.length < k) byChoice.push(0);
    byChoice[k - 1]++;
  }
  let seats = 0;
  for (let c = 0; c < capacity.length; c++) seats += capacity[c];
  return {
    students: choiceOf.length,
    slots: capacity.length,
    seats,
    matched,
    firstChoice: byChoice[0] ?? 0,
    unmatched: choiceOf.length - matched,
    byChoice,
  };
}
