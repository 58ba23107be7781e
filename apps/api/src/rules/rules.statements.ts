import { statement } from '@skillbridge/db';
import type { RuleDifference } from '@skillbridge/contracts';

/** The rules' hand-written SQL: each statement named, its parameters and row typed. */

export interface RuleChangeRow {
  id: number;
  year: number;
  changed_at: Date;
  changes: RuleDifference[];
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
}

/** The saves of a year's rules, newest first, with who saved them (null when the account is gone). */
export const RULE_HISTORY = statement<[year: number, limit: number], RuleChangeRow>(
  'rules.history',
  `SELECT c.id::int AS id, c.year, c.changed_at, c.changes, u.id AS user_id, u.name AS user_name, u.email AS user_email
     FROM rule_changes c LEFT JOIN users u ON u.id = c.changed_by
    WHERE c.year = $1
    ORDER BY c.id DESC
    LIMIT $2`,
);

/**
 * Two saves of one year's rules wait for each other (also before the year has a row to lock), so that
 * each history row's "before" is what the save really replaced.
 */
export const LOCK_YEAR_RULES = statement<[year: number], { locked: string }>(
  'rules.lock-year',
  `SELECT pg_advisory_xact_lock(hashtext('year_rules'), $1)::text AS locked`,
);
