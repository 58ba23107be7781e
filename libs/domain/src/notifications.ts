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
  'application.accepted',
  'application.declined',
  'application.withdrawn',
  'application.expired',
  'placement.activated',
  'placement.completed',
  'placement.starting',
  'slot.deadline-approaching',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface ChannelPreference {
  channels: Channel[];
  mode: DeliveryMode;
}

/** What matters enough for e-mail by default; everything reaches the inbox. Webhooks are opt-in. */
const EMAIL_BY_DEFAULT = new Set<EventKind>(['application.offered', 'application.accepted', 'application.expired', 'placement.starting', 'application.approved']);

export const defaultPreference = (kind: EventKind): ChannelPreference => ({
  channels: EMAIL_BY_DEFAULT.has(kind) ? ['inbox', 'email'] : ['inbox'],
  mode: 'immediate',
});

/** The preference in force: the person's own for the kind, else the default. */
export const preferenceFor = (kind: EventKind, stored: Partial<Record<string, ChannelPreference>>): ChannelPreference => stored[kind] ?? defaultPreference(kind);

export const audienceOf = (role: string): Audience =>
  role === 'student' ? 'student' : role === 'teacher' ? 'teacher' : role === 'enterprise_admin' ? 'enterprise' : role === 'school_admin' ? 'school' : 'officer';

/** The facts a message may mention. */
export interface MessageFacts {
  slotTitle?: string;
  enterpriseName?: string;
  studentName?: string;
  respondBy?: string | null;
  startDate?: string;
  daysLeft?: number;
  applicants?: number;
}

type Words = { title: string; body: string };
type Template = Partial<Record<Audience, Record<NotificationLocale, Words>>> & { any: Record<NotificationLocale, Words> };

const TEMPLATES: Record<EventKind, Template> = {
  'application.submitted': {
    student: { 'zh-CN': { title: '申请已提交', body: '你已申请「{slotTitle}」（{enterpriseName}），请留意企业回复。' }, en: { title: 'Application sent', body: 'You applied for “{slotTitle}” at {enterpriseName}. Watch for their reply.' } },
    enterprise: { 'zh-CN': { title: '收到新申请', body: '{studentName} 申请了「{slotTitle}」。' }, en: { title: 'New application', body: '{studentName} applied for “{slotTitle}”.' } },
    any: { 'zh-CN': { title: '学生提交了实习申请', body: '{studentName} 申请了 {enterpriseName} 的「{slotTitle}」。' }, en: { title: 'A student applied', body: '{studentName} applied for “{slotTitle}” at {enterpriseName}.' } },
  },
  'application.shortlisted': {
    student: { 'zh-CN': { title: '你已进入候选名单', body: '{enterpriseName} 将你列入「{slotTitle}」的候选名单。' }, en: { title: 'You are shortlisted', body: '{enterpriseName} shortlisted you for “{slotTitle}”.' } },
    any: { 'zh-CN': { title: '申请进入候选名单', body: '{studentName} 进入「{slotTitle}」候选名单。' }, en: { title: 'Application shortlisted', body: '{studentName} was shortlisted for “{slotTitle}”.' } },
  },
  'application.offered': {
    student: { 'zh-CN': { title: '你收到了录用通知', body: '{enterpriseName} 向你发出「{slotTitle}」的录用通知，请在 {respondBy} 前答复。' }, en: { title: 'You have an offer', body: '{enterpriseName} offers you “{slotTitle}”. Answer by {respondBy}.' } },
    school: { 'zh-CN': { title: '学生收到录用通知，待学校审批', body: '{studentName} 收到 {enterpriseName}「{slotTitle}」的录用通知，请审批三方协议。' }, en: { title: 'An offer awaits the school’s approval', body: '{studentName} has an offer for “{slotTitle}” at {enterpriseName}: please approve the tripartite agreement.' } },
    any: { 'zh-CN': { title: '已发出录用通知', body: '已向 {studentName} 发出「{slotTitle}」录用通知，答复截止 {respondBy}。' }, en: { title: 'Offer sent', body: 'Offer for “{slotTitle}” sent to {studentName}; answer due by {respondBy}.' } },
  },
  'application.rejected': {
    student: { 'zh-CN': { title: '申请未通过', body: '很遗憾，{enterpriseName} 未录用你申请的「{slotTitle}」。看看其他推荐岗位吧。' }, en: { title: 'Application not successful', body: '{enterpriseName} did not take you for “{slotTitle}”. Have a look at your other recommendations.' } },
    any: { 'zh-CN': { title: '申请未通过', body: '{studentName} 的「{slotTitle}」申请未通过。' }, en: { title: 'Application rejected', body: '{studentName}’s application for “{slotTitle}” was rejected.' } },
  },
  'application.approved': {
    student: { 'zh-CN': { title: '学校已审批', body: '学校已审批你的「{slotTitle}」申请。' }, en: { title: 'Your school approved', body: 'Your school approved your application for “{slotTitle}”.' } },
    any: { 'zh-CN': { title: '学校已审批申请', body: '{studentName} 的「{slotTitle}」申请已获学校审批。' }, en: { title: 'School approval recorded', body: 'The school approved {studentName}’s application for “{slotTitle}”.' } },
  },
  'application.accepted': {
    student: { 'zh-CN': { title: '实习已确认', body: '你已接受 {enterpriseName} 的「{slotTitle}」，开始日期 {startDate}。' }, en: { title: 'Placement confirmed', body: 'You accepted “{slotTitle}” at {enterpriseName}, starting {startDate}.' } },
    any: { 'zh-CN': { title: '学生已接受录用', body: '{studentName} 已接受「{slotTitle}」，开始日期 {startDate}。' }, en: { title: 'Offer accepted', body: '{studentName} accepted “{slotTitle}”, starting {startDate}.' } },
  },
  'application.declined': {
    student: { 'zh-CN': { title: '你已婉拒录用', body: '你婉拒了「{slotTitle}」。' }, en: { title: 'You declined', body: 'You declined “{slotTitle}”.' } },
    any: { 'zh-CN': { title: '学生婉拒了录用', body: '{studentName} 婉拒了「{slotTitle}」。' }, en: { title: 'Offer declined', body: '{studentName} declined “{slotTitle}”.' } },
  },
  'application.withdrawn': {
    student: { 'zh-CN': { title: '申请已撤回', body: '你撤回了「{slotTitle}」的申请。' }, en: { title: 'Application withdrawn', body: 'You withdrew your application for “{slotTitle}”.' } },
    any: { 'zh-CN': { title: '学生撤回了申请', body: '{studentName} 撤回了「{slotTitle}」的申请。' }, en: { title: 'Application withdrawn', body: '{studentName} withdrew from “{slotTitle}”.' } },
  },
  'application.expired': {
    student: { 'zh-CN': { title: '录用通知已过期', body: '「{slotTitle}」的录用通知已过答复期限 {respondBy}。' }, en: { title: 'Offer expired', body: 'The offer for “{slotTitle}” expired on {respondBy}.' } },
    any: { 'zh-CN': { title: '录用通知已过期', body: '{studentName} 未在 {respondBy} 前答复「{slotTitle}」，录用通知已过期。' }, en: { title: 'Offer expired', body: '{studentName} did not answer the offer for “{slotTitle}” by {respondBy}.' } },
  },
  'placement.activated': {
    student: { 'zh-CN': { title: '实习已开始', body: '你在 {enterpriseName} 的「{slotTitle}」已开始，祝顺利！' }, en: { title: 'Placement started', body: 'Your placement “{slotTitle}” at {enterpriseName} has started. Good luck!' } },
    any: { 'zh-CN': { title: '实习已开始', body: '{studentName} 在 {enterpriseName} 的「{slotTitle}」已开始。' }, en: { title: 'Placement started', body: '{studentName}’s placement “{slotTitle}” at {enterpriseName} has started.' } },
  },
  'placement.completed': {
    student: { 'zh-CN': { title: '实习已完成', body: '你在 {enterpriseName} 的「{slotTitle}」已完成，企业评价已记录。' }, en: { title: 'Placement completed', body: 'Your placement “{slotTitle}” at {enterpriseName} is complete; the evaluation is recorded.' } },
    any: { 'zh-CN': { title: '实习已完成', body: '{studentName} 完成了 {enterpriseName} 的「{slotTitle}」。' }, en: { title: 'Placement completed', body: '{studentName} completed “{slotTitle}” at {enterpriseName}.' } },
  },
  'placement.starting': {
    student: { 'zh-CN': { title: '实习即将开始', body: '你在 {enterpriseName} 的「{slotTitle}」将于 {startDate} 开始。' }, en: { title: 'Your placement starts soon', body: '“{slotTitle}” at {enterpriseName} starts on {startDate}.' } },
    any: { 'zh-CN': { title: '实习即将开始', body: '{studentName} 的「{slotTitle}」将于 {startDate} 开始，请做好保险和协议准备。' }, en: { title: 'A placement starts soon', body: '{studentName}’s “{slotTitle}” starts on {startDate}: check insurance and the agreement.' } },
  },
  'slot.deadline-approaching': {
    any: { 'zh-CN': { title: '岗位即将截止申请', body: '「{slotTitle}」将在 {daysLeft} 天后截止申请，目前有 {applicants} 份申请待处理。' }, en: { title: 'Applications close soon', body: '“{slotTitle}” closes for applications in {daysLeft} days; {applicants} applications await review.' } },
  },
};

export function renderMessage(kind: EventKind, audience: Audience, locale: NotificationLocale, facts: MessageFacts): Words {
  const template = TEMPLATES[kind];
  const words = (template[audience] ?? template.any)[locale];
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: keyof MessageFacts) => String(facts[key] ?? '—'));
  return { title: fill(words.title), body: fill(words.body) };
}

export const isEventKind = (kind: string): kind is EventKind => (EVENT_KINDS as readonly string[]).includes(kind);
