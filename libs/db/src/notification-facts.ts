import type { EventKind, MessageFacts } from '@skillbridge/domain';
import { EntityManager } from 'typeorm';

/** The part of an event kind before the dot: what its subject is. */
type AreaOf<K> = K extends `${infer A}.${string}` ? A : never;
type EventArea = AreaOf<EventKind>;
type FactReader = (db: EntityManager, subjectId: string, payload: Record<string, unknown>) => Promise<MessageFacts | null>;

/**
 * How the facts of each area's events are read: typed by the areas of EventKind, so a new area
 * does not compile without its reader (the worker's boot check asks readsFactsOf too).
 */
const FACT_READERS: Record<EventArea, FactReader> = {
  application: async (db, subjectId) => {
    const [row] = await db.query(
      `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", u.name AS "studentName", a.respond_by::text AS "respondBy", s.start_date::text AS "startDate"
         FROM applications a JOIN slots s ON s.id = a.slot_id JOIN organisations e ON e.id = a.enterprise_id JOIN users u ON u.id = a.student_id
        WHERE a.id = $1`,
      [subjectId],
    );
    return row ?? null;
  },
  placement: async (db, subjectId) => {
    const [row] = await db.query(
      `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", u.name AS "studentName", p.start_date::text AS "startDate"
         FROM placements p JOIN slots s ON s.id = p.slot_id JOIN organisations e ON e.id = p.enterprise_id JOIN users u ON u.id = p.person_id
        WHERE p.id = $1`,
      [subjectId],
    );
    return row ?? null;
  },
  booking: async (db, subjectId) => {
    const [row] = await db.query(
      `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", u.name AS "teacherName", b.start_date::text AS "startDate",
              b.end_date::text AS "endDate", b.days_served AS "daysServed"
         FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN organisations e ON e.id = b.enterprise_id JOIN users u ON u.id = b.teacher_id
        WHERE b.id = $1`,
      [subjectId],
    );
    return row ?? null;
  },
  practice: async (db, subjectId, payload) => {
    const [row] = await db.query(`SELECT name AS "teacherName" FROM users WHERE id = $1`, [subjectId]);
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  },
  enterprise: async (db, subjectId, payload) => {
    const [row] = await db.query(`SELECT name AS "enterpriseName" FROM organisations WHERE id = $1`, [subjectId]);
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  },
  quota: async (db, subjectId, payload) => {
    const [row] = await db.query(`SELECT name AS "enterpriseName" FROM organisations WHERE id = $1`, [subjectId]);
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  },
  slot: async (db, subjectId, payload) => {
    const [row] = await db.query(
      `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", s.start_date::text AS "startDate"
         FROM slots s JOIN organisations e ON e.id = s.enterprise_id WHERE s.id = $1`,
      [subjectId],
    );
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  },
  round: async (db, subjectId, payload) => {
    // The subject is the round; a matched student's event names its slot in the payload.
    const [row] = await db.query(
      `SELECT r.name AS "roundName", s.title AS "slotTitle", e.name AS "enterpriseName", s.start_date::text AS "startDate"
         FROM match_rounds r LEFT JOIN slots s ON s.id = $2 LEFT JOIN organisations e ON e.id = s.enterprise_id WHERE r.id = $1`,
      [subjectId, typeof payload.slotId === 'string' ? payload.slotId : null],
    );
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  },
  // An import's event carries its facts (the file's name and counts).
  import: async (_db, _subjectId, payload) => ({ ...(payload as MessageFacts) }),
};

const readerOf = (kind: string): FactReader | undefined => {
  const [area] = kind.split('.');
  return Object.prototype.hasOwnProperty.call(FACT_READERS, area) ? FACT_READERS[area as EventArea] : undefined;
};

/** Whether this build can read the facts of the kind's events (the worker's boot check asks). */
export const readsFactsOf = (kind: string): boolean => readerOf(kind) !== undefined;

/** The facts a message about an event may mention, reloaded by the subject's id. Null when the subject is gone. */
export async function loadMessageFacts(db: EntityManager, kind: string, subjectId: string, payload: Record<string, unknown>): Promise<MessageFacts | null> {
  const read = readerOf(kind);
  // A kind of another build: its payload is all this one knows.
  return read ? read(db, subjectId, payload) : { ...(payload as MessageFacts) };
}
