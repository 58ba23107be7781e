import type { ApplicationView } from '@skillbridge/contracts';

/** A row of the applications query below, as the API shows it. */
export interface ApplicationRow {
  id: string;
  status: ApplicationView['status'];
  motivation: string;
  school_approved_at: Date | null;
  guardian_consent_at: Date | null;
  respond_by: string | null;
  created_at: Date;
  updated_at: Date;
  slot_id: string;
  slot_title: string;
  slot_type: ApplicationView['slot']['type'];
  enterprise_id: string;
  enterprise_name: string;
  start_date: string;
  end_date: string;
  student_id: string;
  student_name: string;
  major: string;
  enrolment_year: number;
  school_id: string;
  school_name: string;
}

/**
 * The application as the API shows it, joined to its slot, enterprise, student and school.
 * `source` is what stands in for the applications table: the accept reads the row its own
 * UPDATE returned (a statement's later parts do not see its own writes in the table).
 */
export const applicationSelect = (source = 'applications'): string => `
  SELECT a.id, a.status, a.motivation, a.school_approved_at, a.guardian_consent_at, a.respond_by::text, a.created_at, a.updated_at,
         s.id AS slot_id, s.title AS slot_title, s.type AS slot_type, s.start_date::text, s.end_date::text,
         e.id AS enterprise_id, e.name AS enterprise_name,
         u.id AS student_id, u.name AS student_name, st.major, st.enrolment_year,
         sc.id AS school_id, sc.name AS school_name
    FROM ${source} a
    JOIN slots s ON s.id = a.slot_id
    JOIN organisations e ON e.id = a.enterprise_id
    JOIN users u ON u.id = a.student_id
    JOIN students st ON st.user_id = a.student_id
    JOIN organisations sc ON sc.id = a.school_id`;

export const APPLICATION_SELECT = applicationSelect();

export const applicationView = (row: ApplicationRow): ApplicationView => ({
  id: row.id,
  status: row.status,
  motivation: row.motivation,
  slot: { id: row.slot_id, title: row.slot_title, type: row.slot_type, enterpriseId: row.enterprise_id, enterpriseName: row.enterprise_name, startDate: row.start_date, endDate: row.end_date },
  student: { id: row.student_id, name: row.student_name, major: row.major, enrolmentYear: row.enrolment_year, schoolId: row.school_id, schoolName: row.school_name },
  schoolApprovedAt: row.school_approved_at?.toISOString() ?? null,
  guardianConsentAt: row.guardian_consent_at?.toISOString() ?? null,
  respondBy: row.respond_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});
