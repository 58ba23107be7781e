import type { ApplicationView, BookingView, SlotView } from '@skillbridge/contracts';
import { QUEUES, ScheduledJobName, jobId, scheduledJob } from '@skillbridge/jobs';
import { Queue } from 'bullmq';
import { uniqueSuffix } from '../../../test/support/database';
import { RunningProcess, freePort, startProcess } from '../../../test/support/processes';
import { SmtpSink, eventually } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

/**
 * The jobs that run on a schedule — offer expiry, the calendar's reminders, the daily digest — run
 * in the built worker on a set clock (TEST_CLOCK), each enqueued as its scheduler enqueues it
 * (scheduledJob) and run twice: every person is told once, and only the right people.
 */
describe('scheduled jobs on a set clock (integration)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  /** The day the data is made: the API runs on it. */
  const API_CLOCK = '2026-10-05T10:00:00+08:00';
  let api: TestApi;
  let smtp: SmtpSink;
  let worker: RunningProcess | undefined;
  let queue: Queue;
  let hr: string;
  let school: string;

  /** What the test made, by role. */
  const made = {} as {
    starting: { application: string; placement: string; student: string };
    expiring: { application: string; student: string };
    answerable: { application: string; student: string };
    closingSlot: string;
    laterSlot: string;
    booking: string;
    practising: string;
    idle: string;
    dueRound: string;
    openRound: string;
  };

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix, TEST_CLOCK: API_CLOCK });
    queue = new Queue(QUEUES.maintenance, { connection: { url: process.env.REDIS_URL, maxRetriesPerRequest: null }, prefix: queuePrefix });
    [hr, school] = await Promise.all([api.token(demo('hr')), api.token(demo('school'))]);
    await makeTheCalendar();
  });
  afterAll(async () => {
    await worker?.stop();
    await queue?.close();
    await api?.stop();
    await smtp?.stop();
  });

  /** The built worker with its clock set to `instant` (a worker running before is stopped). */
  const workerAt = async (instant: string): Promise<void> => {
    await worker?.stop();
    worker = await startWorker({
      DATABASE_URL: api.database.url,
      QUEUE_PREFIX: queuePrefix,
      SMTP_URL: smtp.url,
      TEST_CLOCK: instant,
      EMAILS_PER_HOUR: '100000',
    });
  };

  /** Runs a scheduled job now, as its scheduler adds it (same name, payload and options), under an id of this run's own. */
  const run = async (name: ScheduledJobName, tag: string): Promise<void> => {
    const job = scheduledJob(name);
    const id = jobId(name, 'test', tag);
    await queue.add(job.name, job.data, { ...job.opts, jobId: id });
    // A completed run is removed (removeOnComplete), a failed one kept.
    const state = await eventually(
      () => queue.getJobState(id),
      (s) => s === 'unknown' || s === 'failed',
    );
    expect(state).toBe('unknown');
  };
  const runTwice = async (name: ScheduledJobName, tag: string): Promise<void> => {
    await run(name, `${tag}-1`);
    await run(name, `${tag}-2`);
  };

  /** Fresh students of the demo school (the API makes students only by import), with tokens. */
  const students = async (count: number): Promise<Array<{ id: string; token: string }>> => {
    const schoolId = await api.organisationOf(demo('school'));
    const rows: Array<{ id: string }> = await api.db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id)
                  SELECT 'clock-student-' || n || '@example.cn', 'x', '学生' || n, 'student', $1 FROM generate_series(1, $2) n RETURNING id)
       INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year) SELECT id, $1, '2006-01-01', '机电一体化技术', 2024 FROM u RETURNING user_id AS id`,
      [schoolId, count],
    );
    return Promise.all(rows.map(async (r) => ({ id: r.id, token: await api.tokenFor(r.id) })));
  };

  const teachers = async (count: number): Promise<Array<{ id: string; token: string }>> => {
    const schoolId = await api.organisationOf(demo('school'));
    const rows: Array<{ id: string }> = await api.db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id)
                  SELECT 'clock-teacher-' || n || '@example.cn', 'x', '教师' || n, 'teacher', $1 FROM generate_series(1, $2) n RETURNING id)
       INSERT INTO teachers (user_id, school_id, specialty, specialty_course_teacher, dual_qualified) SELECT id, $1, '数控技术', true, false FROM u RETURNING user_id AS id`,
      [schoolId, count],
    );
    return Promise.all(rows.map(async (r) => ({ id: r.id, token: await api.tokenFor(r.id) })));
  };

  const ok = <T>(reply: { status: number; body: T }, what: string): T => {
    if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };

  const openSlot = async (body: Record<string, unknown>): Promise<SlotView> => {
    const created = ok(await api.request<SlotView>('POST', '/slots', { token: hr, body }), 'slot');
    return ok(await api.request<SlotView>('POST', `/slots/${created.id}/publish`, { token: hr }), 'publish');
  };
  const internship = (startDate: string, applicationDeadline: string) => ({
    type: 'internship',
    title: '数控加工实习生',
    description: '精密零件加工',
    majors: ['机电一体化技术'],
    district: '七里河区',
    startDate,
    endDate: '2027-03-31',
    capacity: 5,
    stipend: '3000',
    postWage: '3600',
    hoursPerDay: '8',
    nightShift: false,
    applicationDeadline,
  });
  const offered = async (slot: SlotView, student: { token: string }, respondBy: string): Promise<string> => {
    const application = ok(
      await api.request<ApplicationView>('POST', `/slots/${slot.id}/applications`, { token: student.token, body: {} }),
      'apply',
    );
    ok(await api.request('POST', `/applications/${application.id}/offer`, { token: hr, body: { respondBy } }), 'offer');
    return application.id;
  };

  /**
   * On 5 October 2026, through the API: a placement starting on the 13th; an offer to answer by the
   * 5th and one by the 6th; a slot whose applications close on the 9th and one on the 10th; a
   * teacher's practice month starting on the 13th and a teacher with none; match rounds taking lists
   * until midnight and until 01:00 on the 6th. hr@ takes deadline reminders by the daily digest.
   */
  async function makeTheCalendar(): Promise<void> {
    const [s1, s2, s3] = await students(3);
    const startingSlot = await openSlot(internship('2026-10-13', '2026-10-12'));
    const startingApplication = await offered(startingSlot, s1, '2026-10-08');
    ok(await api.request('POST', `/applications/${startingApplication}/approve`, { token: school, body: {} }), 'approve');
    ok(await api.request('POST', `/applications/${startingApplication}/accept`, { token: s1.token }), 'accept');
    const [placement] = await api.db.query(`SELECT id FROM placements WHERE application_id = $1`, [startingApplication]);

    const closingSlot = await openSlot(internship('2026-11-02', '2026-10-09'));
    const laterSlot = await openSlot(internship('2026-11-02', '2026-10-10'));
    const expiring = await offered(closingSlot, s2, '2026-10-05');
    const answerable = await offered(closingSlot, s3, '2026-10-06');

    const [t1, t2] = await teachers(2);
    const practiceSlot = await openSlot({
      type: 'teacher_practice',
      title: '数控车间教师实践',
      description: '参与生产与工艺改进',
      majors: ['数控技术'],
      district: '七里河区',
      startDate: '2026-10-13',
      endDate: '2026-12-31',
      capacity: 2,
      hoursPerDay: '8',
      nightShift: false,
    });
    const booking = ok(
      await api.request<BookingView>('POST', `/slots/${practiceSlot.id}/bookings`, {
        token: t1.token,
        body: { startDate: '2026-10-13', endDate: '2026-11-11' },
      }),
      'booking',
    );

    const edu = await api.token(demo('edu'));
    const round = async (preferenceDeadline: string): Promise<string> => {
      const slot = await openSlot(internship('2026-11-02', '2026-10-20'));
      const created = ok(
        await api.request<{ id: string }>('POST', '/match-rounds', {
          token: edu,
          body: { name: '撮合', slotIds: [slot.id], preferenceDeadline },
        }),
        'round',
      );
      ok(await api.request('POST', `/match-rounds/${created.id}/open`, { token: edu }), 'open the round');
      return created.id;
    };
    const dueRound = await round('2026-10-06T00:00:00+08:00');
    const openRound = await round('2026-10-06T01:00:00+08:00');

    ok(
      await api.request('PUT', '/me/notification-preferences', {
        token: hr,
        body: { preferences: [{ kind: 'slot.deadline-approaching', channels: ['inbox', 'email'], mode: 'digest' }] },
      }),
      'preferences',
    );
    Object.assign(made, {
      starting: { application: startingApplication, placement: placement.id, student: s1.id },
      expiring: { application: expiring, student: s2.id },
      answerable: { application: answerable, student: s3.id },
      closingSlot: closingSlot.id,
      laterSlot: laterSlot.id,
      booking: booking.id,
      practising: t1.id,
      idle: t2.id,
      dueRound,
      openRound,
    });
  }

  const events = (kind: string, subjectId: string): Promise<Array<{ id: string; recipients: string[] }>> =>
    api.db.query(`SELECT id::text, recipients::text[] FROM outbox_events WHERE kind = $1 AND subject_id = $2`, [kind, subjectId]);
  const roundStatus = async (id: string): Promise<string> =>
    (await api.db.query(`SELECT status FROM match_rounds WHERE id = $1`, [id]))[0].status;
  const statusOf = async (applicationId: string): Promise<string> =>
    (await api.db.query(`SELECT status FROM applications WHERE id = $1`, [applicationId]))[0].status;

  /** Inbox entries of one kind about one subject, per person, once every recipient of its one event has one. */
  const toldOnce = async (kind: string, subjectId: string): Promise<string[]> => {
    const [event, ...more] = await events(kind, subjectId);
    expect(more).toHaveLength(0);
    expect(event).toBeDefined();
    const entries = await eventually(
      (): Promise<Array<{ user_id: string; n: number }>> =>
        api.db.query(`SELECT user_id, count(*)::int AS n FROM notifications WHERE kind = $1 AND subject_id = $2 GROUP BY user_id`, [
          kind,
          subjectId,
        ]),
      (rows) => rows.length === event.recipients.length,
    );
    expect(entries.every((e) => e.n === 1)).toBe(true);
    expect(entries.map((e) => e.user_id).sort()).toEqual([...event.recipients].sort());
    return event.recipients;
  };

  /** The e-mail of an event kind's one event about one subject to one person, once it is sent: exactly one arrived. */
  const mailedOnce = async (kind: string, subjectId: string, to: string): Promise<void> => {
    const [event] = await events(kind, subjectId);
    const delivery = await eventually(
      async (): Promise<{ id: string; status: string } | undefined> =>
        (
          await api.db.query(`SELECT id, status FROM deliveries WHERE event_id = $1 AND user_id = $2 AND channel = 'email'`, [event.id, to])
        )[0],
      (d) => d?.status === 'sent',
    );
    const [{ email }] = await api.db.query(`SELECT email FROM users WHERE id = $1`, [to]);
    expect(smtp.received.filter((m) => m.to === email && m.messageId === `<delivery-${delivery!.id}@skillbridge>`)).toHaveLength(1);
  };

  it('a built API or worker in production refuses TEST_CLOCK at boot, naming it: production runs on the real time', async () => {
    const common = {
      NODE_ENV: 'production',
      DATABASE_URL: api.database.url,
      REDIS_URL: process.env.REDIS_URL,
      TEST_CLOCK: API_CLOCK,
      LOG_LEVEL: 'warn',
    };
    const apps = [
      startProcess('apps/worker/dist/main.js', { ...common, QUEUE_PREFIX: queuePrefix, WORKER_HEALTH_PORT: String(await freePort()) }),
      startProcess('apps/api/dist/main.js', {
        ...common,
        PORT: String(await freePort()),
        JWT_SECRET: 'a-production-secret-0123456789abcdef',
      }),
    ];
    for (const app of apps) {
      expect(await app.stop('SIGCONT')).toBe(1);
      expect(app.output()).toMatch(/Invalid configuration: .*TEST_CLOCK/);
    }
  });

  it('on 30 September (23:59 in Lanzhou) nobody is reminded to book a practice month, and no offer due later expires', async () => {
    await workerAt('2026-09-30T23:59:00+08:00');
    await runTwice('reminders.send', 'september');
    await runTwice('offers.expire', 'september');
    expect(await api.db.query(`SELECT id FROM outbox_events WHERE kind = 'practice.reminder'`)).toEqual([]);
    expect(await statusOf(made.expiring.application)).toBe('offered');
    expect(await events('placement.starting', made.starting.placement)).toEqual([]);
    await runTwice('match-rounds.close-due', 'september');
    expect([await roundStatus(made.dueRound), await roundStatus(made.openRound)]).toEqual(['collecting', 'collecting']);
  });

  describe('on 6 October at 00:30 in Lanzhou (still the 5th in UTC)', () => {
    beforeAll(async () => {
      await workerAt('2026-10-06T00:30:00+08:00');
      await runTwice('offers.expire', 'october');
      await runTwice('reminders.send', 'october');
    });

    it('expires the offer due by the 5th — the student, the enterprise and the school told once — and keeps the one due by the 6th', async () => {
      expect(await statusOf(made.expiring.application)).toBe('expired');
      expect(await statusOf(made.answerable.application)).toBe('offered');
      const told = await toldOnce('application.expired', made.expiring.application);
      expect(told).toEqual(expect.arrayContaining([made.expiring.student, await api.userId(demo('hr')), await api.userId(demo('school'))]));
      expect(told).not.toContain(made.answerable.student);
      await mailedOnce('application.expired', made.expiring.application, made.expiring.student);
      expect(await events('application.expired', made.answerable.application)).toEqual([]);
    });

    it('reminds of the placement starting in a week, once, in the inbox and by e-mail', async () => {
      expect(await toldOnce('placement.starting', made.starting.placement)).toContain(made.starting.student);
      await mailedOnce('placement.starting', made.starting.placement, made.starting.student);
    });

    it('reminds the enterprise of the slot whose applications close in three days, and not of the one closing in four', async () => {
      expect(await toldOnce('slot.deadline-approaching', made.closingSlot)).toContain(await api.userId(demo('hr')));
      expect(await events('slot.deadline-approaching', made.laterSlot)).toEqual([]);
    });

    it('reminds the teacher whose practice month starts in a week', async () => {
      expect(await toldOnce('booking.starting', made.booking)).toContain(made.practising);
    });

    it('from October, reminds every teacher without a practice month this year once — and not the one who has one', async () => {
      const idle: Array<{ user_id: string }> = await api.db.query(
        `SELECT t.user_id FROM teachers t WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.teacher_id = t.user_id AND b.status <> 'cancelled'
            AND b.start_date <= '2026-12-31' AND b.end_date >= '2026-01-01')`,
      );
      expect(idle.map((t) => t.user_id)).toContain(made.idle);
      expect(idle.map((t) => t.user_id)).not.toContain(made.practising);
      const reminded = await eventually(
        (): Promise<Array<{ user_id: string; n: number }>> =>
          api.db.query(`SELECT user_id, count(*)::int AS n FROM notifications WHERE kind = 'practice.reminder' GROUP BY user_id`),
        (rows) => rows.length === idle.length,
      );
      expect(reminded.map((r) => r.user_id).sort()).toEqual(idle.map((t) => t.user_id).sort());
      expect(reminded.every((r) => r.n === 1)).toBe(true);
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'practice.reminder'`);
      expect(n).toBe(idle.length);
    });

    it('closes the round whose preference deadline passed on the clock, not the one whose deadline is still ahead on it', async () => {
      await runTwice('match-rounds.close-due', 'october');
      expect(await roundStatus(made.dueRound)).toBe('ranking');
      expect(await roundStatus(made.openRound)).toBe('collecting');
    });

    it('the daily digest mails what waited for it once: run twice, one e-mail', async () => {
      const hrId = await api.userId(demo('hr'));
      const [event] = await events('slot.deadline-approaching', made.closingSlot);
      await eventually(
        async () =>
          (
            await api.db.query(`SELECT status FROM deliveries WHERE event_id = $1 AND user_id = $2 AND channel = 'email'`, [event.id, hrId])
          )[0]?.status,
        (status) => status === 'digest',
      );
      const [first] = await api.db.query(`SELECT id FROM deliveries WHERE user_id = $1 AND status = 'digest' ORDER BY created_at LIMIT 1`, [
        hrId,
      ]);
      await runTwice('digest.send', 'morning');
      const digests = smtp.received.filter((m) => m.messageId.startsWith('<delivery-digest-'));
      expect(digests.map((m) => [m.to, m.messageId])).toEqual([[demo('hr'), `<delivery-digest-${first.id}@skillbridge>`]]);
      const [{ left }] = await api.db.query(`SELECT count(*)::int AS left FROM deliveries WHERE user_id = $1 AND status = 'digest'`, [
        hrId,
      ]);
      expect(left).toBe(0);
    });
  });
});
