import { statement } from '@skillbridge/db';
import type { BookingStatus } from '@skillbridge/domain';

/** Teacher practice's hand-written SQL (下企业实践): each statement named, its parameters and row typed. */

export interface PracticeSlotRow {
  id: string;
  type: string;
  state: string;
  startDate: string;
  endDate: string;
  capacity: number;
  enterprise_id: string;
}

/** FOR SHARE: a slot being closed right now waits for, or is seen closed by, this booking. */
export const SLOT_FOR_BOOKING = statement<[slotId: string], PracticeSlotRow>(
  'practice.slot-for-booking',
  `SELECT id, type, state, start_date::text AS "startDate", end_date::text AS "endDate", capacity, enterprise_id FROM slots WHERE id = $1 FOR SHARE`,
);

export const SCHOOL_OF_TEACHER = statement<[teacherId: string], { school_id: string }>(
  'practice.school-of-teacher',
  'SELECT school_id FROM teachers WHERE user_id = $1',
);

export const INSERT_BOOKING = statement<
  [slotId: string, teacherId: string, schoolId: string, enterpriseId: string, startDate: string, endDate: string],
  { id: string }
>(
  'practice.insert-booking',
  `INSERT INTO bookings (slot_id, teacher_id, school_id, enterprise_id, start_date, end_date) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
);

/**
 * Takes one place on each day of the booking, where the day has one left: a day already full returns
 * no row. Rows lock in date order, so two bookings over the same days queue rather than deadlock.
 */
export const TAKE_DAYS = statement<[slotId: string, from: string, to: string, capacity: number], { day: string }>(
  'practice.take-days',
  `INSERT INTO practice_days (slot_id, day, taken)
   SELECT $1, d::date, 1 FROM generate_series($2::date, $3::date, interval '1 day') d ORDER BY d
   ON CONFLICT (slot_id, day) DO UPDATE SET taken = practice_days.taken + 1 WHERE practice_days.taken < $4
   RETURNING day`,
);

/** Gives back the places a cancelled booking held. */
export const FREE_DAYS = statement<[slotId: string, from: string, to: string], never>(
  'practice.free-days',
  `UPDATE practice_days SET taken = taken - 1 WHERE slot_id = $1 AND day BETWEEN $2 AND $3`,
);

export const PRACTICE_SLOT_CAPACITY = statement<[slotId: string], { capacity: number }>(
  'practice.slot-capacity',
  `SELECT capacity FROM slots WHERE id = $1 AND type = 'teacher_practice' AND state IN ('open', 'closed')`,
);

export const CALENDAR = statement<[slotId: string, from: string, to: string], { day: string; taken: number }>(
  'practice.calendar',
  `SELECT d::date::text AS day, coalesce(p.taken, 0) AS taken
     FROM generate_series($2::date, $3::date, interval '1 day') d
     LEFT JOIN practice_days p ON p.slot_id = $1 AND p.day = d::date
    ORDER BY d`,
);

export interface LockedBooking {
  status: BookingStatus;
  slot_id: string;
  teacher_id: string;
  enterprise_id: string;
  school_id: string;
  start_date: string;
  end_date: string;
}

export const LOCK_BOOKING = statement<[bookingId: string], LockedBooking>(
  'practice.lock-booking',
  `SELECT status, slot_id, teacher_id, enterprise_id, school_id, start_date::text, end_date::text FROM bookings WHERE id = $1 FOR UPDATE`,
);

export const SET_BOOKING_STATUS = statement<[bookingId: string, status: BookingStatus], never>(
  'practice.set-status',
  `UPDATE bookings SET status = $2, updated_at = now() WHERE id = $1`,
);

export const COMPLETE_BOOKING = statement<[bookingId: string, daysServed: number, evaluation: string | null], never>(
  'practice.complete',
  `UPDATE bookings SET status = 'completed', days_served = $2, evaluation = $3, updated_at = now() WHERE id = $1`,
);

export const TEACHERS_OF_SCHOOL = statement<
  [schoolId: string],
  { user_id: string; name: string; specialty: string; specialty_course_teacher: boolean; dual_qualified: boolean }
>(
  'practice.teachers-of-school',
  `SELECT t.user_id, u.name, t.specialty, t.specialty_course_teacher, t.dual_qualified
     FROM teachers t JOIN users u ON u.id = t.user_id WHERE t.school_id = $1 ORDER BY u.name, t.user_id`,
);

export const ALL_TEACHERS = statement<
  [],
  { user_id: string; school_id: string; school_name: string; specialty_course_teacher: boolean; dual_qualified: boolean }
>(
  'practice.all-teachers',
  `SELECT t.user_id, t.school_id, o.name AS school_name, t.specialty_course_teacher, t.dual_qualified
     FROM teachers t JOIN organisations o ON o.id = t.school_id ORDER BY o.name, o.id`,
);

/** Non-cancelled bookings overlapping the year, of the given teachers (all teachers when null). */
export const BOOKINGS_IN_YEAR = statement<
  [year: number, teacherIds: string[] | null],
  { teacher_id: string; start_date: string; end_date: string; status: BookingStatus; days_served: number | null }
>(
  'practice.bookings-in-year',
  `SELECT teacher_id, start_date::text, end_date::text, status, days_served FROM bookings
    WHERE status <> 'cancelled' AND start_date <= make_date($1, 12, 31) AND end_date >= make_date($1, 1, 1)
      AND ($2::uuid[] IS NULL OR teacher_id = ANY($2::uuid[]))`,
);
