import type { BookingStatus, BookingView } from '@skillbridge/contracts';
import { CANCELLABLE_BOOKING_STATUSES } from '@skillbridge/domain';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** Date arithmetic on YYYY-MM-DD strings. */
export const addDays = (day: string, days: number): string => dayjs(day).add(days, 'day').format('YYYY-MM-DD');
export const daysInclusive = (start: string, end: string): number => dayjs(end).diff(dayjs(start), 'day') + 1;
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);

/** One booking is one month: 30 days unless the year's rules say otherwise (the API decides). */
export const DEFAULT_BOOKING_DAYS = 30;
/** `GET /slots/:id/calendar` answers at most this many days at once. */
export const CALENDAR_MAX_DAYS = 400;

export const BOOKING_STATUS_COLOR: Record<BookingStatus, string> = {
  booked: 'processing',
  confirmed: 'cyan',
  completed: 'success',
  cancelled: 'default',
};
export const bookingStatusLabel = (t: TFunction, status: BookingStatus) => t(`practice.status.${status}`);

/** A teacher cancels before the start; the enterprise completes once started. */
export const cancellable = (b: BookingView, today: string) => CANCELLABLE_BOOKING_STATUSES.includes(b.status) && b.startDate > today;
export const startedBy = (b: BookingView, today: string) => b.startDate <= today;

/** The 60 % target comes as a decimal string ('0.60'). */
export const targetShare = (target: string) => Number(target);
