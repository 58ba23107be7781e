import type { MessageFacts } from '@skillbridge/domain';
import { EntityManager } from 'typeorm';

/** The facts a message about an event may mention, reloaded by the subject's id. Null when the subject is gone. */
export async function loadMessageFacts(db: EntityManager, kind: string, subjectId: string, payload: Record<string, unknown>): Promise<MessageFacts | null> {
  const [area] = kind.split('.');
  if (area === 'application') {
    const [row] = await db.query(
      `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", u.name AS "studentName", a.respond_by::text AS "respondBy", s.start_date::text AS "startDate"
         FROM applications a JOIN slots s ON s.id = a.slot_id JOIN organisations e ON e.id = a.enterprise_id JOIN users u ON u.id = a.student_id
        WHERE a.id = $1`,
      [subjectId],
    );
    return row ?? null;
  }
  if (area === 'placement') {
    const [row] = await db.query(
      `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", u.name AS "studentName", p.start_date::text AS "startDate"
         FROM placements p JOIN slots s ON s.id = p.slot_id JOIN organisations e ON e.id = p.enterprise_id JOIN users u ON u.id = p.person_id
        WHERE p.id = $1`,
      [subjectId],
    );
    return row ?? null;
  }
  if (area === 'booking') {
    const [row] = await db.query(
      `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", u.name AS "teacherName", b.start_date::text AS "startDate",
              b.end_date::text AS "endDate", b.days_served AS "daysServed"
         FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN organisations e ON e.id = b.enterprise_id JOIN users u ON u.id = b.teacher_id
        WHERE b.id = $1`,
      [subjectId],
    );
    return row ?? null;
  }
  if (area === 'practice') {
    const [row] = await db.query(`SELECT name AS "teacherName" FROM users WHERE id = $1`, [subjectId]);
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  }
  if (area === 'enterprise') {
    const [row] = await db.query(`SELECT name AS "enterpriseName" FROM organisations WHERE id = $1`, [subjectId]);
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  }
  if (area === 'quota') {
    const [row] = await db.query(`SELECT name AS "enterpriseName" FROM organisations WHERE id = $1`, [subjectId]);
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  }
  if (area === 'slot') {
    const [row] = await db.query(
      `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", s.start_date::text AS "startDate"
         FROM slots s JOIN organisations e ON e.id = s.enterprise_id WHERE s.id = $1`,
      [subjectId],
    );
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  }
  if (area === 'round') {
    // The subject is the round; a matched student's event names its slot in the payload.
    const [row] = await db.query(
      `SELECT r.name AS "roundName", s.title AS "slotTitle", e.name AS "enterpriseName", s.start_date::text AS "startDate"
         FROM match_rounds r LEFT JOIN slots s ON s.id = $2 LEFT JOIN organisations e ON e.id = s.enterprise_id WHERE r.id = $1`,
      [subjectId, typeof payload.slotId === 'string' ? payload.slotId : null],
    );
    return row ? { ...row, ...(payload as MessageFacts) } : null;
  }
  return { ...(payload as MessageFacts) };
}
