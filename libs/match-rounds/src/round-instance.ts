import { run, runOne } from '@skillbridge/db';
import { HrInstance, hrInstanceFromLists, rankByCriteria } from '@skillbridge/domain';
import { EntityManager } from 'typeorm';
import { INSTANCE_EXCLUDED_PAIRS, INSTANCE_LISTS, INSTANCE_RANKINGS, INSTANCE_SLOTS, STORED_RUN } from './match-rounds.statements';

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
  const slots = await run(db, INSTANCE_SLOTS, [round.id]);
  const lists = await run(db, INSTANCE_LISTS, [round.id]);
  const excluded = await run(db, INSTANCE_EXCLUDED_PAIRS, [round.id]);
  const rankings = await run(db, INSTANCE_RANKINGS, [round.id]);

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
  return {
    instance,
    studentIds: lists.map((l) => l.student_id),
    slotIds: slots.map((s) => s.slot_id),
    automaticSlots,
    excludedPairs: excluded.length,
    listed,
  };
}

/** A stored run back as an instance (audits, re-runs from the record). */
export async function storedRunInstance(
  db: EntityManager,
  runId: string,
): Promise<{ instance: HrInstance; assignment: Int32Array } | null> {
  const stored = await runOne(db, STORED_RUN, [runId]);
  if (!stored) return null;
  const ints = (value: number[] | null) => Int32Array.from(value ?? []);
  return {
    instance: {
      students: Number(stored.students ?? 0),
      slots: Number(stored.slots ?? 0),
      capacity: ints(stored.capacity),
      choiceStart: ints(stored.choice_start),
      choiceSlot: ints(stored.choice_slot),
      rankStart: ints(stored.rank_start),
      rankedStudent: ints(stored.ranked_student),
    },
    assignment: ints(stored.assignment),
  };
}
