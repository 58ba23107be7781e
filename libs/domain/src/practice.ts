import type { BookingStatus } from '@skillbridge/contracts';
import { IsoDate, addDays, daysInclusive } from './dates';
import { DomainError, numericRefusal } from './errors';
import { YearRules } from './rules';
import { atLeastShareOf } from './decimal';

/** 教师企业实践 — a teacher's practice booking inside a slot's window (§12). */
export interface BookingRequest {
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface PracticeWindow {
  type: string;
  state: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

// The list is declared once, in libs/contracts (BOOKING_STATUSES).
export type { BookingStatus };

/** A teacher may cancel a booking in these states, before its first day: the days are freed. */
export const CANCELLABLE_BOOKING_STATUSES: BookingStatus[] = ['booked', 'confirmed'];

/** The enterprise confirms at most the booking's own days. */
export function checkDaysServed(daysServed: number, booking: { startDate: IsoDate; endDate: IsoDate }): void {
  const bookingDays = daysInclusive(booking.startDate, booking.endDate);
  if (daysServed > bookingDays) {
    throw numericRefusal('DAYS_SERVED_EXCEED_BOOKING', 'unprocessable', `The booking is ${bookingDays} days long`, {
      daysServed,
      bookingDays,
    });
  }
}

/** Checks a booking against the slot and the year's rules; throws the first problem. */
export function checkBooking(rules: YearRules, slot: PracticeWindow, booking: BookingRequest, today: IsoDate): void {
  if (slot.type !== 'teacher_practice')
    throw new DomainError('WRONG_SLOT_TYPE', 'unprocessable', 'Only teacher practice slots take bookings');
  if (slot.state !== 'open') throw new DomainError('SLOT_NOT_OPEN', 'conflict', 'The slot is not open for bookings');
  if (booking.endDate < booking.startDate)
    throw new DomainError('DATES_INVERTED', 'unprocessable', 'The end date is before the start date');
  if (booking.startDate < slot.startDate || booking.endDate > slot.endDate) {
    throw new DomainError('BOOKING_OUTSIDE_WINDOW', 'unprocessable', `The slot takes teachers from ${slot.startDate} to ${slot.endDate}`);
  }
  if (booking.startDate <= today) throw new DomainError('BOOKING_IN_PAST', 'unprocessable', 'A booking starts after today');
  const days = daysInclusive(booking.startDate, booking.endDate);
  if (days < rules.practiceBookingDays) {
    throw numericRefusal(
      'BOOKING_TOO_SHORT',
      'unprocessable',
      `A practice booking is at least ${rules.practiceBookingDays} days; this one is ${days}`,
      {
        days,
        required: rules.practiceBookingDays,
      },
    );
  }
}

/** The days of an inclusive range falling in each calendar year. */
export function daysByYear(startDate: IsoDate, endDate: IsoDate): Map<number, number> {
  const result = new Map<number, number>();
  let cursor = startDate;
  while (cursor <= endDate) {
    const year = Number(cursor.slice(0, 4));
    const yearEnd = `${year}-12-31` < endDate ? `${year}-12-31` : endDate;
    result.set(year, daysInclusive(cursor, yearEnd));
    cursor = addDays(yearEnd, 1);
  }
  return result;
}

/**
 * Served days spread over the years the booking spans, in proportion to its days in each
 * (largest remainder, so the parts add up exactly). A full booking from 15 December to
 * 13 January counts 17 days in the first year and 13 in the second.
 */
export function servedDaysByYear(startDate: IsoDate, endDate: IsoDate, daysServed: number): Map<number, number> {
  const byYear = daysByYear(startDate, endDate);
  const total = daysInclusive(startDate, endDate);
  const shares = [...byYear].map(([year, days]) => ({ year, exact: (daysServed * days) / total }));
  const result = new Map(shares.map((s) => [s.year, Math.floor(s.exact)]));
  let left = daysServed - [...result.values()].reduce((a, b) => a + b, 0);
  for (const s of [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.year - b.year)) {
    if (left-- <= 0) break;
    result.set(s.year, (result.get(s.year) ?? 0) + 1);
  }
  return result;
}

export interface TeacherYear {
  daysBooked: number;
  daysServed: number;
  required: number;
  compliant: boolean;
}

/** §12: compliant when the practice days served in the calendar year reach the rule (30). */
export function teacherYear(
  rules: YearRules,
  year: number,
  bookings: Array<{ startDate: IsoDate; endDate: IsoDate; status: BookingStatus; daysServed: number | null }>,
): TeacherYear {
  let daysBooked = 0;
  let daysServed = 0;
  for (const booking of bookings) {
    if (booking.status === 'cancelled') continue;
    daysBooked += daysByYear(booking.startDate, booking.endDate).get(year) ?? 0;
    if (booking.status === 'completed')
      daysServed += servedDaysByYear(booking.startDate, booking.endDate, booking.daysServed ?? 0).get(year) ?? 0;
  }
  return { daysBooked, daysServed, required: rules.practiceDaysRequired, compliant: daysServed >= rules.practiceDaysRequired };
}

/** §12: the dual-qualified share of specialty-course teachers against the target (60 %). */
export function dualQualifiedShare(
  rules: YearRules,
  specialtyCourseTeachers: number,
  dualQualified: number,
): { share: number; target: string; meetsTarget: boolean } {
  return {
    share: specialtyCourseTeachers === 0 ? 0 : dualQualified / specialtyCourseTeachers,
    target: rules.dualQualifiedTarget,
    meetsTarget: specialtyCourseTeachers > 0 && atLeastShareOf(dualQualified, rules.dualQualifiedTarget, specialtyCourseTeachers),
  };
}
