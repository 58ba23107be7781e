import { uniqueSuffix } from '../../../test/support/database';
import { scrape, total } from '../../../test/support/metrics';
import { RunningProcess } from '../../../test/support/processes';
import { SmtpSink, eventually } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

type Worker = RunningProcess & { healthUrl: string };

/**
 * More than one machine: two API processes and two worker processes over one PostgreSQL database
 * and one Redis, as `docker/compose.yaml` and `deploy/k8s` run them. What must hold is what holds
 * for one: no seat or practice day oversold, every event delivered once per channel.
 */
describe('replicas: 2 APIs and 2 workers over one database and Redis (integration)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let smtp: SmtpSink;
  let apis: TestApi[] = [];
  const workers: Worker[] = [];
  let hr: string;
  let studentId: string;

  const workerEnv = () => ({
    DATABASE_URL: apis[0].database.url,
    QUEUE_PREFIX: queuePrefix,
    SMTP_URL: smtp.url,
    METRICS_SAMPLE_MS: '500',
    // Small relay rounds, so that both workers' relays claim some of a burst.
    RELAY_BATCH: '100',
    EMAILS_PER_HOUR: '100000',
    RETRY_BASE_MS: '100',
  });
  const metricsOf = (worker: Worker) => scrape(worker.healthUrl.replace(/\/health$/, '/metrics'));
  const delivered = (worker: Worker) =>
    metricsOf(worker).then((s) => total(s, 'skillbridge_jobs_total', { name: 'notification.deliver', outcome: 'completed' }));

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    // One after the other: boots at once on a busy 2-core machine can outlast the start timeout.
    apis = [await TestApi.start({ QUEUE_PREFIX: queuePrefix })];
    apis.push(await apis[0].replica());
    workers.push(await startWorker(workerEnv()));
    workers.push(await startWorker(workerEnv()));
    hr = await apis[0].token(demo('hr'));
    studentId = await apis[0].userId(demo('student'));
  }, 240_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await apis?.[1]?.stopReplica();
    await apis?.[0]?.stop();
    await smtp?.stop();
  });

  /** Request i goes to API i mod 2: a round-robin load balancer. */
  const via = (i: number): TestApi => apis[i % 2];

  const openSlot = async (body: Record<string, unknown>): Promise<{ id: string; enterpriseId: string }> => {
    const created = await apis[0].request<{ id: string; enterpriseId: string }>('POST', '/slots', { token: hr, body });
    if (created.status !== 201) throw new Error(`slot not created: ${JSON.stringify(created.body)}`);
    // Published through the other replica: what one API writes, the other serves.
    const published = await apis[1].request<{ id: string; enterpriseId: string; state: string }>(
      'POST',
      `/slots/${created.body.id}/publish`,
      { token: hr },
    );
    expect(published.body.state).toBe('open');
    return published.body;
  };

  it('parallel accepts spread over both APIs for a 5-seat slot: exactly 5 win, the rest are told SLOT_FULL', async () => {
    const slot = await openSlot({
      type: 'internship',
      title: '多副本实习生',
      description: '抢座',
      majors: ['机电一体化技术'],
      district: '七里河区',
      startDate: '2027-03-01',
      endDate: '2027-08-31',
      capacity: 5,
      stipend: '3000',
      postWage: '3600',
      hoursPerDay: '8',
      nightShift: false,
    });
    const schoolId = await apis[0].organisationOf(demo('school'));
    const tag = uniqueSuffix();
    const racers: Array<{ user_id: string; application_id: string }> = await apis[0].db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, name, role, organisation_id)
         SELECT 'replica-racer' || n || '-' || $4 || '@example.cn', 'x', '学生' || n, 'student', $1 FROM generate_series(1, $3::int) n RETURNING id),
       s AS (INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year) SELECT id, $1, '2006-01-01', '机电一体化技术', 2024 FROM u RETURNING user_id)
       INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, school_approved_at, respond_by)
       SELECT $2, user_id, $1, $5, 'offered', now(), '2027-02-28' FROM s
       RETURNING student_id AS user_id, id AS application_id`,
      [schoolId, slot.id, 80, tag, slot.enterpriseId],
    );
    const tokens = await Promise.all(racers.map((r) => apis[0].tokenFor(r.user_id)));
    const replies = await Promise.all(
      racers.map((r, i) => via(i).request<{ code?: string }>('POST', `/applications/${r.application_id}/accept`, { token: tokens[i] })),
    );

    const won = replies.filter((r) => r.status === 200);
    expect(won).toHaveLength(5);
    expect(replies.filter((r) => r.status === 409 && r.body.code === 'SLOT_FULL')).toHaveLength(75);
    // Both replicas took part in the race (and so could have oversold, were the guard per process).
    expect(new Set(replies.map((r, i) => (r.status === 200 || r.status === 409 ? i % 2 : -1)))).toEqual(new Set([0, 1]));
    const [row] = await apis[0].db.query(
      `SELECT s.taken, (SELECT count(*)::int FROM placements WHERE slot_id = s.id) AS placements,
              (SELECT count(*)::int FROM applications WHERE slot_id = s.id AND status = 'accepted') AS accepted
         FROM slots s WHERE s.id = $1`,
      [slot.id],
    );
    expect(row).toEqual({ taken: 5, placements: 5, accepted: 5 });
    // Tracing is off here (no OTEL_EXPORTER_OTLP_ENDPOINT): the outbox rows carry no traceparent.
    const [{ traced }] = await apis[0].db.query(`SELECT count(*)::int AS traced FROM outbox_events WHERE traceparent IS NOT NULL`);
    expect(traced).toBe(0);
  }, 60_000);

  it('parallel bookings of one practice month over both APIs: never more teachers on a day than the capacity', async () => {
    const slot = await openSlot({
      type: 'teacher_practice',
      title: '多副本教师实践',
      description: '教师实践',
      majors: ['数控技术'],
      district: '七里河区',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      capacity: 3,
      hoursPerDay: '8',
      nightShift: false,
    });
    const schoolId = await apis[0].organisationOf(demo('school'));
    const teachers: Array<{ id: string }> = await apis[0].db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id)
                  SELECT 'replica-teacher-' || $2 || '-' || n || '@example.cn', 'x', '教师' || n, 'teacher', $1 FROM generate_series(1, 16) n RETURNING id)
       INSERT INTO teachers (user_id, school_id, specialty, specialty_course_teacher, dual_qualified) SELECT id, $1, '数控技术', true, false FROM u RETURNING user_id AS id`,
      [schoolId, uniqueSuffix()],
    );
    const tokens = await Promise.all(teachers.map((t) => apis[0].tokenFor(t.id)));
    const replies = await Promise.all(
      teachers.map((_, i) =>
        via(i).request<{ code?: string }>('POST', `/slots/${slot.id}/bookings`, {
          token: tokens[i],
          body: { startDate: '2027-05-01', endDate: '2027-05-30' },
        }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(3);
    expect(replies.filter((r) => r.status === 409 && r.body.code === 'SLOT_FULL')).toHaveLength(13);
    const [{ worst, days }] = await apis[0].db.query(
      `SELECT max(taken)::int AS worst, count(*)::int AS days FROM practice_days WHERE slot_id = $1`,
      [slot.id],
    );
    expect({ worst, days }).toEqual({ worst: 3, days: 30 });
  }, 60_000);

  /** An application of student@ offered by hr@, made through the APIs: the subject of the bursts' events. */
  const offeredApplication = async (): Promise<string> => {
    const slot = await openSlot({
      type: 'internship',
      title: '数控加工实习生',
      description: '精密零件加工',
      majors: ['机电一体化技术'],
      district: '七里河区',
      startDate: '2028-03-01',
      endDate: '2028-08-31',
      capacity: 1,
      stipend: '3000',
      postWage: '3600',
      hoursPerDay: '8',
      nightShift: false,
    });
    const student = await apis[1].token(demo('student'));
    const application = await apis[1].request<{ id: string }>('POST', `/slots/${slot.id}/applications`, { token: student, body: {} });
    const offer = await apis[0].request('POST', `/applications/${application.body.id}/offer`, {
      token: hr,
      body: { respondBy: '2028-02-25' },
    });
    expect(offer.status).toBe(200);
    // Its own e-mail out of the way first, so that a burst's mail window holds only the burst's.
    await eventually(
      async () =>
        (
          await apis[0].db.query(
            `SELECT count(*)::int AS n FROM deliveries d JOIN outbox_events e ON e.id = d.event_id WHERE e.subject_id = $1 AND e.kind = 'application.offered' AND d.user_id = $2 AND d.channel = 'email' AND d.status = 'sent'`,
            [application.body.id, studentId],
          )
        )[0].n,
      (n) => n === 1,
    );
    return application.body.id;
  };

  /** `count` application.offered events for student@, written straight into the outbox (as a burst of requests would). */
  let offered: string | undefined;
  const burst = async (count: number): Promise<string[]> => {
    const rows: Array<{ id: string }> = await apis[0].db.query(
      `INSERT INTO outbox_events (kind, subject_id, recipients, payload)
       SELECT 'application.offered', $1, ARRAY[$2::uuid], '{"respondBy":"2027-02-25"}' FROM generate_series(1, $3::int) RETURNING id`,
      [offered, studentId, count],
    );
    return rows.map((r) => r.id);
  };
  const sent = async (events: string[], channel: string): Promise<number> =>
    (
      await apis[0].db.query(
        `SELECT count(*)::int AS n FROM deliveries WHERE event_id = ANY($1::bigint[]) AND channel = $2 AND status = 'sent'`,
        [events, channel],
      )
    )[0].n;

  /** Exactly once per channel in the database, and every e-mail under its delivery's Message-ID, none missing, none foreign. */
  const expectDeliveredOnce = async (events: string[], mailsSince: number): Promise<{ mails: number; distinct: number }> => {
    const [{ entries, distinct }] = await apis[0].db.query(
      `SELECT count(*)::int AS entries, count(DISTINCT event_id)::int AS distinct FROM notifications WHERE event_id = ANY($1::bigint[])`,
      [events],
    );
    expect({ entries, distinct }).toEqual({ entries: events.length, distinct: events.length });
    const [{ rows, sentRows }] = await apis[0].db.query(
      `SELECT count(*)::int AS rows, count(*) FILTER (WHERE status = 'sent')::int AS "sentRows" FROM deliveries WHERE event_id = ANY($1::bigint[])`,
      [events],
    );
    expect({ rows, sentRows }).toEqual({ rows: events.length * 2, sentRows: events.length * 2 }); // inbox + e-mail each
    const ids: Array<{ id: string }> = await apis[0].db.query(
      `SELECT id FROM deliveries WHERE event_id = ANY($1::bigint[]) AND channel = 'email'`,
      [events],
    );
    const expected = new Set(ids.map((d) => `<delivery-${d.id}@skillbridge>`));
    const mails = smtp.received.slice(mailsSince).filter((m) => m.to === demo('student'));
    const arrived = new Set(mails.map((m) => m.messageId));
    expect([...expected].filter((id) => !arrived.has(id))).toEqual([]);
    expect([...arrived].filter((id) => !expected.has(id))).toEqual([]);
    return { mails: mails.length, distinct: arrived.size };
  };

  it('a burst of 400 events: both workers share the work, and each event is delivered exactly once per channel', async () => {
    offered = await offeredApplication();
    const [before0, before1] = await Promise.all(workers.map(delivered));
    const mailsSince = smtp.received.length;
    const events = await burst(400);
    await eventually(
      () => sent(events, 'inbox'),
      (n) => n === 400,
      90_000,
    );
    await eventually(
      () => sent(events, 'email'),
      (n) => n === 400,
      90_000,
    );
    const { mails, distinct } = await expectDeliveredOnce(events, mailsSince);
    // No crash, so not even a repeated send: every e-mail went out once.
    expect({ mails, distinct }).toEqual({ mails: 400, distinct: 400 });

    const [after0, after1] = await Promise.all(workers.map(delivered));
    expect(after0 - before0).toBeGreaterThan(0);
    expect(after1 - before1).toBeGreaterThan(0);
    expect(after0 - before0 + (after1 - before1)).toBeGreaterThanOrEqual(400);
    // And the inbox fan-out too: both or either, but together exactly once (checked above); the counters agree.
    const inbox = await Promise.all(
      workers.map((w) => metricsOf(w).then((s) => total(s, 'skillbridge_deliveries_total', { channel: 'inbox', outcome: 'sent' }))),
    );
    expect(inbox[0] + inbox[1]).toBeGreaterThanOrEqual(400);
  }, 200_000);

  it('kill -9 of one worker in the middle of a burst: the other finishes it, each event delivered once per channel', async () => {
    const mailsSince = smtp.received.length;
    const events = await burst(600);
    await eventually(
      () => sent(events, 'email'),
      (n) => n >= 100,
      90_000,
    );
    const [victim, survivor] = workers;
    const [victimDid, survivorBefore] = await Promise.all([delivered(victim), delivered(survivor)]);
    expect(victimDid).toBeGreaterThan(0);
    await victim.stop('SIGKILL');
    expect(await sent(events, 'email')).toBeLessThan(600);

    // Jobs the victim held come back once their locks expire (BullMQ's stalled-job check, ~30 s).
    await eventually(
      () => sent(events, 'inbox'),
      (n) => n === 600,
      150_000,
    );
    await eventually(
      () => sent(events, 'email'),
      (n) => n === 600,
      150_000,
    );
    const { mails, distinct } = await expectDeliveredOnce(events, mailsSince);
    // A message whose sending the kill interrupted may go out again, under the same Message-ID.
    expect(distinct).toBe(600);
    expect(mails - distinct).toBeLessThanOrEqual(64);
    expect(await delivered(survivor)).toBeGreaterThan(survivorBefore);
    const health = await fetch(survivor.healthUrl);
    expect(health.status).toBe(200);
  }, 300_000);
});
