import type { Problem, SlotView } from '@skillbridge/contracts';
import Redis from 'ioredis';
import { Reply, TestApi, demo } from '../../../test/support/test-api';
import { uniqueSuffix } from '../../../test/support/database';

const WINDOW = 60;
const YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** A lawful internship at hr@'s enterprise. */
const internship = (title: string) => ({
  type: 'internship',
  title,
  description: '限流测试岗位',
  majors: ['机电一体化技术'],
  district: '七里河区',
  startDate: '2027-03-01',
  endDate: '2027-08-31',
  capacity: 1,
  stipend: '3000.00',
  postWage: '3600.00',
  hoursPerDay: '8',
  nightShift: false,
  applicationDeadline: '2027-02-20',
});

/**
 * Fixed windows start on multiples of the window length: a burst that straddles an edge would get
 * two budgets. Start each burst well inside a window.
 */
async function awayFromWindowEdge(): Promise<void> {
  const left = WINDOW - ((Date.now() / 1000) % WINDOW);
  if (left < 15) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 200));
}

function expectRateLimited(reply: Reply, limit: number): void {
  expect(reply.status).toBe(429);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = reply.body as Problem & { facts: { retryAfterSeconds: number; limit: number; windowSeconds: number } };
  expect(body).toMatchObject({ status: 429, code: 'RATE_LIMITED', title: 'Too Many Requests', facts: { limit, windowSeconds: WINDOW } });
  const retryAfter = Number(reply.headers.get('retry-after'));
  expect(retryAfter).toBe(body.facts.retryAfterSeconds);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW);
}

describe('per-account rate limits (integration)', () => {
  let api: TestApi;
  let hr: string;
  let slots: SlotView[];
  const prefix = `sb-test-rate-${uniqueSuffix()}:`;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  beforeAll(async () => {
    api = await TestApi.start({
      REDIS_KEY_PREFIX: prefix,
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW),
      RATE_LIMIT_APPLICATIONS: '3',
      RATE_LIMIT_MESSAGES: '4',
      RATE_LIMIT_REMINDERS: '2',
    });
    hr = await api.token(demo('hr'));
    slots = [];
    for (let i = 0; i < 5; i++) {
      const created = await api.request<SlotView>('POST', '/slots', { token: hr, body: internship(`限流测试岗位 ${i}`) });
      const published = await api.request<SlotView>('POST', `/slots/${created.body.id}/publish`, { token: hr });
      if (published.status !== 200) throw new Error(`slot not published: ${JSON.stringify(published.body)}`);
      slots.push(published.body);
    }
  }, 60_000);
  afterAll(async () => {
    redis.disconnect();
    await api.stop();
  });

  /** A second-year student of the demo school, made in SQL, signed in without argon2. */
  const newStudent = async (tag: string): Promise<{ id: string; token: string }> => {
    const schoolId = await api.organisationOf(demo('school'));
    const [{ id }] = await api.db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id) VALUES ($1, 'x', '限流学生', 'student', $2) RETURNING id)
       INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year) SELECT id, $2, '2006-01-01', '机电一体化技术', 2024 FROM u RETURNING user_id AS id`,
      [`rate-${tag}@example.cn`, schoolId],
    );
    return { id, token: await api.tokenFor(id) };
  };

  const countOf = async (sql: string, params: unknown[] = []): Promise<number> => (await api.db.query(sql, params))[0].n;

  it('a student past the application budget gets 429 with Retry-After, and nothing is written; another student is unaffected', async () => {
    const eager = await newStudent('eager');
    const other = await newStudent('other');
    await awayFromWindowEdge();
    const replies: Reply[] = [];
    for (const slot of slots)
      replies.push(await api.request('POST', `/slots/${slot.id}/applications`, { token: eager.token, body: { motivation: '我想去' } }));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 429, 429]);
    for (const refused of replies.slice(3)) expectRateLimited(refused, 3);

    // Only the admitted applications exist, with their events; the refused ones left no trace.
    expect(await countOf(`SELECT count(*)::int AS n FROM applications WHERE student_id = $1`, [eager.id])).toBe(3);
    expect(
      await countOf(`SELECT count(*)::int AS n FROM applications WHERE slot_id = ANY($1::uuid[])`, [slots.slice(3).map((s) => s.id)]),
    ).toBe(0);
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'application.submitted' AND recipients::text LIKE '%' || $1 || '%'`,
        [eager.id],
      ),
    ).toBe(3);

    const elsewhere = await api.request('POST', `/slots/${slots[4].id}/applications`, { token: other.token, body: {} });
    expect(elsewhere.status).toBe(201);

    // The counts are kept only for their window: Redis forgets each one soon after it ends.
    const counters = await redis.keys(`${prefix}rate:applications:${eager.id}:*`);
    expect(counters).toHaveLength(1);
    expect(await redis.get(counters[0])).toBe('5');
    const ttl = await redis.ttl(counters[0]);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(WINDOW + 1);
  });

  it('an enterprise admin past the message budget gets 429 and the application does not move; another enterprise is unaffected', async () => {
    const applicants = await Promise.all(['m1', 'm2', 'm3'].map((tag) => newStudent(tag)));
    const applications: string[] = [];
    for (const [i, applicant] of applicants.entries()) {
      const reply = await api.request<{ id: string }>('POST', `/slots/${slots[i].id}/applications`, { token: applicant.token, body: {} });
      applications.push(reply.body.id);
    }
    await awayFromWindowEdge();
    const moves: Array<[string, string]> = [
      ['shortlist', applications[0]],
      ['shortlist', applications[1]],
      ['shortlist', applications[2]],
      ['reject', applications[0]],
      ['reject', applications[1]],
      ['offer', applications[2]],
    ];
    const events = await countOf(`SELECT count(*)::int AS n FROM outbox_events`);
    const replies: Reply[] = [];
    for (const [move, id] of moves) {
      replies.push(
        await api.request('POST', `/applications/${id}/${move}`, {
          token: hr,
          body: move === 'offer' ? { respondBy: '2027-02-28' } : undefined,
        }),
      );
    }
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 429, 429]);
    for (const refused of replies.slice(4)) expectRateLimited(refused, 4);
    const statuses: Array<{ id: string; status: string }> = await api.db.query(
      `SELECT id, status FROM applications WHERE id = ANY($1::uuid[])`,
      [applications],
    );
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [applications[0]]: 'rejected',
      [applications[1]]: 'shortlisted',
      [applications[2]]: 'shortlisted',
    });
    expect(await countOf(`SELECT count(*)::int AS n FROM outbox_events`)).toBe(events + 4);

    // Another enterprise's admin has a budget of its own: it passes the limit (and meets tenancy instead).
    const soe = await api.request('POST', `/applications/${applications[1]}/reject`, { token: await api.token(demo('hr-soe')) });
    expect(soe.status).toBe(404);
  });

  it('an officer past the reminder budget gets 429 and no reminder goes out; another officer is unaffected', async () => {
    const sasac = await api.token(demo('sasac'));
    await awayFromWindowEdge();
    const first = await api.request<{ reminded: number }>('POST', '/quotas/reminders', {
      token: sasac,
      body: { year: YEAR, status: 'behind' },
    });
    const second = await api.request('POST', '/quotas/reminders', { token: sasac, body: { year: YEAR, status: 'at_risk' } });
    expect([first.status, second.status]).toEqual([200, 200]);
    const reminders = await countOf(`SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'quota.reminder'`);
    const third = await api.request('POST', '/quotas/reminders', { token: sasac, body: { year: YEAR, status: 'on_track' } });
    expectRateLimited(third, 2);
    expect(await countOf(`SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'quota.reminder'`)).toBe(reminders);

    const miit = await api.request('POST', '/quotas/reminders', {
      token: await api.token(demo('miit')),
      body: { year: YEAR, status: 'behind' },
    });
    expect(miit.status).toBe(200);
  });

  it('reads are never limited', async () => {
    const student = await api.token(demo('student'));
    const replies = await Promise.all(Array.from({ length: 30 }, () => api.request('GET', '/applications', { token: student })));
    expect(replies.every((r) => r.status === 200)).toBe(true);
  });
});
