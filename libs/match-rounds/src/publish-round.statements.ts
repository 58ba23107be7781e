import { statement } from '@skillbridge/db';
import type { EventKind } from '@skillbridge/domain';

/**
 * Publishing a round's latest run: one set-based statement of its own (README "Match rounds"), and the
 * planner settings it runs under. The event kinds it writes are `PUBLISHED_EVENT_KINDS`, checked
 * against libs/domain's EventKind by publish-round.statements.spec.ts.
 */

/**
 * For the publish's transaction only (set_config's `true`: like SET LOCAL, which cannot be prepared):
 * - the planner cannot see how many rows unnest yields (it guesses 10) and would probe indexes row by
 *   row: at 10^5 assignments hash joins are several times faster;
 * - its cost estimate makes PostgreSQL JIT-compile it: 0.6 s of CPU for a statement that runs once;
 * - its sorts and hashes (10^5 rows each) fit in memory instead of spilling to disk.
 */
export const PUBLISH_SETTINGS = statement<[], never>(
  'match-rounds.publish-settings',
  `SELECT set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`,
);

export const MARK_PUBLISHED = statement<[roundId: string], never>(
  'match-rounds.mark-published',
  `UPDATE match_rounds SET status = 'published', published_at = now(), updated_at = now() WHERE id = $1`,
);

/** Nested loops back on for the rest of the publish's transaction. */
export const NESTLOOP_ON = statement<[], never>('match-rounds.nestloop-on', `SELECT set_config('enable_nestloop', 'on', true)`);

/** The kinds of the events a publish writes, in the order its statement writes them. */
export const PUBLISHED_EVENT_KINDS = ['round.matched', 'round.unmatched', 'round.published'] as const satisfies readonly EventKind[];

/**
 * Every assignment of the run becomes an accepted application and a pending placement, the seats are
 * taken, every participant (matched or not) and every enterprise of the round gets an event. Every
 * data-modifying part runs once to completion (PostgreSQL's rule for WITH), in the caller's transaction.
 * The enterprises' recipients are resolved as recordEvent resolves them (libs/notifications outbox.ts: the named
 * users, and the admins of the named organisations, two index lookups joined by UNION).
 */
export const PUBLISH_ROUND = statement<
  [runId: string | null, roundId: string, owningSchoolId: string | null, publisherId: string],
  { placements: number; slots: number; events: number }
>(
  'match-rounds.publish',
  `
WITH run AS MATERIALIZED (SELECT student_ids, slot_ids, assignment FROM match_runs WHERE id = $1),
lines AS MATERIALIZED (
  SELECT x.student_id, x.a FROM run, unnest(run.student_ids, run.assignment) AS x(student_id, a)
),
positions AS (SELECT y.slot_id, (y.c - 1)::int AS a FROM run, unnest(run.slot_ids) WITH ORDINALITY AS y(slot_id, c)),
-- In student order: the indexes led by the student (and the no-overlap one) are then filled in order.
pairs AS MATERIALIZED (
  SELECT l.student_id, p.slot_id FROM lines l JOIN positions p ON p.a = l.a WHERE l.a >= 0 ORDER BY l.student_id
),
seats AS (
  UPDATE slots SET taken = taken + f.n, updated_at = now()
    FROM (SELECT slot_id, count(*)::int AS n FROM pairs GROUP BY slot_id) f
   WHERE slots.id = f.slot_id
  RETURNING slots.id
),
apps AS (
  INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, decided_at, school_approved_at, school_approved_by)
  SELECT p.slot_id, p.student_id, st.school_id, s.enterprise_id, 'accepted', now(),
         CASE WHEN st.school_id = $3::uuid THEN now() END, CASE WHEN st.school_id = $3::uuid THEN $4::uuid END
    FROM pairs p JOIN students st ON st.user_id = p.student_id JOIN slots s ON s.id = p.slot_id
   ORDER BY p.student_id
  -- A live application of the student to the same slot becomes the accepted one.
  ON CONFLICT (slot_id, student_id) WHERE status IN ('submitted', 'shortlisted', 'offered', 'accepted')
  DO UPDATE SET status = 'accepted', decided_at = now(), updated_at = now()
  RETURNING id, slot_id, student_id, school_id, enterprise_id
),
placed AS (
  INSERT INTO placements (kind, application_id, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date)
  SELECT 'student', a.id, a.slot_id, a.enterprise_id, a.student_id, a.school_id, s.type, s.start_date, s.end_date
    FROM apps a JOIN slots s ON s.id = a.slot_id
   ORDER BY a.student_id
  RETURNING id
),
matched AS (
  INSERT INTO outbox_events (kind, subject_id, recipients, payload)
  SELECT 'round.matched', $2::uuid, ARRAY[a.student_id], jsonb_build_object('slotId', a.slot_id, 'applicationId', a.id)
    FROM apps a
  RETURNING id
),
unmatched AS (
  INSERT INTO outbox_events (kind, subject_id, recipients, payload)
  SELECT 'round.unmatched', $2::uuid, ARRAY[l.student_id], '{}'::jsonb FROM lines l WHERE l.a < 0
  RETURNING id
),
enterprises AS (
  INSERT INTO outbox_events (kind, subject_id, recipients, payload)
  SELECT 'round.published', $2::uuid,
         ARRAY(SELECT id FROM users WHERE id = ANY('{}'::uuid[])
               UNION
               SELECT id FROM users WHERE organisation_id = ANY(ARRAY[e.enterprise_id]) AND role IN ('enterprise_admin', 'school_admin')
               ORDER BY id),
         jsonb_build_object('matched', coalesce(n.matched, 0))
    FROM (SELECT DISTINCT s.enterprise_id FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id WHERE rs.round_id = $2::uuid) e
    LEFT JOIN (SELECT enterprise_id, count(*)::int AS matched FROM apps GROUP BY enterprise_id) n ON n.enterprise_id = e.enterprise_id
  RETURNING id
)
SELECT (SELECT count(*) FROM placed)::int AS placements, (SELECT count(*) FROM seats)::int AS slots,
       (SELECT count(*) FROM matched)::int + (SELECT count(*) FROM unmatched)::int + (SELECT count(*) FROM enterprises)::int AS events`,
);
