import type { PlacementStatus } from '@skillbridge/contracts';
import { ageOn, IsoDate } from './dates';
import { DomainError } from './errors';

// The list is declared once, in libs/contracts (PLACEMENT_STATUSES).
export type { PlacementStatus };
export type PlacementMove = 'activate' | 'complete' | 'terminate';

const MOVES: Record<PlacementMove, { from: PlacementStatus[]; to: PlacementStatus }> = {
  activate: { from: ['pending'], to: 'active' },
  complete: { from: ['active'], to: 'completed' },
  terminate: { from: ['pending', 'active'], to: 'terminated' },
};

export const placementMovableFrom = (move: PlacementMove): PlacementStatus[] => MOVES[move].from;

/** Whether the move may be made from this state: the moves the enterprise is offered. */
export const canMovePlacement = (status: PlacementStatus, move: PlacementMove): boolean => MOVES[move].from.includes(status);

export function nextPlacementStatus(current: PlacementStatus, move: PlacementMove): PlacementStatus {
  const { from, to } = MOVES[move];
  if (!from.includes(current)) {
    throw new DomainError('INVALID_TRANSITION', 'conflict', `A placement that is ${current} cannot be moved by ${move}`, {
      from: current,
      move,
    });
  }
  return to;
}

export interface ActivationFacts {
  kind: 'student' | 'teacher';
  schoolApproved: boolean;
  insurancePolicyNo: string | null;
  guardianConsent: boolean;
  dateOfBirth: IsoDate | null;
  startDate: IsoDate;
}

/**
 * Reg.: a student's placement starts only under the tripartite agreement (the school's approval),
 * with liability insurance, and with a guardian's consent when the student is under 18.
 */
export function checkActivation(facts: ActivationFacts): void {
  if (facts.kind === 'teacher') return;
  if (!facts.schoolApproved)
    throw new DomainError('SCHOOL_APPROVAL_REQUIRED', 'unprocessable', 'The school has not approved this placement');
  if (!facts.insurancePolicyNo?.trim())
    throw new DomainError('INSURANCE_REQUIRED', 'unprocessable', 'An internship liability insurance policy number is required');
  if (facts.dateOfBirth && ageOn(facts.dateOfBirth, facts.startDate) < 18 && !facts.guardianConsent) {
    throw new DomainError(
      'GUARDIAN_CONSENT_REQUIRED',
      'unprocessable',
      'The student is under 18: the school must record a guardian’s consent first',
    );
  }
}

/**
 * A placement starts no earlier than its start date (as a teacher's booking: BOOKING_NOT_STARTED):
 * days before it are never served, and officers' hosted counts must not run ahead of the calendar.
 */
export function checkActivationDate(startDate: IsoDate, today: IsoDate): void {
  if (today < startDate) {
    throw new DomainError(
      'PLACEMENT_NOT_STARTED',
      'unprocessable',
      `The placement starts on ${startDate}: it can be started from that day`,
      { startDate, today },
    );
  }
}

/** A placement is completed on or after its end date (ending early is another move, not this one). */
export function checkCompletionDate(endDate: IsoDate, today: IsoDate): void {
  if (today < endDate) {
    throw new DomainError('PLACEMENT_NOT_ENDED', 'unprocessable', `The placement ends on ${endDate}: it can be completed from that day`, {
      endDate,
      today,
    });
  }
}

export interface ServedPlacement {
  status: PlacementStatus;
  startDate: IsoDate;
  endDate: IsoDate;
  /** The local day it was activated, null when never. */
  activatedOn: IsoDate | null;
  /** A student's placement counts only once every party signed its agreement (issue 18; teachers' bookings have none). */
  agreementSigned: boolean;
}

/** The first day served: the start date, or the day of activation when that was later (never before the start). */
export const servedFrom = (p: Pick<ServedPlacement, 'startDate' | 'activatedOn'>): IsoDate =>
  p.activatedOn && p.activatedOn > p.startDate ? p.activatedOn : p.startDate;

/** The day a served placement first counts for `year` — when a stored count must move by the date alone. */
export const countsForYearFrom = (p: Pick<ServedPlacement, 'startDate' | 'activatedOn'>, year: number): IsoDate => {
  const from = servedFrom(p);
  return from < `${year}-01-01` ? `${year}-01-01` : from;
};

/**
 * domain.md §3 "Hosted in year Y": the placement has actually served at least one day in Y — a day
 * from its first day served to its end, inside Y, and already lived on `today`. Pending and
 * terminated placements serve none, nor does one whose agreement is not signed by every party. (libs/quotas refreshQuotas counts the same in SQL.)
 */
export function servesInYear(p: ServedPlacement, year: number, today: IsoDate): boolean {
  if (p.status !== 'active' && p.status !== 'completed') return false;
  if (!p.agreementSigned) return false;
  const from = countsForYearFrom(p, year);
  return from <= `${year}-12-31` && from <= today && from <= p.endDate;
}
