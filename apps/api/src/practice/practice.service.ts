import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BookingView,
  PracticeDayView,
  SchoolComplianceSummary,
  SchoolComplianceView,
  TeacherComplianceView,
} from '@skillbridge/contracts';
import { run, runOne } from '@skillbridge/db';
import {
  Actor,
  BookingStatus,
  DomainError,
  checkBooking,
  checkDaysServed,
  daysInclusive,
  dualQualifiedShare,
  notFound,
  teacherYear,
  today,
} from '@skillbridge/domain';
import { recordEvent } from '@skillbridge/notifications';
import { DataSource, EntityManager, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { RulesService } from '../rules/rules.service';
import { OrganisationAccess } from '../policies/organisation-access.service';
import { BookingAction, bookingsPolicy } from '../policies/bookings.policy';
import { BookDto, CalendarQuery, CompleteBookingDto, ListBookingsQuery } from './dto/booking.dto';
import { UUID } from '../common/ids';
import {
  ALL_TEACHERS,
  BOOKINGS_IN_YEAR,
  CALENDAR,
  COMPLETE_BOOKING,
  FREE_DAYS,
  INSERT_BOOKING,
  LOCK_BOOKING,
  LockedBooking,
  PRACTICE_SLOT_CAPACITY,
  SCHOOL_OF_TEACHER,
  SET_BOOKING_STATUS,
  SLOT_FOR_BOOKING,
  TAKE_DAYS,
  TEACHERS_OF_SCHOOL,
} from './practice.statements';

const gone = () => notFound('The booking');
const thisYear = () => Number(today().slice(0, 4));

interface BookingRow {
  id: string;
  status: BookingStatus;
  slot_id: string;
  slot_title: string;
  enterprise_id: string;
  enterprise_name: string;
  teacher_id: string;
  teacher_name: string;
  school_id: string;
  start_date: string;
  end_date: string;
  days_served: number | null;
  evaluation: string | null;
  created_at: Date;
}

/** Bookings (alias `b`) with their slot, enterprise and teacher, as the one query lists and reads refine. */
const bookings = (db: DataSource | EntityManager): SelectQueryBuilder<ObjectLiteral> =>
  db
    .createQueryBuilder()
    .from('bookings', 'b')
    .innerJoin('slots', 's', 's.id = b.slot_id')
    .innerJoin('organisations', 'e', 'e.id = b.enterprise_id')
    .innerJoin('users', 'u', 'u.id = b.teacher_id')
    .select(['b.id AS id', 'b.status AS status', 'b.slot_id AS slot_id', 's.title AS slot_title', 'b.enterprise_id AS enterprise_id'])
    .addSelect(['e.name AS enterprise_name', 'b.teacher_id AS teacher_id', 'u.name AS teacher_name', 'b.school_id AS school_id'])
    .addSelect([
      'b.start_date::text AS start_date',
      'b.end_date::text AS end_date',
      'b.days_served AS days_served',
      'b.evaluation AS evaluation',
    ])
    .addSelect('b.created_at', 'created_at');

const view = (row: BookingRow): BookingView => ({
  id: row.id,
  status: row.status,
  slot: { id: row.slot_id, title: row.slot_title, enterpriseId: row.enterprise_id, enterpriseName: row.enterprise_name },
  teacher: { id: row.teacher_id, name: row.teacher_name, schoolId: row.school_id },
  startDate: row.start_date,
  endDate: row.end_date,
  days: daysInclusive(row.start_date, row.end_date),
  daysServed: row.days_served,
  evaluation: row.evaluation,
  createdAt: row.created_at.toISOString(),
});

@Injectable()
export class PracticeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: RulesService,
    private readonly access: OrganisationAccess,
  ) {}

  /**
   * A teacher books a practice month. The teacher's bookings never overlap (an exclusion
   * constraint), and on no day does the slot hold more teachers than its capacity (a guarded
   * per-day upsert): both hold under parallel requests, guarded by the database itself.
   */
  async book(actor: Actor, slotId: string, body: BookDto): Promise<BookingView> {
    if (!UUID.test(slotId)) throw notFound('The slot');
    try {
      const id = await this.db.transaction(async (tx) => {
        const slot = await runOne(tx, SLOT_FOR_BOOKING, [slotId]);
        if (!slot || slot.state === 'draft' || slot.state === 'cancelled') throw notFound('The slot');
        const teacher = await runOne(tx, SCHOOL_OF_TEACHER, [actor.userId]);
        if (!teacher) throw notFound('The teacher profile');
        checkBooking(await this.rules.forYear(Number(body.startDate.slice(0, 4))), slot, body, today());

        const [{ id }] = await run(tx, INSERT_BOOKING, [
          slotId,
          actor.userId,
          teacher.school_id,
          slot.enterprise_id,
          body.startDate,
          body.endDate,
        ]);
        const days = await run(tx, TAKE_DAYS, [slotId, body.startDate, body.endDate, slot.capacity]);
        if (days.length < daysInclusive(body.startDate, body.endDate)) {
          throw new DomainError('SLOT_FULL', 'conflict', 'On some of these days the slot already hosts as many teachers as it can');
        }
        await recordEvent(tx, 'booking.booked', id, { users: [actor.userId], adminsOf: [slot.enterprise_id, teacher.school_id] });
        return id;
      });
      return this.get(actor, id);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01') {
        throw new DomainError('BOOKING_OVERLAP', 'conflict', 'You already have a practice booking on some of these days');
      }
      throw error;
    }
  }

  async get(actor: Actor, id: string, tx: EntityManager = this.db.manager): Promise<BookingView> {
    if (!UUID.test(id)) throw gone();
    const visible = bookingsPolicy.visible(actor);
    const row = await bookings(tx).where('b.id = :id', { id }).andWhere(visible.where, visible.params).getRawOne<BookingRow>();
    if (!row) throw gone();
    return view(row);
  }

  async list(actor: Actor, query: ListBookingsQuery): Promise<BookingView[]> {
    const visible = bookingsPolicy.visible(actor);
    const qb = bookings(this.db).where(visible.where, visible.params);
    if (query.year) qb.andWhere('b.start_date <= make_date(:year, 12, 31) AND b.end_date >= make_date(:year, 1, 1)', { year: query.year });
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    const rows = await qb.orderBy('b.start_date').addOrderBy('b.id').limit(2000).getRawMany<BookingRow>();
    return rows.map(view);
  }

  /** Free capacity per day of a practice slot: the calendar a teacher books from. */
  async calendar(slotId: string, query: CalendarQuery): Promise<PracticeDayView[]> {
    if (!UUID.test(slotId)) throw notFound('The slot');
    if (query.to < query.from || daysInclusive(query.from, query.to) > 400) {
      throw new DomainError('INVALID_RANGE', 'invalid', 'Ask for at most 400 days, from before to');
    }
    const slot = await runOne(this.db, PRACTICE_SLOT_CAPACITY, [slotId]);
    if (!slot) throw notFound('The slot');
    const rows = await run(this.db, CALENDAR, [slotId, query.from, query.to]);
    return rows.map((r) => ({ day: r.day, taken: r.taken, free: Math.max(slot.capacity - r.taken, 0) }));
  }

  async confirm(actor: Actor, id: string): Promise<BookingView> {
    return this.move(actor, id, 'confirm', ['booked'], 'confirmed', 'booking.confirmed');
  }

  /** The teacher cancels before the practice starts; the days are freed. */
  async cancel(actor: Actor, id: string): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.lock(tx, actor, id, 'cancel');
      if (!['booked', 'confirmed'].includes(booking.status)) throw invalid(booking.status, 'cancel');
      if (booking.start_date <= today())
        throw new DomainError('BOOKING_STARTED', 'conflict', 'A practice that has started cannot be cancelled');
      await run(tx, SET_BOOKING_STATUS, [id, 'cancelled']);
      await run(tx, FREE_DAYS, [booking.slot_id, booking.start_date, booking.end_date]);
      await recordEvent(tx, 'booking.cancelled', id, { users: [booking.teacher_id], adminsOf: [booking.enterprise_id, booking.school_id] });
      return this.get(actor, id, tx);
    });
  }

  /** The enterprise supervisor confirms the days actually served, once the practice has begun. */
  async complete(actor: Actor, id: string, body: CompleteBookingDto): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.lock(tx, actor, id, 'complete');
      if (booking.status !== 'confirmed') throw invalid(booking.status, 'complete');
      if (booking.start_date > today()) throw new DomainError('BOOKING_NOT_STARTED', 'conflict', 'The practice has not started yet');
      checkDaysServed(body.daysServed, { startDate: booking.start_date, endDate: booking.end_date });
      await run(tx, COMPLETE_BOOKING, [id, body.daysServed, body.evaluation?.trim() ?? null]);
      await recordEvent(tx, 'booking.completed', id, { users: [booking.teacher_id], adminsOf: [booking.school_id] });
      return this.get(actor, id, tx);
    });
  }

  /** §12 for one teacher: the teacher, their school's admins, EDU officers and the platform admin. */
  async teacherCompliance(actor: Actor, teacherId: string, year = thisYear()): Promise<TeacherComplianceView> {
    if (!UUID.test(teacherId)) throw notFound('The teacher');
    const teacher = await runOne(this.db, SCHOOL_OF_TEACHER, [teacherId]);
    if (!teacher) throw notFound('The teacher');
    if (actor.userId !== teacherId)
      await this.access.membersVisible(actor, teacher.school_id, ['school']).catch(() => Promise.reject(notFound('The teacher')));
    const bookings = await this.bookingsOf([teacherId], year);
    return { teacherId, year, ...teacherYear(await this.rules.forYear(year), year, bookings.get(teacherId) ?? []) };
  }

  /** §12 for a school: a row per teacher, and the dual-qualified share of specialty-course teachers against 60 %. */
  async schoolCompliance(actor: Actor, schoolId: string, year = thisYear()): Promise<SchoolComplianceView> {
    const school = await this.access.membersVisible(actor, schoolId, ['school']);
    const rules = await this.rules.forYear(year);
    const teachers = await run(this.db, TEACHERS_OF_SCHOOL, [schoolId]);
    const bookings = await this.bookingsOf(
      teachers.map((t) => t.user_id),
      year,
    );
    const rows = teachers.map((t) => ({
      teacherId: t.user_id,
      year,
      name: t.name,
      specialty: t.specialty,
      specialtyCourseTeacher: t.specialty_course_teacher,
      dualQualified: t.dual_qualified,
      ...teacherYear(rules, year, bookings.get(t.user_id) ?? []),
    }));
    return { summary: this.summarise(school.id, school.name, year, rows, rules), teachers: rows };
  }

  /** Every school's figures, for the education bureau. */
  async allSchools(year = thisYear()): Promise<SchoolComplianceSummary[]> {
    const rules = await this.rules.forYear(year);
    const teachers = await run(this.db, ALL_TEACHERS, []);
    const bookings = await this.bookingsOf(null, year);
    const bySchool = new Map<
      string,
      { name: string; rows: Array<{ compliant: boolean; specialtyCourseTeacher: boolean; dualQualified: boolean }> }
    >();
    for (const t of teachers) {
      const entry = bySchool.get(t.school_id) ?? { name: t.school_name, rows: [] };
      entry.rows.push({
        ...teacherYear(rules, year, bookings.get(t.user_id) ?? []),
        specialtyCourseTeacher: t.specialty_course_teacher,
        dualQualified: t.dual_qualified,
      });
      bySchool.set(t.school_id, entry);
    }
    return [...bySchool].map(([id, { name, rows }]) => this.summarise(id, name, year, rows, rules));
  }

  private summarise(
    schoolId: string,
    schoolName: string,
    year: number,
    rows: Array<{ compliant: boolean; specialtyCourseTeacher: boolean; dualQualified: boolean }>,
    rules: Awaited<ReturnType<RulesService['forYear']>>,
  ): SchoolComplianceSummary {
    const specialty = rows.filter((r) => r.specialtyCourseTeacher);
    const dual = specialty.filter((r) => r.dualQualified).length;
    const share = dualQualifiedShare(rules, specialty.length, dual);
    return {
      schoolId,
      schoolName,
      year,
      teachers: rows.length,
      compliant: rows.filter((r) => r.compliant).length,
      specialtyCourseTeachers: specialty.length,
      dualQualified: dual,
      dualQualifiedShare: share.share,
      dualQualifiedTarget: share.target,
      meetsDualQualifiedTarget: share.meetsTarget,
    };
  }

  /** Non-cancelled bookings overlapping the year, by teacher (all teachers when `teacherIds` is null). */
  private async bookingsOf(teacherIds: string[] | null, year: number) {
    const rows = await run(this.db, BOOKINGS_IN_YEAR, [year, teacherIds]);
    const byTeacher = new Map<string, Array<{ startDate: string; endDate: string; status: BookingStatus; daysServed: number | null }>>();
    for (const r of rows) {
      const list = byTeacher.get(r.teacher_id) ?? [];
      list.push({ startDate: r.start_date, endDate: r.end_date, status: r.status, daysServed: r.days_served });
      byTeacher.set(r.teacher_id, list);
    }
    return byTeacher;
  }

  private async move(
    actor: Actor,
    id: string,
    action: BookingAction,
    from: BookingStatus[],
    to: BookingStatus,
    event: 'booking.confirmed' | 'booking.cancelled' | 'booking.completed',
  ): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.lock(tx, actor, id, action);
      if (!from.includes(booking.status)) throw invalid(booking.status, to);
      await run(tx, SET_BOOKING_STATUS, [id, to]);
      await recordEvent(tx, event, id, { users: [booking.teacher_id], adminsOf: [booking.enterprise_id, booking.school_id] });
      return this.get(actor, id, tx);
    });
  }

  /** The booking, locked, if the actor may make this move; otherwise it does not exist for them (404). */
  private async lock(tx: EntityManager, actor: Actor, id: string, action: BookingAction): Promise<LockedBooking> {
    if (!UUID.test(id)) throw gone();
    const row = await runOne(tx, LOCK_BOOKING, [id]);
    if (!row || !bookingsPolicy.can(actor, action, row)) throw gone();
    return row;
  }
}

const invalid = (status: string, move: string) =>
  new DomainError('INVALID_TRANSITION', 'conflict', `A ${status} booking cannot be moved by ${move}`);
