/** What the platform admin's pages read: the year's rules with their history, and the personal-data access log. */

/** The numbers of a year's rules, by name (`shared/domain.md` §2); rates are decimal strings, the rest whole numbers. */
export const RULE_NAMES = [
  'internIntakeRate',
  'enterpriseInternCapRate',
  'postInternCapRate',
  'minimumInternAge',
  'stipendFloorRate',
  'maxDailyHours',
  'postInternshipMonths',
  'practiceBookingDays',
  'practiceDaysRequired',
  'dualQualifiedTarget',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** The rules that are rates (a share 0–1, as a decimal string); the others are whole numbers. */
export const RATE_RULES = [
  'internIntakeRate',
  'enterpriseInternCapRate',
  'postInternCapRate',
  'stipendFloorRate',
  'dualQualifiedTarget',
] as const;

/** One number of the rules as it was and as it became. */
export interface RuleDifference {
  rule: RuleName;
  before: string | number;
  after: string | number;
}

/** One save of a year's rules: who, when, and each number it changed. */
export interface RuleChangeView {
  id: number;
  year: number;
  changedAt: string;
  /** Null when the account is gone. */
  changedBy: { id: string; name: string; email: string } | null;
  changes: RuleDifference[];
}

/** The roles whose reads of students' data are logged, as the access log's filter offers them. */
export const ACCESS_LOG_ACTOR_ROLES = ['enterprise_admin', 'school_admin', 'bureau_officer', 'platform_admin'] as const;

/** One read of a person's data (the access log), as the platform admin searches them. */
export interface AccessLogEntryView {
  id: number;
  actorId: string;
  actorEmail: string;
  actorName: string | null;
  actorRole: string;
  subjectId: string;
  subjectName: string | null;
  /** What was read, e.g. `applications.list`. */
  what: string;
  why: string;
  at: string;
}
