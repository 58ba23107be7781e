import type {
  BookingView,
  PracticeDayView,
  SchoolComplianceSummary,
  SchoolComplianceView,
  SlotView,
  TeacherComplianceView,
} from '@skillbridge/contracts';
import { TestApi, demo } from '../../../test/support/test-api';

describe('teacher enterprise practice (integration)', () => {
  let api: TestApi;
  let hr: string;
  let teacher: string;
  let teacherId: string;
  beforeAll(async () => {
    api = await TestApi.start();
    [hr, teacher] = await Promise.all([api.token(demo('hr')), api.token(demo('teacher'))]);
    teacherId = await api.userId(demo('teacher'));
  });
  afterAll(() => api.stop());

  /** An open teacher-practice slot of hr@'s enterprise: a window and a per-day capacity. */
  const practiceSlot = async (capacity: number, startDate = '2027-01-01', endDate = '2027-12-31'): Promise<SlotView> => {
    const created = await api.request<SlotView>('POST', '/slots', {
      token: hr,
      body: {
        type: 'teacher_practice',
        title: '数控车间教师实践',
        description: '参与生产与工艺改进',
        majors: ['数控技术'],
        district: '七里河区',
        startDate,
        endDate,
        capacity,
        hoursPerDay: '8',
        nightShift: false,
      },
    });
    expect(created.status).toBe(201);
    return (await api.request<SlotView>('POST', `/slots/${created.body.id}/publish`, { token: hr })).body;
  };

  /** Teachers of the demo school, made in SQL, with tokens. */
  const teachers = async (count: number, tag: string): Promise<Array<{ id: string; token: string }>> => {
    const schoolId = await api.organisationOf(demo('school'));
    const rows: Array<{ id: string }> = await api.db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id)
                  SELECT 'teacher-' || $2 || '-' || n || '@example.cn', 'x', '教师' || n, 'teacher', $1 FROM generate_series(1, $3) n RETURNING id)
       INSERT INTO teachers (user_id, school_id, specialty, specialty_course_teacher, dual_qualified) SELECT id, $1, '数控技术', true, false FROM u RETURNING user_id AS id`,
      [schoolId, tag, count],
    );
    return Promise.all(rows.map(async (r) => ({ id: r.id, token: await api.tokenFor(r.id) })));
  };

  it('a teacher books a month; overlapping, too short, outside the window and over-capacity bookings are refused', async () => {
    const slot = await practiceSlot(1);
    const booked = await api.request<BookingView>('POST', `/slots/${slot.id}/bookings`, {
      token: teacher,
      body: { startDate: '2027-07-01', endDate: '2027-07-30' },
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ status: 'booked', days: 30, teacher: { id: teacherId } });

    const refusals: Array<[Record<string, string>, number, string, string?]> = [
      [{ startDate: '2027-07-20', endDate: '2027-08-18' }, 409, 'BOOKING_OVERLAP'],
      [{ startDate: '2027-09-01', endDate: '2027-09-20' }, 422, 'BOOKING_TOO_SHORT'],
      [{ startDate: '2027-12-15', endDate: '2028-01-13' }, 422, 'BOOKING_OUTSIDE_WINDOW'],
      [{ startDate: '2027-07-15', endDate: '2027-08-13' }, 409, 'SLOT_FULL', 'teacher2'],
    ];
    for (const [body, status, code, who] of refusals) {
      const token = who ? await api.token(demo(who)) : teacher;
      const reply = await api.request('POST', `/slots/${slot.id}/bookings`, { token, body });
      expect({ code, reply: reply.body }).toMatchObject({ code, reply: { status, code } });
    }
    const calendar = await api.request<PracticeDayView[]>('GET', `/slots/${slot.id}/calendar?from=2027-06-30&to=2027-07-01`, {
      token: teacher,
    });
    expect(calendar.body).toEqual([
      { day: '2027-06-30', taken: 0, free: 1 },
      { day: '2027-07-01', taken: 1, free: 0 },
    ]);
  });

  it('under parallel bookings a capacity-2 slot never holds more than 2 teachers on any day', async () => {
    const slot = await practiceSlot(2);
    const crowd = await teachers(12, 'race');
    // Staggered months over one summer: many overlap, in different ways.
    const replies = await Promise.all(
      crowd.map((t, i) => {
        const start = `2027-06-${String(1 + (i % 6) * 5).padStart(2, '0')}`;
        const end = new Date(Date.parse(`${start}T00:00:00Z`) + 29 * 86_400_000).toISOString().slice(0, 10);
        return api.request('POST', `/slots/${slot.id}/bookings`, { token: t.token, body: { startDate: start, endDate: end } });
      }),
    );
    expect(replies.every((r) => r.status === 201 || (r.body as { code: string }).code === 'SLOT_FULL')).toBe(true);
    expect(replies.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(2);
    const [{ worst, mismatched }] = await api.db.query(
      `SELECT max(held)::int AS worst, count(*) FILTER (WHERE held <> coalesce(p.taken, 0))::int AS mismatched FROM (
         SELECT d::date AS day, count(b.id) AS held FROM generate_series('2027-06-01'::date, '2027-08-31'::date, interval '1 day') d
           LEFT JOIN bookings b ON b.slot_id = $1 AND b.status <> 'cancelled' AND d::date BETWEEN b.start_date AND b.end_date GROUP BY d) x
         LEFT JOIN practice_days p ON p.slot_id = $1 AND p.day = x.day`,
      [slot.id],
    );
    expect({ worst, mismatched }).toEqual({ worst: 2, mismatched: 0 });
  });

  it('one teacher booking overlapping months in parallel keeps exactly one', async () => {
    const slot = await practiceSlot(10);
    const [someone] = await teachers(1, 'solo');
    const replies = await Promise.all(
      ['2027-03-01', '2027-03-05', '2027-03-10', '2027-03-15'].map((start) =>
        api.request('POST', `/slots/${slot.id}/bookings`, {
          token: someone.token,
          body: { startDate: start, endDate: new Date(Date.parse(`${start}T00:00:00Z`) + 29 * 86_400_000).toISOString().slice(0, 10) },
        }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => (r.body as { code?: string }).code === 'BOOKING_OVERLAP')).toHaveLength(3);
  });

  it('the enterprise confirms, the supervisor records the days served, and the teacher’s year turns compliant', async () => {
    const slot = await practiceSlot(3);
    const [someone] = await teachers(1, 'journey');
    const booking = await api.request<BookingView>('POST', `/slots/${slot.id}/bookings`, {
      token: someone.token,
      body: { startDate: '2027-04-01', endDate: '2027-04-30' },
    });
    expect(
      (await api.request('POST', `/bookings/${booking.body.id}/complete`, { token: hr, body: { daysServed: 30 } })).body,
    ).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await api.request<BookingView>('POST', `/bookings/${booking.body.id}/confirm`, { token: hr })).body.status).toBe('confirmed');
    expect(
      (await api.request('POST', `/bookings/${booking.body.id}/complete`, { token: hr, body: { daysServed: 30 } })).body,
    ).toMatchObject({ code: 'BOOKING_NOT_STARTED' });

    const before = await api.request<TeacherComplianceView>('GET', `/teachers/${someone.id}/compliance?year=2027`, {
      token: someone.token,
    });
    expect(before.body).toEqual({ teacherId: someone.id, year: 2027, daysBooked: 30, daysServed: 0, required: 30, compliant: false });

    // The month has passed (moved into the past, as time would).
    await api.db.query(`UPDATE bookings SET start_date = '2026-10-01', end_date = '2026-10-30' WHERE id = $1`, [booking.body.id]);
    expect(
      (await api.request('POST', `/bookings/${booking.body.id}/complete`, { token: hr, body: { daysServed: 31 } })).body,
    ).toMatchObject({ code: 'DAYS_SERVED_EXCEED_BOOKING' });
    expect((await api.request('POST', `/bookings/${booking.body.id}/cancel`, { token: someone.token })).body).toMatchObject({
      code: 'BOOKING_STARTED',
    });
    const done = await api.request<BookingView>('POST', `/bookings/${booking.body.id}/complete`, {
      token: hr,
      body: { daysServed: 30, evaluation: '积极参与工艺改进' },
    });
    expect(done.body).toMatchObject({ status: 'completed', daysServed: 30 });
    const after = await api.request<TeacherComplianceView>('GET', `/teachers/me/compliance?year=2026`, { token: someone.token });
    expect(after.body).toMatchObject({ daysServed: 30, compliant: true });

    const events = await api.db.query(`SELECT kind FROM outbox_events WHERE subject_id = $1 ORDER BY id`, [booking.body.id]);
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['booking.booked', 'booking.confirmed', 'booking.completed']);
  });

  it('a teacher cancels before the start and the days are free again', async () => {
    const slot = await practiceSlot(1);
    const [a, b] = await teachers(2, 'cancel');
    const first = await api.request<BookingView>('POST', `/slots/${slot.id}/bookings`, {
      token: a.token,
      body: { startDate: '2027-05-01', endDate: '2027-05-30' },
    });
    expect(
      (
        await api.request('POST', `/slots/${slot.id}/bookings`, {
          token: b.token,
          body: { startDate: '2027-05-01', endDate: '2027-05-30' },
        })
      ).status,
    ).toBe(409);
    expect((await api.request('POST', `/bookings/${first.body.id}/cancel`, { token: b.token })).status).toBe(404);
    expect((await api.request<BookingView>('POST', `/bookings/${first.body.id}/cancel`, { token: a.token })).body.status).toBe('cancelled');
    expect(
      (
        await api.request('POST', `/slots/${slot.id}/bookings`, {
          token: b.token,
          body: { startDate: '2027-05-01', endDate: '2027-05-30' },
        })
      ).status,
    ).toBe(201);
  });

  it('counts a booking from 15 December to 13 January in each year', async () => {
    const slot = await practiceSlot(2, '2026-12-01', '2027-12-31');
    const [someone] = await teachers(1, 'newyear');
    const booking = await api.request<BookingView>('POST', `/slots/${slot.id}/bookings`, {
      token: someone.token,
      body: { startDate: '2026-12-15', endDate: '2027-01-13' },
    });
    expect(booking.status).toBe(201);
    await api.db.query(`UPDATE bookings SET status = 'completed', days_served = 30 WHERE id = $1`, [booking.body.id]);
    const year = async (y: number) =>
      (await api.request<TeacherComplianceView>('GET', `/teachers/${someone.id}/compliance?year=${y}`, { token: someone.token })).body;
    expect(await year(2026)).toMatchObject({ daysBooked: 17, daysServed: 17, compliant: false });
    expect(await year(2027)).toMatchObject({ daysBooked: 13, daysServed: 13, compliant: false });
  });

  it('a school sees a row per teacher and its dual-qualified share; other schools and bureaus do not', async () => {
    const schoolId = await api.organisationOf(demo('school'));
    const reply = await api.request<SchoolComplianceView>('GET', `/schools/${schoolId}/compliance?year=2027`, {
      token: await api.token(demo('school')),
    });
    expect(reply.status).toBe(200);
    const { summary, teachers: rows } = reply.body;
    const [{ specialty, dual }] = await api.db.query(
      `SELECT count(*) FILTER (WHERE specialty_course_teacher)::int AS specialty, count(*) FILTER (WHERE specialty_course_teacher AND dual_qualified)::int AS dual FROM teachers WHERE school_id = $1`,
      [schoolId],
    );
    expect(summary).toMatchObject({
      teachers: rows.length,
      specialtyCourseTeachers: specialty,
      dualQualified: dual,
      dualQualifiedTarget: '0.60',
    });
    expect(summary.dualQualifiedShare).toBeCloseTo(dual / specialty);
    expect(rows.find((r) => r.teacherId === teacherId)).toMatchObject({ daysBooked: 30, required: 30 });

    expect((await api.request('GET', `/schools/${schoolId}/compliance`, { token: await api.token(demo('school2')) })).status).toBe(404);
    expect((await api.request('GET', `/teachers/${teacherId}/compliance`, { token: await api.token(demo('school2')) })).status).toBe(404);
    expect((await api.request('GET', `/teachers/${teacherId}/compliance`, { token: await api.token(demo('teacher2')) })).status).toBe(404);
    expect((await api.request('GET', `/schools/${schoolId}/compliance`, { token: await api.token(demo('miit')) })).status).toBe(404);
    const edu = await api.token(demo('edu'));
    expect((await api.request('GET', `/teachers/${teacherId}/compliance`, { token: edu })).status).toBe(200);
    const all = await api.request<SchoolComplianceSummary[]>('GET', '/schools/compliance?year=2027', { token: edu });
    expect(all.body.map((s) => s.schoolId)).toContain(schoolId);
    expect((await api.request('GET', '/schools/compliance', { token: await api.token(demo('sasac')) })).status).toBe(403);
  });

  it('bookings are each side’s own: another enterprise cannot confirm, another teacher cannot see', async () => {
    // One of the teacher's bookings at hr@'s enterprise (the demo's own practice month is at another).
    const hrId = await api.organisationOf(demo('hr'));
    const mine = (await api.request<BookingView[]>('GET', '/bookings', { token: teacher })).body.find((b) => b.slot.enterpriseId === hrId)!;
    expect(mine).toBeDefined();
    expect((await api.request('POST', `/bookings/${mine.id}/confirm`, { token: await api.token(demo('hr-soe')) })).status).toBe(404);
    expect((await api.request('GET', `/bookings/${mine.id}`, { token: await api.token(demo('teacher2')) })).status).toBe(404);
    expect((await api.request<BookingView[]>('GET', '/bookings', { token: hr })).body.map((b) => b.id)).toContain(mine.id);
  });
});
