import { statement } from '@skillbridge/db';
import type { MatchRoundStatus } from '@skillbridge/domain';

/**
 * 撮合轮次 — the SQL of a round's run, shared by the API and the worker: loading a round's inputs, storing
 * a run, reading a stored run back, and the sweep that closes collecting. Each statement named, its
 * parameters and row typed; the set-based ones written by hand, as PostgreSQL runs them best.
 */

/**
 * The round's slots in uuid order. A slot's seats are the round's, but never more than the slot has
 * left now (applications accepted outside the round meanwhile took some), none for a cancelled slot.
 */
export const INSTANCE_SLOTS = statement<[roundId: string], { slot_id: string; seats: number; majors: string[]; skills: string[] }>(
  'match-rounds.instance-slots',
  `SELECT rs.slot_id, CASE WHEN s.state = 'cancelled' THEN 0 ELSE greatest(0, least(rs.capacity, s.capacity - s.taken)) END AS seats, s.majors, s.skills
     FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id
    WHERE rs.round_id = $1 ORDER BY rs.slot_id`,
);

/** Students' rank-order lists in uuid order, with what the automatic rankings read of each student. */
export const INSTANCE_LISTS = statement<
  [roundId: string],
  { student_id: string; slot_ids: string[]; major: string | null; skills: string[] | null }
>(
  'match-rounds.instance-lists',
  `SELECT p.student_id, p.slot_ids, st.major, st.skills
     FROM match_preferences p LEFT JOIN students st ON st.user_id = p.student_id
    WHERE p.round_id = $1 ORDER BY p.student_id`,
);

/**
 * The (student, slot) pairs a student cannot take: they hold a placement overlapping the slot's dates.
 * Only students who hold a placement at all are looked at (most hold none): a join, not a probe per listed slot.
 */
export const INSTANCE_EXCLUDED_PAIRS = statement<[roundId: string], { student_id: string; slot_id: string }>(
  'match-rounds.instance-excluded-pairs',
  `SELECT DISTINCT p.student_id, s.id AS slot_id
     FROM match_preferences p
     JOIN placements pl ON pl.person_id = p.student_id AND pl.kind = 'student' AND pl.status <> 'terminated'
     CROSS JOIN LATERAL unnest(p.slot_ids) AS x(slot_id)
     JOIN slots s ON s.id = x.slot_id
    WHERE p.round_id = $1 AND daterange(pl.start_date, pl.end_date, '[]') && daterange(s.start_date, s.end_date, '[]')`,
);

export const INSTANCE_RANKINGS = statement<[roundId: string], { slot_id: string; student_ids: string[] }>(
  'match-rounds.instance-rankings',
  `SELECT slot_id, student_ids FROM match_rankings WHERE round_id = $1`,
);

export interface RunRequestRow {
  id: string;
  status: MatchRoundStatus;
  seed: string;
  criteria: string[];
  run_request: number;
  run_requested_at: Date | null;
}

export const RUN_REQUEST = statement<[roundId: string], RunRequestRow>(
  'match-rounds.run-request',
  `SELECT id, status, seed, criteria, run_request, run_requested_at FROM match_rounds WHERE id = $1`,
);

/** Inputs the engine refused: why, and the request is over. */
export const REFUSE_RUN = statement<[roundId: string, request: number, reason: string], never>(
  'match-rounds.refuse-run',
  `UPDATE match_rounds SET run_error = $3, run_requested_at = NULL, updated_at = now() WHERE id = $1 AND run_request = $2`,
);

/** A run as stored: its inputs as compact arrays (an hr-instance), the seed, the version, the output and its audit. */
export const INSERT_RUN = statement<
  [
    roundId: string,
    request: number,
    seed: string,
    algorithmVersion: string,
    criteria: string,
    studentIds: string[],
    slotIds: string[],
    capacity: number[],
    choiceStart: number[],
    choiceSlot: number[],
    rankStart: number[],
    rankedStudent: number[],
    automaticSlots: number[],
    excludedPairs: number,
    inputsSha256: string,
    assignment: number[],
    choice: number[],
    stable: boolean,
    blockingPairs: number,
    problems: number,
    figures: string,
    runMs: number,
  ],
  { id: string }
>(
  'match-rounds.insert-run',
  `INSERT INTO match_runs (round_id, request, seed, algorithm_version, criteria, student_ids, slot_ids, capacity, choice_start, choice_slot,
                           rank_start, ranked_student, automatic_slots, excluded_pairs, inputs_sha256, assignment, choice, stable,
                           blocking_pairs, problems, figures, run_ms)
   VALUES ($1, $2, $3, $4, $5::jsonb, $6::uuid[], $7::uuid[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[], $14, $15,
           $16::int[], $17::int[], $18, $19, $20, $21::jsonb, $22)
   ON CONFLICT (round_id, request) DO NOTHING
   RETURNING id`,
);

/** The run becomes the round's latest, unless the round was cancelled or re-requested meanwhile (no row changed). */
export const MARK_RAN = statement<[roundId: string, request: number, runId: string, algorithmVersion: string], never>(
  'match-rounds.mark-ran',
  `UPDATE match_rounds SET status = 'ran', last_run_id = $3, algorithm_version = $4, run_requested_at = NULL, run_error = NULL, updated_at = now()
    WHERE id = $1 AND run_request = $2 AND status IN ('ranking', 'ran')`,
);

/** Each slot's applicants as the run counted them, for the round's view. */
export const STORE_APPLICANTS = statement<[roundId: string, slotIds: string[], applicants: number[]], never>(
  'match-rounds.store-applicants',
  `UPDATE match_round_slots rs SET applicants = x.n FROM unnest($2::uuid[], $3::int[]) AS x(slot_id, n) WHERE rs.round_id = $1 AND rs.slot_id = x.slot_id`,
);

export interface StoredRunRow {
  students: number;
  slots: number;
  capacity: number[] | null;
  choice_start: number[] | null;
  choice_slot: number[] | null;
  rank_start: number[] | null;
  ranked_student: number[] | null;
  assignment: number[] | null;
}

export const STORED_RUN = statement<[runId: string], StoredRunRow>(
  'match-rounds.stored-run',
  `SELECT cardinality(student_ids) AS students, cardinality(slot_ids) AS slots, capacity, choice_start, choice_slot, rank_start, ranked_student, assignment
     FROM match_runs WHERE id = $1`,
);

/** Collecting ends at the preference deadline: every round past it moves on to ranking. */
export const CLOSE_DUE_ROUNDS = statement<[now: Date], never>(
  'match-rounds.close-due',
  `UPDATE match_rounds SET status = 'ranking', updated_at = now() WHERE status = 'collecting' AND preference_deadline < $1`,
);
