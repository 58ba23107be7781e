import { ownValue } from './own';
import type { Role } from './tenancy';

/**
 * What people are told, through which channels, in their language. Pure: the worker loads the
 * facts, this decides the words.
 */
export type Channel = 'inbox' | 'email' | 'webhook';
export const CHANNELS: Channel[] = ['inbox', 'email', 'webhook'];
export type DeliveryMode = 'immediate' | 'digest';
export type NotificationLocale = 'zh-CN' | 'en';
/** Which side of an event a recipient stands on: the same event reads differently to each. */
export type Audience = 'student' | 'teacher' | 'enterprise' | 'school' | 'officer';

export const EVENT_KINDS = [
  'application.submitted',
  'application.shortlisted',
  'application.offered',
  'application.rejected',
  'application.approved',
  'application.sent-back',
  'application.accepted',
  'application.declined',
  'application.withdrawn',
  'application.expired',
  'placement.activated',
  'placement.completed',
  'placement.starting',
  'slot.deadline-approaching',
  'booking.booked',
  'booking.confirmed',
  'booking.cancelled',
  'booking.starting',
  'booking.completed',
  'practice.reminder',
  'quota.reminder',
  'enterprise.verified',
  'enterprise.refused',
  'import.done',
  'import.rejected',
  'round.matched',
  'round.unmatched',
  'round.published',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A move of an application: the respond-by date goes with an offer. */
type ApplicationMoved = { respondBy?: string };
type Nothing = Record<string, never>;

/**
 * What each event kind carries in its outbox payload, beside its subject: the one map that whoever
 * records an event (recordEvent) and the worker that tells people about it both read. A new kind
 * is added here, to EVENT_KINDS and to TEMPLATES (the compiler holds the three together), and the
 * worker refuses to start until the kind has a handler or is marked RECORDED_ONLY_KINDS.
 */
export interface EventPayloads {
  'application.submitted': { slotId: string };
  'application.shortlisted': ApplicationMoved;
  'application.offered': ApplicationMoved;
  'application.rejected': ApplicationMoved;
  'application.approved': Nothing;
  /** The school sent it back to the student, saying why. */
  'application.sent-back': { reason: string };
  /** Written by the accept statement (SQL): the placement it made. */
  'application.accepted': { placementId: string; slotId: string };
  'application.declined': ApplicationMoved;
  'application.withdrawn': ApplicationMoved;
  'application.expired': ApplicationMoved;
  'placement.activated': Nothing;
  'placement.completed': Nothing;
  'placement.starting': Nothing;
  'slot.deadline-approaching': { daysLeft: number; applicants: number };
  'booking.booked': Nothing;
  'booking.confirmed': Nothing;
  'booking.cancelled': Nothing;
  'booking.starting': Nothing;
  'booking.completed': Nothing;
  'practice.reminder': { year: number };
  'quota.reminder': { year: number; required: number; hosted: number; authority: string | null };
  'enterprise.verified': Nothing;
  'enterprise.refused': { reason: string };
  'import.done': { fileName: string; importedRows: number };
  'import.rejected': { fileName: string; errorCount: number };
  /** Written by the round's publication (SQL): the slot the student was matched to. */
  'round.matched': { slotId: string; applicationId: string };
  'round.unmatched': Nothing;
  'round.published': { matched: number };
}
// The map and the list name the same kinds: a kind missing from either fails to compile here.
type SameKinds = [keyof EventPayloads] extends [EventKind] ? ([EventKind] extends [keyof EventPayloads] ? true : never) : never;
const sameKinds: SameKinds = true;
void sameKinds;

/**
 * Kinds recorded for the history only (the outbox as a log), told to nobody: the worker skips them
 * on purpose. Every other kind must have a handler, or the worker does not start.
 */
export const RECORDED_ONLY_KINDS: readonly EventKind[] = [];

/** The event an application's move records: `application.<the state it moved to>`. */
export const applicationEvent = <S extends ApplicationStatusName>(to: S): `application.${S}` => `application.${to}`;
type StatusOf<K> = K extends `application.${infer S}` ? S : never;
type ApplicationStatusName = StatusOf<EventKind>;

/** The part of an event kind before the dot: what its subject is (the inbox opens it). */
export type EventArea = EventKind extends `${infer A}.${string}` ? A : never;
export const eventAreaOf = (kind: EventKind): EventArea => kind.slice(0, kind.indexOf('.')) as EventArea;

const STUDENT_SIDE: readonly Role[] = ['student', 'enterprise_admin', 'school_admin'];
const PRACTICE_SIDE: readonly Role[] = ['teacher', 'enterprise_admin', 'school_admin'];
/** Whoever starts an import hears how it went: a school's admin (people), an officer or the platform (headcounts). */
const IMPORTERS: readonly Role[] = ['school_admin', 'bureau_officer', 'platform_admin'];

/**
 * Who can be told of each kind, by role: the recipients its recorders name (recordEvent's audiences,
 * the accept and publish statements). The notification settings list a person only these kinds.
 */
export const KIND_ROLES: Record<EventKind, readonly Role[]> = {
  'application.submitted': STUDENT_SIDE,
  'application.shortlisted': STUDENT_SIDE,
  'application.offered': STUDENT_SIDE,
  'application.rejected': STUDENT_SIDE,
  'application.approved': ['student', 'enterprise_admin'],
  'application.sent-back': ['student', 'enterprise_admin'],
  'application.accepted': STUDENT_SIDE,
  'application.declined': STUDENT_SIDE,
  'application.withdrawn': STUDENT_SIDE,
  'application.expired': STUDENT_SIDE,
  'placement.activated': ['student', 'school_admin'],
  'placement.completed': ['student', 'school_admin'],
  'placement.starting': STUDENT_SIDE,
  'slot.deadline-approaching': ['enterprise_admin'],
  'booking.booked': PRACTICE_SIDE,
  'booking.confirmed': PRACTICE_SIDE,
  'booking.cancelled': PRACTICE_SIDE,
  'booking.starting': PRACTICE_SIDE,
  'booking.completed': ['teacher', 'school_admin'],
  'practice.reminder': ['teacher'],
  'quota.reminder': ['enterprise_admin'],
  'enterprise.verified': ['enterprise_admin'],
  'enterprise.refused': ['enterprise_admin'],
  'import.done': IMPORTERS,
  'import.rejected': IMPORTERS,
  'round.matched': ['student'],
  'round.unmatched': ['student'],
  'round.published': ['enterprise_admin', 'school_admin'],
};

/** The kinds that can reach a person of this role, in EVENT_KINDS' order. */
export const kindsReaching = (role: Role): EventKind[] => EVENT_KINDS.filter((kind) => KIND_ROLES[kind].includes(role));

export interface ChannelPreference {
  channels: Channel[];
  mode: DeliveryMode;
}

/** What matters enough for e-mail by default; everything reaches the inbox. Webhooks are opt-in. */
const EMAIL_BY_DEFAULT = new Set<EventKind>([
  'application.offered',
  'application.accepted',
  'application.expired',
  'placement.starting',
  'application.approved',
  'application.sent-back',
  'booking.confirmed',
  'booking.starting',
  'practice.reminder',
  'quota.reminder',
  'enterprise.verified',
  'enterprise.refused',
  'round.matched',
  'round.unmatched',
]);

export const defaultPreference = (kind: EventKind): ChannelPreference => ({
  channels: EMAIL_BY_DEFAULT.has(kind) ? ['inbox', 'email'] : ['inbox'],
  mode: 'immediate',
});

/** The preference in force: the person's own for the kind, else the default. */
export const preferenceFor = (kind: EventKind, stored: Partial<Record<string, ChannelPreference>>): ChannelPreference =>
  ownValue(stored, kind) ?? defaultPreference(kind);

export const audienceOf = (role: string): Audience =>
  role === 'student'
    ? 'student'
    : role === 'teacher'
      ? 'teacher'
      : role === 'enterprise_admin'
        ? 'enterprise'
        : role === 'school_admin'
          ? 'school'
          : 'officer';

/** The facts a message may mention. */
export interface MessageFacts {
  /** The slot an application is for: an enterprise's link opens it among the slot's applicants. */
  slotId?: string;
  slotTitle?: string;
  enterpriseName?: string;
  studentName?: string;
  respondBy?: string | null;
  startDate?: string;
  daysLeft?: number;
  applicants?: number;
  teacherName?: string;
  endDate?: string;
  daysServed?: number | null;
  year?: number;
  required?: number;
  hosted?: number;
  authority?: string;
  fileName?: string;
  importedRows?: number;
  errorCount?: number;
  roundName?: string;
  matched?: number;
  /** Why an enterprise was refused verification, or why a school sent an application back. */
  reason?: string;
}

type Words = { title: string; body: string };
type Template = Partial<Record<Audience, Record<NotificationLocale, Words>>> & { any: Record<NotificationLocale, Words> };

const TEMPLATES: Record<EventKind, Template> = {
  'application.submitted': {
    student: {
      'zh-CN': { title: '申请已提交', body: '你已申请「{slotTitle}」（{enterpriseName}），请留意企业回复。' },
      en: { title: 'Application sent', body: 'You applied for “{slotTitle}” at {enterpriseName}. Watch for their reply.' },
    },
    enterprise: {
      'zh-CN': { title: '收到新申请', body: '{studentName} 申请了「{slotTitle}」。' },
      en: { title: 'New application', body: '{studentName} applied for “{slotTitle}”.' },
    },
    any: {
      'zh-CN': { title: '学生提交了实习申请', body: '{studentName} 申请了 {enterpriseName} 的「{slotTitle}」。' },
      en: { title: 'A student applied', body: '{studentName} applied for “{slotTitle}” at {enterpriseName}.' },
    },
  },
  'application.shortlisted': {
    student: {
      'zh-CN': { title: '你已进入候选名单', body: '{enterpriseName} 将你列入「{slotTitle}」的候选名单。' },
      en: { title: 'You are shortlisted', body: '{enterpriseName} shortlisted you for “{slotTitle}”.' },
    },
    any: {
      'zh-CN': { title: '申请进入候选名单', body: '{studentName} 进入「{slotTitle}」候选名单。' },
      en: { title: 'Application shortlisted', body: '{studentName} was shortlisted for “{slotTitle}”.' },
    },
  },
  'application.offered': {
    student: {
      'zh-CN': { title: '你收到了录用通知', body: '{enterpriseName} 向你发出「{slotTitle}」的录用通知，请在 {respondBy} 前答复。' },
      en: { title: 'You have an offer', body: '{enterpriseName} offers you “{slotTitle}”. Answer by {respondBy}.' },
    },
    school: {
      'zh-CN': {
        title: '学生收到录用通知，待学校审批',
        body: '{studentName} 收到 {enterpriseName}「{slotTitle}」的录用通知，请审批；学生接受后生成三方协议，由学校、企业和学生签署。',
      },
      en: {
        title: 'An offer awaits the school’s approval',
        body: '{studentName} has an offer for “{slotTitle}” at {enterpriseName}: please approve it. Once the student accepts, the tripartite agreement is drafted for the school, the enterprise and the student to sign.',
      },
    },
    any: {
      'zh-CN': { title: '已发出录用通知', body: '已向 {studentName} 发出「{slotTitle}」录用通知，答复截止 {respondBy}。' },
      en: { title: 'Offer sent', body: 'Offer for “{slotTitle}” sent to {studentName}; answer due by {respondBy}.' },
    },
  },
  'application.rejected': {
    student: {
      'zh-CN': { title: '申请未通过', body: '很遗憾，{enterpriseName} 未录用你申请的「{slotTitle}」。看看其他推荐岗位吧。' },
      en: {
        title: 'Application not successful',
        body: '{enterpriseName} did not take you for “{slotTitle}”. Have a look at your other recommendations.',
      },
    },
    any: {
      'zh-CN': { title: '申请未通过', body: '{studentName} 的「{slotTitle}」申请未通过。' },
      en: { title: 'Application rejected', body: '{studentName}’s application for “{slotTitle}” was rejected.' },
    },
  },
  'application.approved': {
    student: {
      'zh-CN': { title: '学校已审批', body: '学校已审批你的「{slotTitle}」申请。' },
      en: { title: 'Your school approved', body: 'Your school approved your application for “{slotTitle}”.' },
    },
    any: {
      'zh-CN': { title: '学校已审批申请', body: '{studentName} 的「{slotTitle}」申请已获学校审批。' },
      en: { title: 'School approval recorded', body: 'The school approved {studentName}’s application for “{slotTitle}”.' },
    },
  },
  'application.sent-back': {
    student: {
      'zh-CN': { title: '学校退回了申请', body: '学校退回了你的「{slotTitle}」申请，原因：{reason}。请按要求补充后联系学校。' },
      en: {
        title: 'Your school sent your application back',
        body: 'Your school sent back your application for “{slotTitle}”. Reason: {reason}. Put it right and let the school know.',
      },
    },
    any: {
      'zh-CN': { title: '学校退回了申请', body: '学校退回了 {studentName} 的「{slotTitle}」申请，原因：{reason}。' },
      en: {
        title: 'Application sent back by the school',
        body: 'The school sent back {studentName}’s application for “{slotTitle}”. Reason: {reason}.',
      },
    },
  },
  'application.accepted': {
    student: {
      'zh-CN': { title: '实习已确认', body: '你已接受 {enterpriseName} 的「{slotTitle}」，开始日期 {startDate}。' },
      en: { title: 'Placement confirmed', body: 'You accepted “{slotTitle}” at {enterpriseName}, starting {startDate}.' },
    },
    any: {
      'zh-CN': { title: '学生已接受录用', body: '{studentName} 已接受「{slotTitle}」，开始日期 {startDate}。' },
      en: { title: 'Offer accepted', body: '{studentName} accepted “{slotTitle}”, starting {startDate}.' },
    },
  },
  'application.declined': {
    student: {
      'zh-CN': { title: '你已婉拒录用', body: '你婉拒了「{slotTitle}」。' },
      en: { title: 'You declined', body: 'You declined “{slotTitle}”.' },
    },
    any: {
      'zh-CN': { title: '学生婉拒了录用', body: '{studentName} 婉拒了「{slotTitle}」。' },
      en: { title: 'Offer declined', body: '{studentName} declined “{slotTitle}”.' },
    },
  },
  'application.withdrawn': {
    student: {
      'zh-CN': { title: '申请已撤回', body: '你撤回了「{slotTitle}」的申请。' },
      en: { title: 'Application withdrawn', body: 'You withdrew your application for “{slotTitle}”.' },
    },
    any: {
      'zh-CN': { title: '学生撤回了申请', body: '{studentName} 撤回了「{slotTitle}」的申请。' },
      en: { title: 'Application withdrawn', body: '{studentName} withdrew from “{slotTitle}”.' },
    },
  },
  'application.expired': {
    student: {
      'zh-CN': { title: '录用通知已过期', body: '「{slotTitle}」的录用通知已过答复期限 {respondBy}。' },
      en: { title: 'Offer expired', body: 'The offer for “{slotTitle}” expired on {respondBy}.' },
    },
    any: {
      'zh-CN': { title: '录用通知已过期', body: '{studentName} 未在 {respondBy} 前答复「{slotTitle}」，录用通知已过期。' },
      en: { title: 'Offer expired', body: '{studentName} did not answer the offer for “{slotTitle}” by {respondBy}.' },
    },
  },
  'placement.activated': {
    student: {
      'zh-CN': { title: '实习已开始', body: '你在 {enterpriseName} 的「{slotTitle}」已开始，祝顺利！' },
      en: { title: 'Placement started', body: 'Your placement “{slotTitle}” at {enterpriseName} has started. Good luck!' },
    },
    any: {
      'zh-CN': { title: '实习已开始', body: '{studentName} 在 {enterpriseName} 的「{slotTitle}」已开始。' },
      en: { title: 'Placement started', body: '{studentName}’s placement “{slotTitle}” at {enterpriseName} has started.' },
    },
  },
  'placement.completed': {
    student: {
      'zh-CN': { title: '实习已完成', body: '你在 {enterpriseName} 的「{slotTitle}」已完成，企业评价已记录。' },
      en: {
        title: 'Placement completed',
        body: 'Your placement “{slotTitle}” at {enterpriseName} is complete; the evaluation is recorded.',
      },
    },
    any: {
      'zh-CN': { title: '实习已完成', body: '{studentName} 完成了 {enterpriseName} 的「{slotTitle}」。' },
      en: { title: 'Placement completed', body: '{studentName} completed “{slotTitle}” at {enterpriseName}.' },
    },
  },
  'placement.starting': {
    student: {
      'zh-CN': { title: '实习即将开始', body: '你在 {enterpriseName} 的「{slotTitle}」将于 {startDate} 开始。' },
      en: { title: 'Your placement starts soon', body: '“{slotTitle}” at {enterpriseName} starts on {startDate}.' },
    },
    any: {
      'zh-CN': { title: '实习即将开始', body: '{studentName} 的「{slotTitle}」将于 {startDate} 开始，请做好保险和协议准备。' },
      en: {
        title: 'A placement starts soon',
        body: '{studentName}’s “{slotTitle}” starts on {startDate}: check insurance and the agreement.',
      },
    },
  },
  'slot.deadline-approaching': {
    any: {
      'zh-CN': { title: '岗位即将截止申请', body: '「{slotTitle}」将在 {daysLeft} 天后截止申请，目前有 {applicants} 份申请待处理。' },
      en: {
        title: 'Applications close soon',
        body: '“{slotTitle}” closes for applications in {daysLeft} days; {applicants} applications await review.',
      },
    },
  },
  'booking.booked': {
    teacher: {
      'zh-CN': {
        title: '实践预约已提交',
        body: '你已预约 {enterpriseName}「{slotTitle}」{startDate} 至 {endDate} 的企业实践，等待企业确认。',
      },
      en: {
        title: 'Practice booked',
        body: 'You booked “{slotTitle}” at {enterpriseName} from {startDate} to {endDate}; waiting for the enterprise to confirm.',
      },
    },
    any: {
      'zh-CN': { title: '新的教师实践预约', body: '{teacherName} 预约了「{slotTitle}」{startDate} 至 {endDate}，请确认。' },
      en: { title: 'New practice booking', body: '{teacherName} booked “{slotTitle}” from {startDate} to {endDate}: please confirm.' },
    },
  },
  'booking.confirmed': {
    teacher: {
      'zh-CN': { title: '企业已确认你的实践', body: '{enterpriseName} 已确认你 {startDate} 至 {endDate} 的企业实践。' },
      en: { title: 'Practice confirmed', body: '{enterpriseName} confirmed your practice from {startDate} to {endDate}.' },
    },
    any: {
      'zh-CN': { title: '教师实践已确认', body: '{teacherName} 在 {enterpriseName} 的实践（{startDate} 至 {endDate}）已确认。' },
      en: { title: 'Practice confirmed', body: '{teacherName}’s practice at {enterpriseName} ({startDate} to {endDate}) is confirmed.' },
    },
  },
  'booking.cancelled': {
    teacher: {
      'zh-CN': { title: '实践预约已取消', body: '你取消了 {enterpriseName}「{slotTitle}」的实践预约。' },
      en: { title: 'Practice cancelled', body: 'You cancelled your practice booking at {enterpriseName}.' },
    },
    any: {
      'zh-CN': { title: '教师取消了实践预约', body: '{teacherName} 取消了「{slotTitle}」{startDate} 起的实践预约。' },
      en: { title: 'Practice booking cancelled', body: '{teacherName} cancelled the booking of “{slotTitle}” from {startDate}.' },
    },
  },
  'booking.starting': {
    teacher: {
      'zh-CN': { title: '企业实践即将开始', body: '你在 {enterpriseName} 的企业实践将于 {startDate} 开始。' },
      en: { title: 'Your practice starts soon', body: 'Your practice at {enterpriseName} starts on {startDate}.' },
    },
    any: {
      'zh-CN': { title: '教师实践即将开始', body: '{teacherName} 将于 {startDate} 到 {enterpriseName} 开始企业实践。' },
      en: { title: 'A practice starts soon', body: '{teacherName} starts practice at {enterpriseName} on {startDate}.' },
    },
  },
  'booking.completed': {
    teacher: {
      'zh-CN': { title: '企业实践已完成', body: '{enterpriseName} 已确认你实践 {daysServed} 天。' },
      en: { title: 'Practice completed', body: '{enterpriseName} confirmed {daysServed} days of practice.' },
    },
    any: {
      'zh-CN': { title: '教师实践已完成', body: '{teacherName} 在 {enterpriseName} 完成企业实践 {daysServed} 天。' },
      en: { title: 'Practice completed', body: '{teacherName} completed {daysServed} days of practice at {enterpriseName}.' },
    },
  },
  'practice.reminder': {
    teacher: {
      'zh-CN': { title: '请预约今年的企业实践', body: '你在 {year} 年还没有企业实践预约。每位专业课教师每年需到企业实践至少一个月。' },
      en: {
        title: 'Book this year’s practice month',
        body: 'You have no enterprise practice booked for {year}. Every specialty teacher practises at least a month a year.',
      },
    },
    any: {
      'zh-CN': { title: '教师企业实践提醒', body: '{teacherName} 在 {year} 年还没有企业实践预约。' },
      en: { title: 'Practice reminder', body: '{teacherName} has no practice booked for {year}.' },
    },
  },
  'quota.reminder': {
    any: {
      'zh-CN': {
        title: '实习生接收配额提醒',
        body: '{enterpriseName} {year} 年应接收实习生 {required} 人，目前已接收 {hosted} 人，请尽快发布实习岗位。',
      },
      en: {
        title: 'Intern quota reminder',
        body: '{enterpriseName} should host {required} interns in {year}; {hosted} so far. Please post internship slots.',
      },
    },
  },
  'enterprise.verified': {
    any: {
      'zh-CN': { title: '企业认证已通过', body: '{enterpriseName} 已通过平台认证，现在可以发布岗位，并计入主管部门的配额统计。' },
      en: {
        title: 'Enterprise verified',
        body: '{enterpriseName} is verified: it can post slots now and counts in the bureaus’ quota figures.',
      },
    },
  },
  'enterprise.refused': {
    any: {
      'zh-CN': { title: '企业认证未通过', body: '{enterpriseName} 的认证申请未通过，原因：{reason}。请修改企业信息后重新提交。' },
      en: {
        title: 'Enterprise verification refused',
        body: '{enterpriseName} was not verified. Reason: {reason}. Correct the profile and it is submitted again.',
      },
    },
  },
  'import.done': {
    any: {
      'zh-CN': { title: '导入完成', body: '「{fileName}」已导入 {importedRows} 行。' },
      en: { title: 'Import finished', body: '“{fileName}”: {importedRows} rows imported.' },
    },
  },
  'import.rejected': {
    any: {
      'zh-CN': { title: '导入未通过校验', body: '「{fileName}」有 {errorCount} 处错误，未写入任何数据。请查看逐行报告并修改后重新上传。' },
      en: {
        title: 'Import rejected',
        body: '“{fileName}” has {errorCount} errors; nothing was written. See the row-by-row report, fix the file and upload it again.',
      },
    },
  },
  'round.matched': {
    student: {
      'zh-CN': {
        title: '撮合结果：你已匹配到岗位',
        body: '在「{roundName}」中，你匹配到 {enterpriseName} 的「{slotTitle}」，开始日期 {startDate}。三方协议已生成：各方签署、实习保险到位后即可上岗。',
      },
      en: {
        title: 'Match result: you have a place',
        body: 'In “{roundName}” you were matched to “{slotTitle}” at {enterpriseName}, starting {startDate}. The tripartite agreement has been drafted: you start once every party has signed it and the insurance is in place.',
      },
    },
    any: {
      'zh-CN': { title: '撮合结果：学生已匹配', body: '在「{roundName}」中，{studentName} 匹配到「{slotTitle}」。' },
      en: { title: 'Match result: a student was placed', body: 'In “{roundName}”, {studentName} was matched to “{slotTitle}”.' },
    },
  },
  'round.unmatched': {
    student: {
      'zh-CN': {
        title: '撮合结果：本轮未匹配',
        body: '很遗憾，你在「{roundName}」中未匹配到岗位。剩余名额将在第二轮撮合中开放，请留意通知。',
      },
      en: {
        title: 'Match result: no place this round',
        body: 'You were not matched in “{roundName}”. The seats left go to a second round: watch for its notice.',
      },
    },
    any: {
      'zh-CN': { title: '撮合结果：学生未匹配', body: '{studentName} 在「{roundName}」中未匹配到岗位。' },
      en: { title: 'Match result: a student was not placed', body: '{studentName} was not matched in “{roundName}”.' },
    },
  },
  'round.published': {
    any: {
      'zh-CN': { title: '撮合结果已发布', body: '「{roundName}」的结果已发布：你单位的岗位共匹配 {matched} 名学生，请在实习管理中查看。' },
      en: {
        title: 'Match results are out',
        body: 'The results of “{roundName}” are out: {matched} students were matched to your slots. See them under placements.',
      },
    },
  },
};

/** Whether this build has words for the kind (the worker's boot check asks). */
export const hasTemplate = (kind: string): boolean => Object.prototype.hasOwnProperty.call(TEMPLATES, kind);

/**
 * The message in the recipient's words. The kind and the locale come from stored rows, so each is
 * looked up among the tables' own keys: an unknown kind is an error that names it, an unknown
 * locale reads in Chinese.
 */
export function renderMessage(kind: EventKind, audience: Audience, locale: NotificationLocale, facts: MessageFacts): Words {
  const template = ownValue(TEMPLATES, kind);
  if (!template) throw new Error(`No message template for the event kind ${JSON.stringify(kind)}`);
  const texts = ownValue<Record<NotificationLocale, Words> | undefined>(template, audience) ?? template.any;
  const words = ownValue(texts, locale) ?? texts['zh-CN'];
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => String(ownValue<unknown>(facts as Record<string, unknown>, key) ?? '—'));
  return { title: fill(words.title), body: fill(words.body) };
}

export const isEventKind = (kind: string): kind is EventKind => (EVENT_KINDS as readonly string[]).includes(kind);

/** An inbox entry as stored: its kind and facts (rendered when read), or the words of an entry written before facts were kept. */
export interface StoredEntry {
  kind: string;
  /** MessageFacts, as the JSON column gives them back. */
  facts: object | null;
  title: string | null;
  body: string | null;
}

/**
 * An inbox entry in the reader's words: rendered from its facts in the reader's language now, so a
 * change of language changes the inbox; an entry kept only as words (written before facts were
 * stored, or of a kind this build has no words for) shows those words. Never blank: the table's
 * check holds facts or words on every row.
 */
export function renderEntry(entry: StoredEntry, audience: Audience, locale: NotificationLocale): Words {
  if (entry.facts && isEventKind(entry.kind)) return renderMessage(entry.kind, audience, locale, entry.facts as MessageFacts);
  return { title: entry.title ?? entry.kind, body: entry.body ?? '' };
}
