import { statement } from '@skillbridge/db';
import type { PlacementStatus } from '@skillbridge/domain';
import type { PlacementParties } from '../policies/placements.policy';

/** Placements' hand-written SQL: each statement named, its parameters and row typed. */

export type LockedPlacement = PlacementParties & {
  status: PlacementStatus;
  kind: 'student' | 'teacher';
  start_date: string;
  end_date: string;
};

/** The placement, locked for a move, with what the policy decides on (its parties, their kind and ownership). */
export const LOCK_PLACEMENT = statement<[id: string], LockedPlacement>(
  'placements.lock',
  `SELECT p.status, p.kind, p.person_id, p.enterprise_id, e.kind AS enterprise_kind, e.ownership AS enterprise_ownership,
          p.school_id, sc.kind AS school_kind, sc.ownership AS school_ownership, p.start_date::text, p.end_date::text
     FROM placements p JOIN organisations e ON e.id = p.enterprise_id JOIN organisations sc ON sc.id = p.school_id
    WHERE p.id = $1
      FOR UPDATE OF p`,
);

/** What activation depends on: the school's approval and a guardian's consent (on the application), the student's birth date. */
export const ACTIVATION_FACTS = statement<[id: string], { approved: boolean; consent: boolean; dob: string | null }>(
  'placements.activation-facts',
  `SELECT a.school_approved_at IS NOT NULL AS approved, a.guardian_consent_at IS NOT NULL AS consent, st.date_of_birth::text AS dob
     FROM placements p LEFT JOIN applications a ON a.id = p.application_id LEFT JOIN students st ON st.user_id = p.person_id
    WHERE p.id = $1`,
);

export const ACTIVATE_PLACEMENT = statement<[id: string, status: PlacementStatus, insurancePolicyNo: string | null], never>(
  'placements.activate',
  `UPDATE placements SET status = $2, insurance_policy_no = $3, activated_at = now(), updated_at = now() WHERE id = $1`,
);

export const COMPLETE_PLACEMENT = statement<[id: string, status: PlacementStatus, evaluation: string, daysServed: number | null], never>(
  'placements.complete',
  `UPDATE placements SET status = $2, evaluation = $3, days_served = $4, completed_at = now(), updated_at = now() WHERE id = $1`,
);

/** The host and the years a placement spans: whose hosted count to refresh. */
export const PLACEMENT_SPAN = statement<[id: string], { enterprise_id: string; start_date: string; end_date: string }>(
  'placements.span',
  `SELECT enterprise_id, start_date::text, end_date::text FROM placements WHERE id = $1`,
);
