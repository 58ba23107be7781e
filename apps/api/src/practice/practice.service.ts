import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingView, PracticeDayView, SchoolComplianceSummary, SchoolComplianceView, TeacherComplianceView } from '@skillbridge/contracts';
import { recordEvent } from '@skillbridge/db';
import { Actor, BookingStatus, DomainError, checkBooking, daysInclusive, dualQualifiedShare, notFound, teacherYear, today } from '@skillbridge/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { RulesService } from '../rules/rules.service';
import { OrganisationAccess } from '../tenancy/organisation-access.service';
import { BookDto, CalendarQuery, CompleteBookingDto, ListBookingsQuery } from './dto/booking.dto';
import { UUID } from '../common/ids';

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

const SELECT = `
  SELECT b.id, b.status, b.slot_id, s.title AS slot_title, b.enterprise_id, e.name AS enterprise_name, b.teacher_id, u.name AS teacher_name,
         b.school_id, b.start_date::text, b.end_date::text, b.days_served, b.evaluation, b.created_at
    FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN organisations e ON e.id = b.enterprise_id JOIN users u ON u.id = b.teacher_id`;

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

/** Which bookings an actor may see: their own, their enterprise's, their school's; EDU all; the platform admin all. */
function scope(actor: Actor): { sql: string; params: unknown[] } {
  switch (actor.role) {
    case 'teacher':
      return { sql: 'b.teacher_id = $1', params: [actor.userId] };
    case 'enterprise_admin':
      return { sql: 'b.enterprise_id = $1', params: [actor.organisationId] };
    case 'school_admin':
      return { sql: 'b.school_id = $1', params: [actor.organisationId] };
    case 'platform_admin':
      return { sql: 'true', params: [] };
    case 'bureau_officer':
      return actor.authority === 'EDU' ? { sql: 'true', params: [] } : { sql: 'false', params: [] };
    default:
      return { sql: 'false', params: [] };
  }
}

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
        const [slot] = await tx.query(
          `SELECT id, type, state, start_date::text AS "startDate", end_date::text AS "endDate", capacity, enterprise_id FROM slots WHERE id = $1 FOR SHARE`,
          [slotId],
        );
        if (!slot || slot.state === 'draft' || slot.state === 'cancelled') throw notFound('The slot');
        const [teacher] = await tx.query('SELECT school_id FROM teachers WHERE user_id = $1', [actor.userId]);
        if (!teacher) throw notFound('The teacher profile');
        checkBooking(await this.rules.forYear(Number(body.startDate.slice(0, 4))), slot, body, today());

        const [{ id }] = await tx.query(
          `INSERT INTO bookings (slot_id, teacher_id, school_id, enterprise_id, start_date, end_date) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [slotId, actor.userId, teacher.school_id, slot.enterprise_id, body.startDate, body.endDate],
        );
        // Rows lock in date order, so two bookings over the same days queue rather than deadlock.
        const days: unknown[] = await tx.query(
          `INSERT INTO practice_days (slot_id, day, taken)
           SELECT $1, d::date, 1 FROM generate_series($2::date, $3::date, interval '1 day') d ORDER BY d
           ON CONFLICT (slot_id, day) DO UPDATE SET taken = practice_days.taken + 1 WHERE practice_days.taken < $4
           RETURNING day`,
          [slotId, body.startDate, body.endDate, slot.capacity],
        );
        if (days.length < daysInclusive(body.startDate, body.endDate)) {
          throw new DomainError('SLOT_FULL', 'conflict', 'On some of these days the slot already hosts as many teachers as it can');
        }
        await recordEvent(tx, 'booking.booked', id, { users: [actor.userId], adminsOf: [slot.enterprise_id, teacher.school_id] });
        return id as string;
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
    const { sql, params } = scope(actor);
    const [row]: BookingRow[] = await tx.query(`${SELECT} WHERE b.id = $${params.length + 1} AND ${sql}`, [...params, id]);
    if (!row) throw gone();
    return view(row);
  }

  async list(actor: Actor, query: ListBookingsQuery): Promise<BookingView[]> {
    const { sql, params } = scope(actor);
    const where = [sql];
    const all = [...params];
    if (query.year) {
      all.push(query.year);
      where.push(`b.start_date <= make_date($${all.length}, 12, 31) AND b.end_date >= make_date($${all.length}, 1, 1)`);
    }
    if (query.status) {
      all.push(query.status);
      where.push(`b.status = $${all.length}`);
    }
    const rows: BookingRow[] = await this.db.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY b.start_date, b.id LIMIT 2000`, all);
    return rows.map(view);
  }

  /** Free capacity per day of a practice slot: the calendar a teacher books from. */
  async calendar(slotId: string, query: CalendarQuery): Promise<PracticeDayView[]> {
    if (!UUID.test(slotId)) throw notFound('The slot');
    if (query.to < query.from || daysInclusive(query.from, query.to) > 400) {
      throw new DomainError('INVALID_RANGE', 'invalid', 'Ask for at most 400 days, from before to');
    }
    const [slot] = await this.db.query(`SELECT capacity FROM slots WHERE id = $1 AND type = 'teacher_practice' AND state IN ('open', 'closed')`, [slotId]);
    if (!slot) throw notFound('The slot');
    const rows: Array<{ day: string; taken: number }> = await this.db.query(
      `SELECT d::date::text AS day, coalesce(p.taken, 0) AS taken
         FROM generate_series($2::date, $3::date, interval '1 day') d
         LEFT JOIN practice_days p ON p.slot_id = $1 AND p.day = d::date
        ORDER BY d`,
      [slotId, query.from, query.to],
    );
    return rows.map((r) => ({ day: r.day, taken: r.taken, free: Math.max(slot.capacity - r.taken, 0) }));
  }

  async confirm(actor: Actor, id: string): Promise<BookingView> {
    return this.move(actor, id, 'enterprise_id', actor.organisationId, ['booked'], 'confirmed', 'booking.confirmed');
  }

  /** The teacher cancels before the practice starts; the days are freed. */
  async cancel(actor: Actor, id: string): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.lock(tx, id, 'teacher_id', actor.userId);
      if (!['booked', 'confirmed'].includes(booking.status)) throw invalid(booking.status, 'cancel');
      if (booking.start_date <= today()) throw new DomainError('BOOKING_STARTED', 'conflict', 'A practice that has started cannot be cancelled');
      await tx.query(`UPDATE bookings SET status = 'cancelled', updated_at = now() WHERE id = $1`, [id]);
      await tx.query(`UPDATE practice_days SET taken = taken - 1 WHERE slot_id = $1 AND day BETWEEN $2 AND $3`, [booking.slot_id, booking.start_date, booking.end_date]);
      await recordEvent(tx, 'booking.cancelled', id, { users: [booking.teacher_id], adminsOf: [booking.enterprise_id, booking.school_id] });
      return this.get(actor, id, tx);
    });
  }

  /** The enterprise supervisor confirms the days actually served, once the practice has begun. */
  async complete(actor: Actor, id: string, body: CompleteBookingDto): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.lock(tx, id, 'enterprise_id', actor.organisationId);
      if (booking.status !== 'confirmed') throw invalid(booking.status, 'complete');
      if (booking.start_date > today()) throw new DomainError('BOOKING_NOT_STARTED', 'conflict', 'The practice has not started yet');
      const length = daysInclusive(booking.start_date, booking.end_date);
      if (body.daysServed > length) throw new DomainError('DAYS_SERVED_EXCEED_BOOKING', 'unprocessable', `The booking is ${length} days long`);
      await tx.query(`UPDATE bookings SET status = 'completed', days_served = $2, evaluation = $3, updated_at = now() WHERE id = $1`, [id, body.daysServed, body.evaluation?.trim() ?? null]);
      await recordEvent(tx, 'booking.completed', id, { users: [booking.teacher_id], adminsOf: [booking.school_id] });
      return this.get(actor, id, tx);
    });
  }

  /** §12 for one teacher: the teacher, their school's admins, EDU officers and the platform admin. */
  async teacherCompliance(actor: Actor, teacherId: string, year = thisYear()): Promise<TeacherComplianceView> {
    if (!UUID.test(teacherId)) throw notFound('The teacher');
    const [teacher] = await this.db.query('SELECT school_id FROM teachers WHERE user_id = $1', [teacherId]);
    if (!teacher) throw notFound('The teacher');
    if (actor.userId !== teacherId) await this.access.membersVisible(actor, teacher.school_id, ['school']).catch(() => Promise.reject(notFound('The teacher')));
    const bookings = await this.bookingsOf([teacherId], year);
    return { teacherId, year, ...teacherYear(await this.rules.forYear(year), year, bookings.get(teacherId) ?? []) };
  }

  /** §12 for a school: a row per teacher, and the dual-qualified share of specialty-course teachers against 60 %. */
  async schoolCompliance(actor: Actor, schoolId: string, year = thisYear()): Promise<SchoolComplianceView> {
    const school = await this.access.membersVisible(actor, schoolId, ['school']);
    const rules = await this.rules.forYear(year);
    const teachers: Array<{ user_id: string; name: string; specialty: string; specialty_course_teacher: boolean; dual_qualified: boolean }> = await this.db.query(
      `SELECT t.user_id, u.name, t.specialty, t.specialty_course_teacher, t.dual_qualified FROM teachers t JOIN users u ON u.id = t.user_id WHERE t.school_id = $1 ORDER BY u.name, t.user_id`,
      [schoolId],
    );
    const bookings = await this.bookingsOf(teachers.map((t) => t.user_id), year);
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
    const teachers: Array<{ user_id: string; school_id: string; school_name: string; specialty_course_teacher: boolean; dual_qualified: boolean }> = await this.db.query(
      `SELECT t.user_id, t.school_id, o.name AS school_name, t.specialty_course_teacher, t.dual_qualified
         FROM teachers t JOIN organisations o ON o.id = t.school_id ORDER BY o.name, o.id`,
    );
    const bookings = await this.bookingsOf(null, year);
    const bySchool = new Map<string, { name: string; rows: Array<{ compliant: boolean; specialtyCourseTeacher: boolean; dualQualified: boolean }> }>();
    for (const t of teachers) {
      const entry = bySchool.get(t.school_id) ?? { name: t.school_name, rows: [] };
      entry.rows.push({ ...teacherYear(rules, year, bookings.get(t.user_id) ?? []), specialtyCourseTeacher: t.specialty_course_teacher, dualQualified: t.dual_qualified });
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
    const rows: Array<{ teacher_id: string; start_date: string; end_date: string; status: BookingStatus; days_served: number | null }> = await this.db.query(
      `SELECT teacher_id, start_date::text, end_date::text, status, days_served FROM bookings
        WHERE status <> 'cancelled' AND start_date <= make_date($1, 12, 31) AND end_date >= make_date($1, 1, 1)
          ${teacherIds ? 'AND teacher_id = ANY($2::uuid[])' : ''}`,
      teacherIds ? [year, teacherIds] : [year],
    );
    const byTeacher = new Map<string, Array<{ startDate: string; endDate: string; status: BookingStatus; daysServed: number | null }>>();
    for (const r of rows) {
      const list = byTeacher.get(r.teacher_id) ?? [];
      list.push({ startDate: r.start_date, endDate: r.end_date, status: r.status, daysServed: r.days_served });
      byTeacher.set(r.teacher_id, list);
    }
    return byTeacher;
  }

  private async move(actor: Actor, id: string, column: string, owner: string | null, from: BookingStatus[], to: BookingStatus, event: 'booking.confirmed' | 'booking.cancelled' | 'booking.completed'): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.lock(tx, id, column, owner);
      if (!from.includes(booking.status)) throw invalid(booking.status, to);
      await tx.query(`UPDATE bookings SET status = $2, updated_at = now() WHERE id = $1`, [id, to]);
      await recordEvent(tx, event, id, { users: [booking.teacher_id], adminsOf: [booking.enterprise_id, booking.school_id] });
      return this.get(actor, id, tx);
    });
  }

  private async lock(tx: EntityManager, id: string, column: string, owner: string | null) {
    if (!UUID.test(id) || !owner) throw gone();
    const [row]: Array<{ status: BookingStatus; slot_id: string; teacher_id: string; enterprise_id: string; school_id: string; start_date: string; end_date: string }> = await tx.query(
      `SELECT status, slot_id, teacher_id, enterprise_id, school_id, start_date::text, end_date::text FROM bookings WHERE id = $1 AND ${column} = $2 FOR UPDATE`,
      [id, owner],
    );
    if (!row) throw gone();
    return row;
  }
}

const invalid = (status: string, move: string) => new DomainError('INVALID_TRANSITION', 'conflict', `A ${status} booking cannot be moved by ${move}`);
