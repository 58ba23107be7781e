import { statement } from '@skillbridge/db';

/** Quota monitoring's hand-written SQL (§13); the table and the figures go through the query builder (their remit varies). */

/**
 * Whether a summary read in snapshot $1 still holds: no row of year $3 written, and none deleted, by a
 * transaction that snapshot did not see ($2 is its xmin: older transactions are all visible to it).
 * Answers the current snapshot too, for the summary to hold for from now on.
 */
export const SUMMARY_UNCHANGED = statement<[snapshot: string, xmin: string, year: number], { snapshot: string; changed: boolean }>(
  'quotas.summary-unchanged',
  `SELECT pg_current_snapshot()::text AS snapshot,
          EXISTS (SELECT 1 FROM quota_years WHERE changed_xid >= $2 AND year = $3 AND NOT pg_visible_in_snapshot(changed_xid::text::xid8, $1::pg_snapshot))
          OR EXISTS (SELECT 1 FROM quota_year_removals WHERE xid >= $2 AND NOT pg_visible_in_snapshot(xid::text::xid8, $1::pg_snapshot)) AS changed`,
);
