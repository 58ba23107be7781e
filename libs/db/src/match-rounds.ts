import {
  ALGORITHM_VERSION,
  DomainError,
  HrInstance,
  blockingPairs,
  checkMatching,
  deferredAcceptance,
  hrInstanceChunks,
  matchFigures,
  hrInstanceFromLists,
  rankByCriteria,
} from '@skillbridge/domain';
import { createHash } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';

/**
 * 撮合轮次 — the query code of match rounds shared by the API and the worker: loading a round's
 * inputs as a dense instance, running it, and the sweep that closes collecting at the deadline.
 */

/** A round's inputs as the engine takes them, with the uuids behind each position. */
export interface RoundInstance {
  instance: HrInstance;
  studentIds: string[];
  slotIds: string[];
  /** Positions of the slots ranked by the round's criteria rather than by their enterprise. */
  automaticSlots: number[];
  excludedPairs: number;
  /** How many students listed each slot (pairs left out for an overlap included). */
  listed: number[];
}

interface RoundFacts {
  id: string;
  seed: string;
}

/**
 * Loads a round's inputs. Deterministic: students and slots in uuid order, each automatic ranking a
 * function of (seed, slot, applicants) only, so the same stored inputs always give the same instance.
 * - A slot's seats are the round's, but never more than the slot has left now (applications accepted
 *   outside the round meanwhile took some), none for a cancelled slot.
 * - A student already holding a placement that overlaps a slot's dates cannot take it: the pair is
 *   left out here, so that publishing never runs into the no-overlap constraint.
 * - An enterprise's ranking keeps only students who still list the slot; a slot it did not rank is
 *   ranked by criteria (wanted major, wanted skills, then a lottery seeded by the round's seed).
 */
export async function loadRoundInstance(db: EntityManager, round: RoundFacts): Promise<RoundInstance> {
  const slots: Array<{ slot_id: string; seats: number; majors: string[]; skills: string[] }> = await db.query(
    `SELECT rs.slot_id, CASE WHEN s.state = 'cancelled' THEN 0 ELSE greatest(0, least(rs.capacity, s.capacity - s.taken)) END AS seats, s.majors, s.skills
       FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id
      WHERE rs.round_id = $1 ORDER BY rs.slot_id`,
    [round.id],
  );
  const lists: Array<{ student_id: string; slot_ids: string[]; major: string | null; skills: string[] | null }> = await db.query(
    `SELECT p.student_id, p.slot_ids, st.major, st.skills
       FROM match_preferences p LEFT JOIN students st ON st.user_id = p.student_id
      WHERE p.round_id = $1 ORDER BY p.student_id`,
    [round.id],
  );
  // Only students who hold a placement at all are looked at (most hold none): a join, not a probe per listed slot.
  const excluded: Array<{ student_id: string; slot_id: string }> = await db.query(
    `SELECT DISTINCT p.student_id, s.id AS slot_id
       FROM match_preferences p
       JOIN placements pl ON pl.person_id = p.student_id AND pl.kind = 'student' AND pl.status <> 'terminated'
       CROSS JOIN LATERAL unnest(p.slot_ids) AS x(slot_id)
       JOIN slots s ON s.id = x.slot_id
      WHERE p.round_id = $1 AND daterange(pl.start_date, pl.end_date, '[]') && daterange(s.start_date, s.end_date, '[]')`,
    [round.id],
  );
  const rankings: Array<{ slot_id: string; student_ids: string[] }> = await db.query(`SELECT slot_id, student_ids FROM match_rankings WHERE round_id = $1`, [round.id]);

  const slotAt = new Map(slots.map((s, c) => [s.slot_id, c]));
  const studentAt = new Map(lists.map((l, s) => [l.student_id, s]));
  const blocked = new Set(excluded.map((e) => `${e.student_id} ${e.slot_id}`));

  // Students' lists, without what they cannot take; and each slot's applicants in student order.
  const choices: number[][] = [];
  const applicants: number[][] = slots.map(() => []);
  const listed: number[] = slots.map(() => 0);
  for (const list of lists) {
    const row: number[] = [];
    for (const slotId of list.slot_ids) {
      const c = slotAt.get(slotId);
      if (c !== undefined) listed[c]++;
      if (c === undefined || blocked.has(`${list.student_id} ${slotId}`)) continue;
      row.push(c);
      applicants[c].push(studentAt.get(list.student_id)!);
    }
    choices.push(row);
  }

  const byEnterprise = new Map(rankings.map((r) => [r.slot_id, r.student_ids]));
  const automaticSlots: number[] = [];
  const ranked: number[][] = slots.map((slot, c) => {
    const manual = byEnterprise.get(slot.slot_id);
    if (manual) {
      const listed = new Set(applicants[c]);
      return manual.map((id) => studentAt.get(id)).filter((s): s is number => s !== undefined && listed.has(s));
    }
    automaticSlots.push(c);
    const order = rankByCriteria(
      applicants[c].map((s) => ({ studentId: lists[s].student_id, major: lists[s].major ?? '', skills: lists[s].skills ?? [] })),
      { majors: slot.majors, skills: slot.skills },
      { seed: round.seed, slotId: slot.slot_id },
    );
    return order.map((id) => studentAt.get(id)!);
  });

  const instance = hrInstanceFromLists({ choices, slots: slots.map((slot, c) => ({ capacity: Number(slot.seats), ranking: ranked[c] })) });
  return { instance, studentIds: lists.map((l) => l.student_id), slotIds: slots.map((s) => s.slot_id), automaticSlots, excludedPairs: excluded.length, listed };
}

/** What a run computes from an instance: the engine's assignment, its audit, and figures. */
export interface RoundOutcome {
  assignment: Int32Array;
  /** choice[s] = the 1-based place of s's slot on their list, 0 when unmatched. */
  choice: Int32Array;
  stable: boolean;
  blockingPairs: number;
  problems: number;
  proposals: number;
  inputsSha256: string;
}

/** Runs deferred acceptance on a checked instance (hrInstanceFromLists) and audits the result (matching checks and blocking pairs). */
export function solveRound(instance: HrInstance): RoundOutcome {
  const result = deferredAcceptance(instance);
  const problems = checkMatching(instance, result.assignment, 1000).length;
  const blocking = blockingPairs(instance, result.assignment, 1000).length;
  const choice = new Int32Array(instance.students);
  for (let s = 0; s < instance.students; s++) {
    const c = result.assignment[s];
    if (c < 0) continue;
    for (let k = instance.choiceStart[s]; k < instance.choiceStart[s + 1]; k++) {
      if (instance.choiceSlot[k] === c) {
        choice[s] = k - instance.choiceStart[s] + 1;
        break;
      }
    }
  }
  const hash = createHash('sha256');
  for (const chunk of hrInstanceChunks(instance)) hash.update(chunk);
  return {
    assignment: result.assignment,
    choice,
    stable: problems === 0 && blocking === 0,
    blockingPairs: blocking,
    problems,
    proposals: result.proposals,
    inputsSha256: hash.digest('hex'),
  };
}

/**
 * The worker's step for one run request: loads the inputs, runs and audits them, and stores the run
 * (inputs, seed, version, output, figures) as the round's latest, moving it to `ran`. Safe to repeat:
 * a request already run, superseded, or of a round no longer runnable is skipped (returns null).
 */
export async function runMatchRound(db: DataSource, roundId: string, request: number): Promise<string | null> {
  const [round]: Array<{ id: string; status: string; seed: string; criteria: string[]; run_request: number; run_requested_at: Date | null }> = await db.query(
    `SELECT id, status, seed, criteria, run_request, run_requested_at FROM match_rounds WHERE id = $1`,
    [roundId],
  );
  if (!round || round.run_request !== request || !round.run_requested_at || !['ranking', 'ran'].includes(round.status)) return null;
  const started = performance.now();
  let loaded: RoundInstance;
  let outcome: RoundOutcome;
  try {
    loaded = await loadRoundInstance(db.manager, round);
    outcome = solveRound(loaded.instance);
  } catch (error) {
    // Inputs the engine refuses will not get better by retrying: record why and stop.
    if (error instanceof DomainError) {
      await db.query(`UPDATE match_rounds SET run_error = $3, run_requested_at = NULL, updated_at = now() WHERE id = $1 AND run_request = $2`, [roundId, request, error.message]);
      return null;
    }
    throw error;
  }
  const { instance } = loaded;
  const runMs = Math.round(performance.now() - started);
  const figures = {
    ...matchFigures(outcome.choice, instance.capacity),
    excludedPairs: loaded.excludedPairs,
    automaticSlots: loaded.automaticSlots.length,
    proposals: outcome.proposals,
    blockingPairs: outcome.blockingPairs,
  };
  return db.transaction(async (tx) => {
    const [run]: Array<{ id: string }> = await tx.query(
      `INSERT INTO match_runs (round_id, request, seed, algorithm_version, criteria, student_ids, slot_ids, capacity, choice_start, choice_slot,
                               rank_start, ranked_student, automatic_slots, excluded_pairs, inputs_sha256, assignment, choice, stable,
                               blocking_pairs, problems, figures, run_ms)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::uuid[], $7::uuid[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[], $14, $15,
               $16::int[], $17::int[], $18, $19, $20, $21::jsonb, $22)
       ON CONFLICT (round_id, request) DO NOTHING
       RETURNING id`,
      [
        roundId,
        request,
        round.seed,
        ALGORITHM_VERSION,
        JSON.stringify(round.criteria),
        loaded.studentIds,
        loaded.slotIds,
        Array.from(instance.capacity),
        Array.from(instance.choiceStart),
        Array.from(instance.choiceSlot),
        Array.from(instance.rankStart),
        Array.from(instance.rankedStudent),
        loaded.automaticSlots,
        loaded.excludedPairs,
        outcome.inputsSha256,
        Array.from(outcome.assignment),
        Array.from(outcome.choice),
        outcome.stable,
        outcome.blockingPairs,
        outcome.problems,
        JSON.stringify({ ...figures, runMs }),
        runMs,
      ],
    );
    if (!run) return null;
    const [, moved] = await tx.query(
      `UPDATE match_rounds SET status = 'ran', last_run_id = $3, algorithm_version = $4, run_requested_at = NULL, run_error = NULL, updated_at = now()
        WHERE id = $1 AND run_request = $2 AND status IN ('ranking', 'ran')`,
      [roundId, request, run.id, ALGORITHM_VERSION],
    );
    // Cancelled (or re-requested) while running: keep nothing of this run.
    if (!moved) throw new RunSuperseded();
    // The round's view shows each slot's applicants: counted here once rather than from every list on every read.
    await tx.query(
      `UPDATE match_round_slots rs SET applicants = x.n FROM unnest($2::uuid[], $3::int[]) AS x(slot_id, n) WHERE rs.round_id = $1 AND rs.slot_id = x.slot_id`,
      [roundId, loaded.slotIds, loaded.listed],
    );
    return run.id;
  }).catch((error) => {
    if (error instanceof RunSuperseded) return null;
    throw error;
  });
}

class RunSuperseded extends Error {}

/** A stored run back as an instance (audits, re-runs from the record). */
export async function storedRunInstance(db: EntityManager, runId: string): Promise<{ instance: HrInstance; assignment: Int32Array } | null> {
  const [run] = await db.query(
    `SELECT cardinality(student_ids) AS students, cardinality(slot_ids) AS slots, capacity, choice_start, choice_slot, rank_start, ranked_student, assignment
       FROM match_runs WHERE id = $1`,
    [runId],
  );
  if (!run) return null;
  const ints = (value: number[] | null) => Int32Array.from(value ?? []);
  return {
    instance: {
      students: Number(run.students ?? 0),
      slots: Number(run.slots ?? 0),
      capacity: ints(run.capacity),
      choiceStart: ints(run.choice_start),
      choiceSlot: ints(run.choice_slot),
      rankStart: ints(run.rank_start),
      rankedStudent: ints(run.ranked_student),
    },
    assignment: ints(run.assignment),
  };
}

/** Closes collecting in every round whose preference deadline has passed at `now` (the clock's); returns how many. */
export async function closeDueRounds(db: DataSource | EntityManager, now: Date): Promise<number> {
  const [, count] = await db.query(
    `UPDATE match_rounds SET status = 'ranking', updated_at = now() WHERE status = 'collecting' AND preference_deadline < $1`,
    [now],
  );
  return Number(count ?? 0);
}
