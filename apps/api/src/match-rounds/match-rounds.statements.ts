import type { MatchFiguresView } from '@skillbridge/contracts';
import { statement } from '@skillbridge/db';
import type { MatchRoundStatus } from '@skillbridge/domain';

/** Match rounds' hand-written SQL (撮合轮次): each statement named, its parameters and row typed. */

export const PREFERENCES_OF = statement<[studentId: string, roundIds: string[]], { round_id: string; slot_ids: string[] }>(
  'match-rounds.preferences-of',
  `SELECT round_id, slot_ids FROM match_preferences WHERE student_id = $1 AND round_id = ANY($2::uuid[])`,
);

export interface RoundSlotRow {
  id: string;
  title: string;
  type: 'internship' | 'apprenticeship';
  enterprise_id: string;
  enterprise_name: string;
  district: string;
  start_date: string;
  end_date: string;
  majors: string[];
  capacity: number;
  seats_left: number;
  applicants: number;
  ranked: boolean;
}

/** A round's slots before it ran: applicants counted in one pass over the lists (a lookup per slot would read every list per slot). */
export const ROUND_SLOTS_COUNTED = statement<[roundId: string], RoundSlotRow>(
  'match-rounds.slots-counted',
  `WITH listed AS (SELECT x.slot_id, count(*)::int AS n FROM match_preferences p, unnest(p.slot_ids) AS x(slot_id) WHERE p.round_id = $1 GROUP BY x.slot_id)
   SELECT s.id, s.title, s.type, s.enterprise_id, e.name AS enterprise_name, s.district, s.start_date::text, s.end_date::text, s.majors,
          rs.capacity, greatest(s.capacity - s.taken, 0) AS seats_left, coalesce(listed.n, 0) AS applicants,
          mr.slot_id IS NOT NULL AS ranked
     FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id JOIN organisations e ON e.id = s.enterprise_id
     LEFT JOIN listed ON listed.slot_id = rs.slot_id
     LEFT JOIN match_rankings mr ON mr.round_id = rs.round_id AND mr.slot_id = rs.slot_id
    WHERE rs.round_id = $1 ORDER BY e.name, s.title, s.id`,
);

/** A round's slots once it ran: the run stored each slot's applicants (lists are closed by then). */
export const ROUND_SLOTS_STORED = statement<[roundId: string], RoundSlotRow>(
  'match-rounds.slots-stored',
  `SELECT s.id, s.title, s.type, s.enterprise_id, e.name AS enterprise_name, s.district, s.start_date::text, s.end_date::text, s.majors,
          rs.capacity, greatest(s.capacity - s.taken, 0) AS seats_left, coalesce(rs.applicants, 0) AS applicants,
          mr.slot_id IS NOT NULL AS ranked
     FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id JOIN organisations e ON e.id = s.enterprise_id
     LEFT JOIN match_rankings mr ON mr.round_id = rs.round_id AND mr.slot_id = rs.slot_id
    WHERE rs.round_id = $1 ORDER BY e.name, s.title, s.id`,
);

/** The slots a new round is asked to take, to check each one. */
export const SLOTS_TO_MATCH = statement<[slotIds: string[]], { id: string; state: string; type: string; seats: number }>(
  'match-rounds.slots-to-match',
  `SELECT s.id, s.state, s.type, s.capacity - s.taken AS seats FROM slots s WHERE s.id = ANY($1::uuid[])`,
);

export const INSERT_ROUND = statement<
  [
    name: string,
    ownerOrganisationId: string | null,
    ownerAuthority: 'EDU' | null,
    createdBy: string,
    preferenceDeadline: Date,
    seed: string,
    parentRoundId: string | null,
  ],
  { id: string }
>(
  'match-rounds.insert',
  `INSERT INTO match_rounds (name, owner_organisation_id, owner_authority, created_by, preference_deadline, seed, parent_round_id)
   VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
);

/** A new round's slots, each with the seats it has left now. */
export const ADD_SLOTS = statement<[roundId: string, slotIds: string[]], never>(
  'match-rounds.add-slots',
  `INSERT INTO match_round_slots (round_id, slot_id, capacity)
   SELECT $1, x.* FROM (SELECT s.id, s.capacity - s.taken FROM slots s WHERE s.id = ANY($2::uuid[])) x`,
);

/** A second round's slots: the parent round's open slots that have seats left, with those seats. */
export const ADD_SLOTS_LEFT = statement<[roundId: string, parentRoundId: string], never>(
  'match-rounds.add-slots-left',
  `INSERT INTO match_round_slots (round_id, slot_id, capacity)
   SELECT $1, x.* FROM (SELECT s.id, s.capacity - s.taken FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id
                         WHERE rs.round_id = $2 AND s.state = 'open' AND s.capacity > s.taken) x`,
);

/** How many of a round's slots are open with seats left (what ADD_SLOTS_LEFT would take). */
export const SLOTS_LEFT = statement<[roundId: string], { n: number }>(
  'match-rounds.slots-left',
  `SELECT count(*)::int AS n FROM (SELECT s.id, s.capacity - s.taken FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id
                                    WHERE rs.round_id = $1 AND s.state = 'open' AND s.capacity > s.taken) x`,
);

/** open, close, cancel: a cancelled round is no longer waiting for a run. */
export const SET_STATUS = statement<[roundId: string, status: MatchRoundStatus], never>(
  'match-rounds.set-status',
  `UPDATE match_rounds SET status = $2, run_requested_at = CASE WHEN $2 = 'cancelled' THEN NULL ELSE run_requested_at END, updated_at = now() WHERE id = $1`,
);

/** A new run request, numbered: the worker runs only the latest. */
export const REQUEST_RUN = statement<[roundId: string, runnableFrom: MatchRoundStatus[]], { run_request: number }>(
  'match-rounds.request-run',
  `UPDATE match_rounds SET run_request = run_request + 1, run_requested_at = now(), run_error = NULL, updated_at = now()
    WHERE id = $1 AND status = ANY($2) RETURNING run_request`,
);

/** A run request whose job could not be queued: the round must not look as if it were running. */
export const FORGET_RUN_REQUEST = statement<[roundId: string, request: number], never>(
  'match-rounds.forget-run-request',
  `UPDATE match_rounds SET run_requested_at = NULL WHERE id = $1 AND run_request = $2`,
);

export const RUN_STABLE = statement<[runId: string | null], { stable: boolean }>(
  'match-rounds.run-stable',
  `SELECT stable FROM match_runs WHERE id = $1`,
);

/** The enterprises of a round's slots and the dates they span: whose quota rows a publish changes. */
export const ROUND_SPANS = statement<[roundId: string], { enterprise_id: string; start_date: string; end_date: string }>(
  'match-rounds.spans',
  `SELECT DISTINCT s.enterprise_id, s.start_date::text, s.end_date::text FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id WHERE rs.round_id = $1`,
);

export const SLOTS_TO_LIST = statement<
  [roundId: string],
  { id: string; type: 'internship' | 'apprenticeship'; state: 'open'; start_date: string }
>(
  'match-rounds.slots-to-list',
  `SELECT s.id, s.type, s.state, s.start_date::text FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id WHERE rs.round_id = $1`,
);

export const STUDENT_TO_LIST = statement<[studentId: string], { dateOfBirth: string; enrolmentYear: number }>(
  'match-rounds.student-to-list',
  `SELECT date_of_birth::text AS "dateOfBirth", enrolment_year AS "enrolmentYear" FROM students WHERE user_id = $1`,
);

/** The round's state is checked again by the statement itself: a list racing the close is refused (no row). */
export const PUT_PREFERENCES = statement<[roundId: string, studentId: string, slotIds: string[], now: Date], { round_id: string }>(
  'match-rounds.put-preferences',
  `INSERT INTO match_preferences (round_id, student_id, slot_ids)
   SELECT $1, $2, $3::uuid[] FROM match_rounds WHERE id = $1 AND status = 'collecting' AND preference_deadline > $4
   ON CONFLICT (round_id, student_id) DO UPDATE SET slot_ids = EXCLUDED.slot_ids, updated_at = now()
   RETURNING round_id`,
);

/** A hit when the student took part in the published round and was left without a slot. */
export const UNMATCHED_IN = statement<[roundId: string, studentId: string], { hit: number }>(
  'match-rounds.unmatched-in',
  `SELECT 1 AS hit FROM match_rounds r JOIN match_runs run ON run.id = r.last_run_id
     CROSS JOIN LATERAL unnest(run.student_ids, run.assignment) AS x(student_id, a)
    WHERE r.id = $1 AND r.status = 'published' AND x.student_id = $2 AND x.a < 0`,
);

export const ROUND_SLOT = statement<[roundId: string, slotId: string], { majors: string[]; skills: string[]; enterprise_id: string }>(
  'match-rounds.slot',
  `SELECT s.majors, s.skills, s.enterprise_id FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id WHERE rs.round_id = $1 AND rs.slot_id = $2`,
);

export interface ApplicantRow {
  student_id: string;
  name: string;
  school_name: string;
  major: string;
  skills: string[];
  certificates: string[];
}

/** The students who listed a slot of the round. */
export const APPLICANTS_OF = statement<[roundId: string, slotId: string], ApplicantRow>(
  'match-rounds.applicants-of',
  `SELECT p.student_id, u.name, sc.name AS school_name, st.major, st.skills, st.certificates
     FROM match_preferences p JOIN users u ON u.id = p.student_id JOIN students st ON st.user_id = p.student_id JOIN organisations sc ON sc.id = st.school_id
    WHERE p.round_id = $1 AND p.slot_ids @> ARRAY[$2::uuid]
    ORDER BY p.student_id`,
);

export const RANKING_OF = statement<[roundId: string, slotId: string], { student_ids: string[] }>(
  'match-rounds.ranking-of',
  `SELECT student_ids FROM match_rankings WHERE round_id = $1 AND slot_id = $2`,
);

export const PUT_RANKING = statement<[roundId: string, slotId: string, studentIds: string[], rankedBy: string], never>(
  'match-rounds.put-ranking',
  `INSERT INTO match_rankings (round_id, slot_id, student_ids, ranked_by) VALUES ($1, $2, $3::uuid[], $4)
   ON CONFLICT (round_id, slot_id) DO UPDATE SET student_ids = EXCLUDED.student_ids, ranked_by = EXCLUDED.ranked_by, updated_at = now()`,
);

export const DELETE_RANKING = statement<[roundId: string, slotId: string], never>(
  'match-rounds.delete-ranking',
  `DELETE FROM match_rankings WHERE round_id = $1 AND slot_id = $2`,
);

export interface RunSummaryRow {
  id: string;
  seed: string;
  algorithm_version: string;
  inputs_sha256: string;
  stable: boolean;
  blocking_pairs: number;
  problems: number;
  /** Written by the worker in MatchFiguresView's shape. */
  figures: MatchFiguresView;
  created_at: Date;
  total: number;
}

export const RUN_SUMMARY = statement<[runId: string], RunSummaryRow>(
  'match-rounds.run-summary',
  `SELECT id, seed, algorithm_version, inputs_sha256, stable, blocking_pairs, problems, figures, created_at, cardinality(student_ids) AS total
     FROM match_runs WHERE id = $1`,
);
