import type { BookingStatus, BookingView } from '@skillbridge/contracts';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** Today in Lanzhou (UTC+8), as the API counts it: every date of SkillBridge is a local calendar date there. */
export const lanzhouToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
export const lanzhouYear = (): number => Number(lanzhouToday().slice(0, 4));

/** Date arithmetic on YYYY-MM-DD strings. */
export const addDays = (day: string, days: number): string => dayjs(day).add(days, 'day').format('YYYY-MM-DD');
export const daysInclusive = (start: string, end: string): number => dayjs(end).diff(dayjs(start), 'day') + 1;
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);

/** One booking is one month: 30 days unless the year's rules say otherwise (the API decides). */
export const DEFAULT_BOOKING_DAYS = 30;
/** `GET /slots/:id/calendar` answers at most this many days at once. */
export const CALENDAR_MAX_DAYS = 400;

export const BOOKING_STATUS_COLOR: Record<BookingStatus, string> = { booked: 'processing', confirmed: 'cyan', completed: 'success', cancelled: 'default' };
export const bookingStatusLabel = (t: TFunction, status: BookingStatus) => t(`practice.status.${status}`);

/** A teacher cancels before the start; the enterprise completes once started. */
export const cancellable = (b: BookingView, today: string) => (b.status === 'booked' || b.status === 'confirmed') && b.startDate > today;
export const startedBy = (b: BookingView, today: string) => b.startDate <= today;

/** The years a picker offers: a few around this year and any year that has data. */
export function yearChoices(current: number, extra: number[] = []): number[] {
  return [...new Set([current - 2, current - 1, current, current + 1, ...extra])].sort((a, b) => b - a);
}

/** A share 0–1 as a percentage, e.g. 62.5 %. */
export const percentOf = (share: number, language: string) =>
  new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** The 60 % target comes as a decimal string ('0.60'). */
export const targetShare = (target: string) => Number(target);

/** The portal's palette, shared by the charts and the tags. */
export const CHART_COLORS = { green: '#38a169', amber: '#dd6b20', red: '#e53e3e', blue: '#2b6cb0', grey: '#cbd5e0', text: '#3e4c59', muted: '#8593a3' };
