import { statement } from '@skillbridge/db';

/**
 * What a message about an event may mention, read by the event's subject (notification-facts.ts):
 * one statement per area of EventKind. Names come aliased as MessageFacts (libs/domain) spells them.
 */

export const APPLICATION_FACTS = statement<
  [applicationId: string],
  { slotId: string; slotTitle: string; enterpriseName: string; studentName: string; respondBy: string | null; startDate: string }
>(
  'message-facts.application',
  `SELECT s.id AS "slotId", s.title AS "slotTitle", e.name AS "enterpriseName", u.name AS "studentName", a.respond_by::text AS "respondBy", s.start_date::text AS "startDate"
     FROM applications a JOIN slots s ON s.id = a.slot_id JOIN organisations e ON e.id = a.enterprise_id JOIN users u ON u.id = a.student_id
    WHERE a.id = $1`,
);

export const PLACEMENT_FACTS = statement<
  [placementId: string],
  { slotTitle: string; enterpriseName: string; studentName: string; startDate: string }
>(
  'message-facts.placement',
  `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", u.name AS "studentName", p.start_date::text AS "startDate"
     FROM placements p JOIN slots s ON s.id = p.slot_id JOIN organisations e ON e.id = p.enterprise_id JOIN users u ON u.id = p.person_id
    WHERE p.id = $1`,
);

export const BOOKING_FACTS = statement<
  [bookingId: string],
  { slotTitle: string; enterpriseName: string; teacherName: string; startDate: string; endDate: string; daysServed: number | null }
>(
  'message-facts.booking',
  `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", u.name AS "teacherName", b.start_date::text AS "startDate",
          b.end_date::text AS "endDate", b.days_served AS "daysServed"
     FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN organisations e ON e.id = b.enterprise_id JOIN users u ON u.id = b.teacher_id
    WHERE b.id = $1`,
);

export const TEACHER_NAME = statement<[teacherId: string], { teacherName: string }>(
  'message-facts.teacher-name',
  `SELECT name AS "teacherName" FROM users WHERE id = $1`,
);

export const ENTERPRISE_NAME = statement<[enterpriseId: string], { enterpriseName: string }>(
  'message-facts.enterprise-name',
  `SELECT name AS "enterpriseName" FROM organisations WHERE id = $1`,
);

export const SLOT_FACTS = statement<[slotId: string], { slotTitle: string; enterpriseName: string; startDate: string }>(
  'message-facts.slot',
  `SELECT s.title AS "slotTitle", e.name AS "enterpriseName", s.start_date::text AS "startDate"
     FROM slots s JOIN organisations e ON e.id = s.enterprise_id WHERE s.id = $1`,
);

/** The subject is the round; a matched student's event names its slot (or none: null). */
export const ROUND_FACTS = statement<
  [roundId: string, slotId: string | null],
  { roundName: string; slotTitle: string | null; enterpriseName: string | null; startDate: string | null }
>(
  'message-facts.round',
  `SELECT r.name AS "roundName", s.title AS "slotTitle", e.name AS "enterpriseName", s.start_date::text AS "startDate"
     FROM match_rounds r LEFT JOIN slots s ON s.id = $2 LEFT JOIN organisations e ON e.id = s.enterprise_id WHERE r.id = $1`,
);
