import type { ApplicationStatus } from '@skillbridge/contracts';
import { DomainError } from './errors';

/** A student's bid for a slot (shared/domain.md §3); the list is declared once, in libs/contracts (APPLICATION_STATUSES). */
export type { ApplicationStatus };

export type ApplicationMove = 'shortlist' | 'offer' | 'reject' | 'accept' | 'decline' | 'withdraw' | 'expire';

/** Who makes each move. */
export const MOVER: Record<ApplicationMove, 'enterprise' | 'student' | 'system'> = {
  shortlist: 'enterprise',
  offer: 'enterprise',
  reject: 'enterprise',
  accept: 'student',
  decline: 'student',
  withdraw: 'student',
  expire: 'system',
};

const MOVES: Record<ApplicationMove, { from: ApplicationStatus[]; to: ApplicationStatus }> = {
  shortlist: { from: ['submitted'], to: 'shortlisted' },
  offer: { from: ['submitted', 'shortlisted'], to: 'offered' },
  reject: { from: ['submitted', 'shortlisted', 'offered'], to: 'rejected' },
  accept: { from: ['offered'], to: 'accepted' },
  decline: { from: ['offered'], to: 'declined' },
  withdraw: { from: ['submitted', 'shortlisted', 'offered'], to: 'withdrawn' },
  expire: { from: ['offered'], to: 'expired' },
};

/** Live applications hold the student's interest in the slot; the others are finished. */
export const LIVE_STATUSES: ApplicationStatus[] = ['submitted', 'shortlisted', 'offered'];

/** The states a move may start from: the guard of the UPDATE that makes it. */
export const movableFrom = (move: ApplicationMove): ApplicationStatus[] => MOVES[move].from;

/** The state a move leads to. */
export const moveTarget = (move: ApplicationMove): ApplicationStatus => MOVES[move].to;

export function nextStatus(current: ApplicationStatus, move: ApplicationMove): ApplicationStatus {
  const { from, to } = MOVES[move];
  if (!from.includes(current)) {
    throw new DomainError('INVALID_TRANSITION', 'conflict', `An application that is ${current} cannot be moved by ${move}`, {
      from: current,
      move,
    });
  }
  return to;
}

/** The school approves while the application is live; approval is a fact, not a state. */
export const approvableIn: ApplicationStatus[] = LIVE_STATUSES;

/**
 * An application in these states holds the student's place for its slot: at most one per student and
 * slot (the applications_one_live_per_slot index). A guardian's consent may still be recorded on it.
 */
export const HOLDING_STATUSES: ApplicationStatus[] = [...LIVE_STATUSES, 'accepted'];

/** Whether the move may be made from this state: the moves a side is offered. */
export const canMoveApplication = (status: ApplicationStatus, move: ApplicationMove): boolean => MOVES[move].from.includes(status);
