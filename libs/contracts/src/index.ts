/**
 * Request and response shapes shared by the API and the portal (`shared/api.md`).
 * Types and plain constants only: no runtime dependencies, so the portal can import it as source.
 */

export const ROLES = ['student', 'teacher', 'school_admin', 'enterprise_admin', 'bureau_officer', 'platform_admin'] as const;
export type Role = (typeof ROLES)[number];

/** 工信局 MIIT, 国资委 SASAC, 教育局 EDU (§13 of the seed plan). */
export const AUTHORITIES = ['MIIT', 'SASAC', 'EDU'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const OWNERSHIPS = ['municipal_soe', 'central_soe', 'private', 'foreign', 'other'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const ORGANISATION_KINDS = ['school', 'enterprise', 'training_base'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** 中职 secondary vocational, 高职 higher vocational. */
export const SCHOOL_LEVELS = ['secondary', 'higher'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** unverified → verified, or refused (with a reason) and back to unverified when the applicant corrects the profile. */
export const VERIFICATION_STATUSES = ['unverified', 'verified', 'refused'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  authority: Authority | null;
  locale: Locale;
}

export interface OrganisationSummary {
  id: string;
  kind: OrganisationKind;
  name: string;
  district: string;
}

/** `GET /me`: the user, with the organisation they belong to (if any). */
export interface MeView extends UserView {
  organisation: OrganisationSummary | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
  user: UserView;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface HeadcountView {
  year: number;
  employees: number;
  /** ceil(intake rate × employees) under that year's rules (§13: 2 %). */
  requiredIntake: number;
  /** Most interns the enterprise may host at once (10 % of staff). */
  internCap: number;
}

export interface EnterpriseView {
  id: string;
  name: string;
  uscc: string;
  ownership: Ownership;
  industry: string;
  district: string;
  verification: VerificationStatus;
  verifiedAt: string | null;
  /** Why the platform admin refused it (when refused): the applicant is told. */
  refusalReason: string | null;
  refusedAt: string | null;
  headcounts: HeadcountView[];
  createdAt: string;
}

/** An existing organisation with the same name or credit code as an enterprise awaiting verification. */
export interface SimilarOrganisation {
  id: string;
  name: string;
  uscc: string | null;
  verification: VerificationStatus;
  /** What matches: the name, the credit code, or both. */
  same: Array<'name' | 'uscc'>;
}

/** The platform admin's list of enterprises awaiting verification, each with what it may duplicate. */
export interface PendingEnterpriseView extends EnterpriseView {
  similar: SimilarOrganisation[];
}

export interface RefuseEnterpriseRequest {
  reason: string;
}

export interface RegisterEnterpriseRequest {
  name: string;
  uscc: string;
  ownership: Ownership;
  industry: string;
  district: string;
  adminName: string;
  adminEmail: string;
}

/** Finishes a registration (`POST /enterprises/confirm`): the link's secret and the admin's password; answers a LoginResponse. */
export interface ConfirmRegistrationRequest {
  token: string;
  password: string;
}

export interface SchoolView {
  id: string;
  name: string;
  level: SchoolLevel;
  district: string;
  createdAt: string;
}

export interface StudentView {
  id: string;
  name: string;
  email: string;
  schoolId: string;
  dateOfBirth: string;
  major: string;
  enrolmentYear: number;
  skills: string[];
  certificates: string[];
  preferredDistricts: string[];
  /** 班级, as the school states it ('' when not stated). */
  className: string;
  /** 自我介绍, in the student's words: the enterprises the student applies to read it. */
  selfIntroduction: string;
}

/** `PATCH /students/me`: what a student keeps up to date in their own profile. */
export interface UpdateStudentProfileRequest {
  skills?: string[];
  certificates?: string[];
  preferredDistricts?: string[];
  selfIntroduction?: string;
}

export interface TeacherView {
  id: string;
  name: string;
  email: string;
  schoolId: string;
  specialty: string;
  specialtyCourseTeacher: boolean;
  dualQualified: boolean;
}

/** Answer to creating a person: the initial password is shown once when none was given. */
export interface CreatedPerson<T> {
  person: T;
  initialPassword?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ProblemFieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the one error shape of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** A ProblemCode from the API (typed loosely: the portal dresses a network failure as `NETWORK_ERROR`). */
  code: string;
  errors?: ProblemFieldError[];
  requestId?: string;
  /** The numbers of the broken rule, e.g. `{ cap: 86, hosting: 80, requested: 10 }` for QUOTA_CAP_EXCEEDED. */
  facts?: Record<string, unknown>;
}

export const DEMO_PASSWORD = 'Demo#2026';
export const DEMO_DOMAIN = 'demo.skillbridge.cn';
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; role: Role; authority?: Authority }> = [
  { email: `admin@${DEMO_DOMAIN}`, role: 'platform_admin' },
  { email: `miit@${DEMO_DOMAIN}`, role: 'bureau_officer', authority: 'MIIT' },
  { email: `sasac@${DEMO_DOMAIN}`, role: 'bureau_officer', authority: 'SASAC' },
  { email: `edu@${DEMO_DOMAIN}`, role: 'bureau_officer', authority: 'EDU' },
  { email: `school@${DEMO_DOMAIN}`, role: 'school_admin' },
  { email: `teacher@${DEMO_DOMAIN}`, role: 'teacher' },
  { email: `student@${DEMO_DOMAIN}`, role: 'student' },
  { email: `hr@${DEMO_DOMAIN}`, role: 'enterprise_admin' },
  { email: `hr-soe@${DEMO_DOMAIN}`, role: 'enterprise_admin' },
];

// ——— The marketplace ———

export const SLOT_TYPES = ['internship', 'apprenticeship', 'teacher_practice'] as const;
export type SlotType = (typeof SLOT_TYPES)[number];
export const SLOT_STATES = ['draft', 'open', 'closed', 'cancelled'] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export interface SlotView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  type: SlotType;
  title: string;
  description: string;
  majors: string[];
  skills: string[];
  district: string;
  startDate: string;
  endDate: string;
  capacity: number;
  taken: number;
  seatsLeft: number;
  /** Monthly, in yuan, as decimal strings. */
  stipend: string | null;
  postWage: string | null;
  /** Regular staff in this post: interns in it are at most 20 % of them. */
  postStaff: number | null;
  hoursPerDay: string;
  nightShift: boolean;
  applicationDeadline: string | null;
  state: SlotState;
  publishedAt: string | null;
  /** Advice for the enterprise, e.g. POST_INTERNSHIP_LENGTH. */
  warnings: string[];
}

export interface CreateSlotRequest {
  type: SlotType;
  title: string;
  description: string;
  majors: string[];
  skills?: string[];
  district: string;
  startDate: string;
  endDate: string;
  capacity: number;
  stipend?: string;
  postWage?: string;
  postStaff?: number;
  hoursPerDay: string;
  nightShift: boolean;
  applicationDeadline?: string;
}

export type RecommendationReason =
  | { code: 'MAJOR_MATCH'; major: string }
  | { code: 'SKILLS_MATCH'; skills: string[] }
  | { code: 'PREFERRED_DISTRICT'; district: string }
  | { code: 'FITS_CALENDAR' }
  | { code: 'CLASHES_WITH_PLACEMENT' }
  | { code: 'SEATS_LEFT'; seatsLeft: number }
  | { code: 'DEADLINE_SOON'; daysLeft: number };

/** The parts a recommendation score is made of: the points each earned, out of its weight. */
export const SCORE_PARTS = ['major', 'skills', 'district', 'calendar', 'seats'] as const;
export type ScorePartName = (typeof SCORE_PARTS)[number];
export interface ScorePart {
  part: ScorePartName;
  points: number;
  max: number;
}

export interface RecommendedSlot {
  slot: SlotView;
  /** 匹配度: 0–100, the sum of `parts`. */
  score: number;
  reasons: RecommendationReason[];
  parts: ScorePart[];
}

/** 专业 levels of the national catalogue: 中职, 高职专科, 高职本科. */
export const MAJOR_LEVELS = ['secondary', 'associate', 'bachelor'] as const;
export type MajorLevel = (typeof MAJOR_LEVELS)[number];

/** A major of the national vocational major catalogue (职业教育专业目录). */
export interface MajorView {
  code: string;
  nameZh: string;
  nameEn: string;
  level: MajorLevel;
  /** 专业类, e.g. 自动化类. */
  category: string;
}

export const APPLICATION_STATUSES = [
  'submitted',
  'shortlisted',
  'offered',
  'accepted',
  'rejected',
  'withdrawn',
  'declined',
  'expired',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ApplicationView {
  id: string;
  status: ApplicationStatus;
  motivation: string;
  slot: { id: string; title: string; type: SlotType; enterpriseId: string; enterpriseName: string; startDate: string; endDate: string };
  /**
   * The applicant as the enterprise reviewing it and the school read them (issue 17): an enterprise's read
   * is logged in the personal-data access log.
   */
  student: {
    id: string;
    name: string;
    major: string;
    enrolmentYear: number;
    schoolId: string;
    schoolName: string;
    className: string;
    skills: string[];
    certificates: string[];
    selfIntroduction: string;
  };
  schoolApprovedAt: string | null;
  /** The school sent it back to the student, with its reason; null once approved or never sent back. */
  schoolSentBack: { at: string; reason: string } | null;
  guardianConsentAt: string | null;
  respondBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /applications/:id/send-back`: the school sends an application back to the student, saying why. */
export interface SendBackRequest {
  reason: string;
}

/** `POST /applications/approvals`: the school approves many at once. */
export interface BulkApproveRequest {
  applicationIds: string[];
}

/**
 * The answer of a bulk approval: each application either moved (`approved`) or is reported with the
 * code of its refusal — nothing half-done, whatever else approved or moved them meanwhile.
 */
export interface BulkApproveResult {
  approved: string[];
  refused: Array<{ id: string; code: 'NOT_FOUND' | 'INVALID_TRANSITION' | 'ALREADY_APPROVED'; status?: ApplicationStatus }>;
}

/** `GET /applications/filters`: what a school admin's applications can be filtered by. */
export interface ApplicationFilterOptions {
  majors: string[];
  classes: string[];
  enterprises: Array<{ id: string; name: string }>;
}

export const PLACEMENT_STATUSES = ['pending', 'active', 'completed', 'terminated'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export interface PlacementView {
  id: string;
  kind: 'student' | 'teacher';
  status: PlacementStatus;
  applicationId: string | null;
  slot: { id: string; title: string; type: SlotType };
  enterprise: { id: string; name: string };
  person: { id: string; name: string };
  schoolId: string;
  startDate: string;
  endDate: string;
  insurancePolicyNo: string | null;
  evaluation: string | null;
  daysServed: number | null;
  activatedAt: string | null;
  completedAt: string | null;
}

// ——— Notifications ———

export const CHANNELS = ['inbox', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Each entry as it happens, or gathered into a daily digest. */
export const NOTIFICATION_MODES = ['immediate', 'digest'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/**
 * An inbox entry in the reader's language (rendered from its kind and facts when read; an entry from before
 * facts were kept shows its words as written). Its subject (what it opens) is `subjectId` read by the area
 * of its kind (`application.offered` → an application); an application's entry names its slot too.
 */
export interface NotificationView {
  id: string;
  kind: string;
  subjectId: string;
  /** The slot of an application's entry (an enterprise opens it among the slot's applicants); else null. */
  slotId: string | null;
  title: string;
  body: string;
  readAt: string | null;
  createdAt: string;
}

/** The language a person's e-mails (and webhook messages) are written in, at sending. */
export interface NotificationLanguageView {
  locale: Locale;
}

export interface NotificationPreferenceView {
  kind: string;
  channels: Channel[];
  mode: NotificationMode;
  /** True when this is the default, not the person's own choice. */
  isDefault: boolean;
}

export interface DeadLetterView {
  id: string;
  eventId: string;
  kind: string;
  channel: Channel;
  userId: string;
  userEmail: string;
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}

// ——— Teacher enterprise practice ———

export const BOOKING_STATUSES = ['booked', 'confirmed', 'completed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface BookingView {
  id: string;
  status: BookingStatus;
  slot: { id: string; title: string; enterpriseId: string; enterpriseName: string };
  teacher: { id: string; name: string; schoolId: string };
  startDate: string;
  endDate: string;
  days: number;
  daysServed: number | null;
  evaluation: string | null;
  createdAt: string;
}

export interface PracticeDayView {
  day: string;
  taken: number;
  free: number;
}

export interface TeacherComplianceView {
  teacherId: string;
  year: number;
  daysBooked: number;
  daysServed: number;
  required: number;
  compliant: boolean;
}

export interface SchoolComplianceRow extends TeacherComplianceView {
  name: string;
  specialty: string;
  specialtyCourseTeacher: boolean;
  dualQualified: boolean;
}

export interface SchoolComplianceSummary {
  schoolId: string;
  schoolName: string;
  year: number;
  teachers: number;
  compliant: number;
  specialtyCourseTeachers: number;
  dualQualified: number;
  /** dualQualified / specialtyCourseTeachers, 0–1. */
  dualQualifiedShare: number;
  dualQualifiedTarget: string;
  meetsDualQualifiedTarget: boolean;
}

export interface SchoolComplianceView {
  summary: SchoolComplianceSummary;
  teachers: SchoolComplianceRow[];
}

// ——— Quota monitoring ———

export const QUOTA_STATUSES = ['met', 'on_track', 'at_risk', 'behind'] as const;
export type QuotaStatus = (typeof QUOTA_STATUSES)[number];

export interface QuotaRow {
  enterpriseId: string;
  name: string;
  uscc: string;
  ownership: Ownership;
  industry: string;
  district: string;
  year: number;
  employees: number | null;
  required: number;
  hosted: number;
  /** What is still to host: max(required − hosted, 0). */
  remaining: number;
  cap: number;
  status: QuotaStatus;
}

export interface QuotaSummary {
  year: number;
  enterprises: number;
  required: number;
  hosted: number;
  byStatus: Record<QuotaStatus, number>;
  byDistrict: Array<{ district: string; enterprises: number; required: number; hosted: number } & Record<QuotaStatus, number>>;
  byIndustry: Array<{ industry: string; enterprises: number; required: number; hosted: number } & Record<QuotaStatus, number>>;
}
export * from './admin';
export * from './districts';
export * from './imports';
export * from './match-rounds';
export * from './problems';
export * from './quota-export';
export * from './agreements';
