import type { ApplicationView } from '@skillbridge/contracts';

/** An application joined to its slot, enterprise, student and school: a row of the reads in applications.statements.ts and of the list. */
export interface ApplicationRow {
  id: string;
  status: ApplicationView['status'];
  motivation: string;
  school_approved_at: Date | null;
  school_sent_back_at: Date | null;
  school_sent_back_reason: string | null;
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
  class_name: string;
  skills: string[];
  certificates: string[];
  self_introduction: string;
  school_id: string;
  school_name: string;
}

export const applicationView = (row: ApplicationRow): ApplicationView => ({
  id: row.id,
  status: row.status,
  motivation: row.motivation,
  slot: {
    id: row.slot_id,
    title: row.slot_title,
    type: row.slot_type,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    startDate: row.start_date,
    endDate: row.end_date,
  },
  student: {
    id: row.student_id,
    name: row.student_name,
    major: row.major,
    enrolmentYear: row.enrolment_year,
    schoolId: row.school_id,
    schoolName: row.school_name,
    className: row.class_name,
    skills: row.skills,
    certificates: row.certificates,
    selfIntroduction: row.self_introduction,
  },
  schoolApprovedAt: row.school_approved_at?.toISOString() ?? null,
  // An approval supersedes a sending back.
  schoolSentBack:
    row.school_sent_back_at && !row.school_approved_at
      ? { at: row.school_sent_back_at.toISOString(), reason: row.school_sent_back_reason ?? '' }
      : null,
  guardianConsentAt: row.guardian_consent_at?.toISOString() ?? null,
  respondBy: row.respond_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});
