import type { ApplicationStatus } from '@skillbridge/domain';
import { statement } from '@skillbridge/db';
import type { ApplicationRow } from './application.view';

/**
 * What one accept found (`was_*`, before it) and, when it took a seat, the accepted application.
 * `request_id` is the application the student asked to accept.
 */
export type AcceptOutcome = ApplicationRow & {
  request_id: string;
  was_status: ApplicationStatus | null;
  was_approved: boolean | null;
  was_respond_by: string | null;
  placement_id: string | null;
};

/**
 * Accepts, any number in one statement ($1 the applications, $2 their students, $3 today, $4 each
 * request's traceparent), all or nothing:
 * - only the student's own applications are taken (`a.student_id = r.student_id`): the applications
 *   policy's 'accept', kept in the statement on this hot path;
 * - the applications are locked in id order, then their slots in id order (two statements never
 *   wait for each other's rows the other way round);
 * - on each slot, the offers in line take the seats left (`taken < capacity` counted under the
 *   slot's lock; the CHECK constraint is the last line);
 * - each winner's application is accepted and gets its placement (a student's placements never
 *   overlap: the exclusion constraint) and its outbox event (recipients as `RECIPIENTS_SQL` makes them);
 * - every request gets a row: what was found, and the accepted application read back (the columns of
 *   the application reads in applications.statements.ts, from the row the UPDATE returned: a
 *   statement's later parts do not see its own writes in the table).
 * Prepared: parsed and planned once per connection (bench findings 2026-12-02). The text is fixed, not
 * assembled; accept.statements.spec.ts holds it to the outbox's recipients and the application reads.
 * bench/experiments/accept-db runs this very text on the database alone.
 */
export const ACCEPT_APPLICATIONS = statement<
  [applicationIds: string[], studentIds: string[], today: string, traceparents: Array<string | null>],
  AcceptOutcome
>(
  'applications.accept',
  `
WITH req AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $4::text[]) AS r (id, student_id, traceparent)
), app AS (
  SELECT a.id, a.slot_id, a.student_id, a.school_id, a.enterprise_id, a.status, a.school_approved_at, a.respond_by, r.traceparent
    FROM applications a JOIN req r ON a.id = r.id AND a.student_id = r.student_id
   ORDER BY a.id
     FOR UPDATE OF a
), ok AS (
  SELECT app.*, row_number() OVER (PARTITION BY app.slot_id ORDER BY app.id) AS place_in_line FROM app
   WHERE status = 'offered' AND school_approved_at IS NOT NULL AND (respond_by IS NULL OR respond_by >= $3::date)
), slot AS (
  SELECT s.id, s.taken, s.capacity, s.type, s.start_date, s.end_date FROM slots s
   WHERE s.id IN (SELECT slot_id FROM ok)
   ORDER BY s.id
     FOR NO KEY UPDATE OF s
), win AS (
  SELECT ok.*, slot.type, slot.start_date, slot.end_date FROM ok JOIN slot ON slot.id = ok.slot_id
   WHERE ok.place_in_line <= slot.capacity - slot.taken
), seat AS (
  UPDATE slots SET taken = slots.taken + w.seats, updated_at = now()
    FROM (SELECT slot_id, count(*)::int AS seats FROM win GROUP BY slot_id) w WHERE slots.id = w.slot_id
  RETURNING slots.id
), accepted AS (
  UPDATE applications SET status = 'accepted', decided_at = now(), updated_at = now()
    FROM win WHERE applications.id = win.id AND EXISTS (SELECT 1 FROM seat WHERE seat.id = win.slot_id)
  RETURNING applications.*
), placement AS (
  INSERT INTO placements (kind, application_id, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date)
  SELECT 'student', win.id, win.slot_id, win.enterprise_id, win.student_id, win.school_id, win.type, win.start_date, win.end_date
    FROM win JOIN accepted ON accepted.id = win.id
  RETURNING id, application_id
), event AS (
  INSERT INTO outbox_events (kind, subject_id, recipients, payload, traceparent)
  SELECT 'application.accepted', win.id,
         ARRAY(SELECT id FROM users WHERE id = ANY(ARRAY[win.student_id])
         UNION
         SELECT id FROM users WHERE organisation_id = ANY(ARRAY[win.enterprise_id, win.school_id]) AND role IN ('enterprise_admin', 'school_admin')
         ORDER BY id),
         jsonb_build_object('placementId', placement.id, 'slotId', win.slot_id), win.traceparent
    FROM win JOIN placement ON placement.application_id = win.id
  RETURNING id
)
SELECT r.id AS request_id, app.status AS was_status, app.school_approved_at IS NOT NULL AS was_approved,
       app.respond_by::text AS was_respond_by, placement.id AS placement_id, answer.*
  FROM req r
  LEFT JOIN app ON app.id = r.id
  LEFT JOIN placement ON placement.application_id = r.id
  LEFT JOIN (
  SELECT a.id, a.status, a.motivation, a.school_approved_at, a.school_sent_back_at, a.school_sent_back_reason, a.guardian_consent_at,
         a.respond_by::text, a.created_at, a.updated_at,
         s.id AS slot_id, s.title AS slot_title, s.type AS slot_type, s.start_date::text, s.end_date::text,
         e.id AS enterprise_id, e.name AS enterprise_name,
         u.id AS student_id, u.name AS student_name, st.major, st.enrolment_year, st.class_name, st.skills, st.certificates, st.self_introduction,
         sc.id AS school_id, sc.name AS school_name
    FROM accepted a
    JOIN slots s ON s.id = a.slot_id
    JOIN organisations e ON e.id = a.enterprise_id
    JOIN users u ON u.id = a.student_id
    JOIN students st ON st.user_id = a.student_id
    JOIN organisations sc ON sc.id = a.school_id) AS answer ON answer.id = r.id`,
  { prepared: true },
);
