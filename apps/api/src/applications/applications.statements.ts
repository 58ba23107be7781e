import { statement } from '@skillbridge/db';
import type { SlotState } from '@skillbridge/contracts';
import type { ApplicationStatus, SlotType } from '@skillbridge/domain';
import type { ApplicationRow } from './application.view';

/**
 * Applications' hand-written SQL: each statement named, its parameters and row typed. The set-based
 * accept has a module of its own (accept.statements.ts).
 */

/**
 * One application as the API shows it, read from one side (applicationsPolicy.reader): the student's own
 * ($2 the student). Every move answers with this read, so each side's text is prepared; the four differ
 * only in the side's column, and the accept reads its answer with the same columns.
 */
export const APPLICATION_AS_STUDENT = statement<[id: string, studentId: string], ApplicationRow>(
  'applications.read-as-student',
  `
  SELECT a.id, a.status, a.motivation, a.school_approved_at, a.school_sent_back_at, a.school_sent_back_reason, a.guardian_consent_at,
         a.respond_by::text, a.created_at, a.updated_at,
         s.id AS slot_id, s.title AS slot_title, s.type AS slot_type, s.start_date::text, s.end_date::text,
         e.id AS enterprise_id, e.name AS enterprise_name,
         u.id AS student_id, u.name AS student_name, st.major, st.enrolment_year, st.class_name, st.skills, st.certificates, st.self_introduction,
         sc.id AS school_id, sc.name AS school_name
    FROM applications a
    JOIN slots s ON s.id = a.slot_id
    JOIN organisations e ON e.id = a.enterprise_id
    JOIN users u ON u.id = a.student_id
    JOIN students st ON st.user_id = a.student_id
    JOIN organisations sc ON sc.id = a.school_id WHERE a.id = $1 AND a.student_id = $2`,
  { prepared: true },
);

/** An application to one of the enterprise's slots ($2 the enterprise). */
export const APPLICATION_AS_ENTERPRISE = statement<[id: string, enterpriseId: string], ApplicationRow>(
  'applications.read-as-enterprise',
  `
  SELECT a.id, a.status, a.motivation, a.school_approved_at, a.school_sent_back_at, a.school_sent_back_reason, a.guardian_consent_at,
         a.respond_by::text, a.created_at, a.updated_at,
         s.id AS slot_id, s.title AS slot_title, s.type AS slot_type, s.start_date::text, s.end_date::text,
         e.id AS enterprise_id, e.name AS enterprise_name,
         u.id AS student_id, u.name AS student_name, st.major, st.enrolment_year, st.class_name, st.skills, st.certificates, st.self_introduction,
         sc.id AS school_id, sc.name AS school_name
    FROM applications a
    JOIN slots s ON s.id = a.slot_id
    JOIN organisations e ON e.id = a.enterprise_id
    JOIN users u ON u.id = a.student_id
    JOIN students st ON st.user_id = a.student_id
    JOIN organisations sc ON sc.id = a.school_id WHERE a.id = $1 AND a.enterprise_id = $2`,
  { prepared: true },
);

/** An application of one of the school's students ($2 the school). */
export const APPLICATION_AS_SCHOOL = statement<[id: string, schoolId: string], ApplicationRow>(
  'applications.read-as-school',
  `
  SELECT a.id, a.status, a.motivation, a.school_approved_at, a.school_sent_back_at, a.school_sent_back_reason, a.guardian_consent_at,
         a.respond_by::text, a.created_at, a.updated_at,
         s.id AS slot_id, s.title AS slot_title, s.type AS slot_type, s.start_date::text, s.end_date::text,
         e.id AS enterprise_id, e.name AS enterprise_name,
         u.id AS student_id, u.name AS student_name, st.major, st.enrolment_year, st.class_name, st.skills, st.certificates, st.self_introduction,
         sc.id AS school_id, sc.name AS school_name
    FROM applications a
    JOIN slots s ON s.id = a.slot_id
    JOIN organisations e ON e.id = a.enterprise_id
    JOIN users u ON u.id = a.student_id
    JOIN students st ON st.user_id = a.student_id
    JOIN organisations sc ON sc.id = a.school_id WHERE a.id = $1 AND a.school_id = $2`,
  { prepared: true },
);

/** Any application (the platform admin). */
export const APPLICATION_AS_PLATFORM = statement<[id: string], ApplicationRow>(
  'applications.read',
  `
  SELECT a.id, a.status, a.motivation, a.school_approved_at, a.school_sent_back_at, a.school_sent_back_reason, a.guardian_consent_at,
         a.respond_by::text, a.created_at, a.updated_at,
         s.id AS slot_id, s.title AS slot_title, s.type AS slot_type, s.start_date::text, s.end_date::text,
         e.id AS enterprise_id, e.name AS enterprise_name,
         u.id AS student_id, u.name AS student_name, st.major, st.enrolment_year, st.class_name, st.skills, st.certificates, st.self_introduction,
         sc.id AS school_id, sc.name AS school_name
    FROM applications a
    JOIN slots s ON s.id = a.slot_id
    JOIN organisations e ON e.id = a.enterprise_id
    JOIN users u ON u.id = a.student_id
    JOIN students st ON st.user_id = a.student_id
    JOIN organisations sc ON sc.id = a.school_id WHERE a.id = $1`,
  { prepared: true },
);

/** FOR SHARE: a slot being closed right now waits for, or is seen closed by, this application. */
export const SLOT_TO_APPLY = statement<
  [slotId: string],
  { type: SlotType; state: SlotState; startDate: string; applicationDeadline: string | null; enterprise_id: string }
>(
  'applications.slot-to-apply',
  `SELECT type, state, start_date::text AS "startDate", application_deadline::text AS "applicationDeadline", enterprise_id FROM slots WHERE id = $1 FOR SHARE`,
);

export const APPLICANT = statement<[studentId: string], { school_id: string; dateOfBirth: string; enrolmentYear: number }>(
  'applications.applicant',
  `SELECT school_id, date_of_birth::text AS "dateOfBirth", enrolment_year AS "enrolmentYear" FROM students WHERE user_id = $1`,
);

export const INSERT_APPLICATION = statement<
  [slotId: string, studentId: string, schoolId: string, enterpriseId: string, motivation: string],
  { id: string }
>(
  'applications.insert',
  `INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, motivation) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
);

/** What the policy decides a move on, and the state it moves from; locked until the move commits. */
export const LOCK_APPLICATION = statement<
  [id: string],
  { status: ApplicationStatus; student_id: string; enterprise_id: string; school_id: string }
>('applications.lock', `SELECT status, student_id, enterprise_id, school_id FROM applications WHERE id = $1 FOR UPDATE`);

/** A move to `status` ($2); an offer sets its respond-by date ($3), a refusal or withdrawal is decided now. */
export const MOVE_APPLICATION = statement<[id: string, status: ApplicationStatus, respondBy: string | null], never>(
  'applications.move',
  `UPDATE applications SET status = $2, respond_by = coalesce($3::date, respond_by), updated_at = now(),
          decided_at = CASE WHEN $2 IN ('rejected', 'declined', 'withdrawn') THEN now() ELSE decided_at END
    WHERE id = $1`,
);

/** The school's approval, by $2, and a guardian's consent when $3: each recorded once, the first time. */
export const APPROVE_APPLICATION = statement<[id: string, approvedBy: string, guardianConsent: boolean], never>(
  'applications.approve',
  `UPDATE applications
      SET school_approved_at = coalesce(school_approved_at, now()), school_approved_by = coalesce(school_approved_by, $2),
          guardian_consent_at = CASE WHEN $3::boolean THEN coalesce(guardian_consent_at, now()) ELSE guardian_consent_at END,
          updated_at = now()
    WHERE id = $1`,
);

/**
 * The school sends an application back to the student with its reason ($2): only while it is live and
 * not yet approved — a concurrent approval, withdrawal or refusal that committed first leaves it unmatched.
 */
export const SEND_BACK_APPLICATION = statement<[id: string, reason: string, liveStatuses: readonly ApplicationStatus[]], { id: string }>(
  'applications.send-back',
  `UPDATE applications SET school_sent_back_at = now(), school_sent_back_reason = $2, updated_at = now()
    WHERE id = $1 AND school_approved_at IS NULL AND status = ANY($3::text[])
    RETURNING id`,
);

/**
 * The school's approval of many applications at once, in one statement: each of the school's ($2) listed
 * applications ($1) that is still live and not yet approved is approved by $3; the rest stay as they are
 * and the caller reports each with its reason. The rows are locked in id order first, so two bulk approvals
 * over the same rows queue instead of deadlocking; a row another move changed meanwhile is re-checked
 * against its new version (READ COMMITTED), so none is approved twice or out of its state.
 */
export const APPROVE_APPLICATIONS = statement<
  [ids: readonly string[], schoolId: string, approvedBy: string, liveStatuses: readonly ApplicationStatus[]],
  { id: string; student_id: string; enterprise_id: string }
>(
  'applications.approve-many',
  `WITH target AS (SELECT id FROM applications WHERE id = ANY($1::uuid[]) AND school_id = $2 ORDER BY id FOR UPDATE)
   UPDATE applications a
      SET school_approved_at = now(), school_approved_by = $3, updated_at = now()
     FROM target
    WHERE a.id = target.id AND a.school_approved_at IS NULL AND a.status = ANY($4::text[])
    RETURNING a.id, a.student_id, a.enterprise_id`,
);

/** Why each of the listed applications of the school ($2) was not approved: its state now. */
export const APPLICATIONS_STATE = statement<
  [ids: readonly string[], schoolId: string],
  { id: string; status: ApplicationStatus; approved: boolean }
>(
  'applications.state-of-many',
  `SELECT id, status, school_approved_at IS NOT NULL AS approved FROM applications WHERE id = ANY($1::uuid[]) AND school_id = $2`,
);

/** What a school's applications can be filtered by: its applicants' majors and classes, the enterprises applied to. */
export const SCHOOL_APPLICATION_FACETS = statement<
  [schoolId: string],
  { majors: string[] | null; classes: string[] | null; enterprises: Array<{ id: string; name: string }> | null }
>(
  'applications.school-facets',
  `SELECT (SELECT array_agg(DISTINCT st.major ORDER BY st.major) FROM applications a JOIN students st ON st.user_id = a.student_id
            WHERE a.school_id = $1) AS majors,
          (SELECT array_agg(DISTINCT st.class_name ORDER BY st.class_name) FROM applications a JOIN students st ON st.user_id = a.student_id
            WHERE a.school_id = $1 AND st.class_name <> '') AS classes,
          (SELECT json_agg(json_build_object('id', e.id, 'name', e.name) ORDER BY e.name) FROM organisations e
            WHERE e.id IN (SELECT a.enterprise_id FROM applications a WHERE a.school_id = $1)) AS enterprises`,
);
