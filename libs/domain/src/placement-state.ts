import { ageOn, IsoDate } from './dates';
import { DomainError } from './errors';

export type PlacementStatus = 'pending' | 'active' | 'completed' | 'terminated';
export type PlacementMove = 'activate' | 'complete' | 'terminate';

const MOVES: Record<PlacementMove, { from: PlacementStatus[]; to: PlacementStatus }> = {
  activate: { from: ['pending'], to: 'active' },
  complete: { from: ['active'], to: 'completed' },
  terminate: { from: ['pending', 'active'], to: 'terminated' },
};

export const placementMovableFrom = (move: PlacementMove): PlacementStatus[] => MOVES[move].from;

export function nextPlacementStatus(current: PlacementStatus, move: PlacementMove): PlacementStatus {
  const { from, to } = MOVES[move];
  if (!from.includes(current)) {
    throw new DomainError('INVALID_TRANSITION', 'conflict', `A placement that is ${current} cannot be moved by ${move}`, { from: current, move });
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
  if (!facts.schoolApproved) throw new DomainError('SCHOOL_APPROVAL_REQUIRED', 'unprocessable', 'The school has not approved this placement');
  if (!facts.insurancePolicyNo?.trim()) throw new DomainError('INSURANCE_REQUIRED', 'unprocessable', 'An internship liability insurance policy number is required');
  if (facts.dateOfBirth && ageOn(facts.dateOfBirth, facts.startDate) < 18 && !facts.guardianConsent) {
    throw new DomainError('GUARDIAN_CONSENT_REQUIRED', 'unprocessable', 'The student is under 18: the school must record a guardian’s consent first');
  }
}
