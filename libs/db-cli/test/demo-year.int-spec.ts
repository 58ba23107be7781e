import { createDataSource } from '@skillbridge/db';
import { lanzhouDate, quotaStatus, yearElapsed } from '@skillbridge/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { runDatabaseCommand } from '../src/database-command';

/**
 * Issue 17: the demo is the year under way on the day it is loaded, whatever the day: loaded (migrations,
 * seed, the first round's real run and publication, the quota figures) from empty on days across the year,
 * each database of its own, and read back in SQL. Nothing lies about the calendar (no practice completed
 * before its end, no placement started before its start), every role has work, and every figure an officer
 * reads is what the records say.
 */
const DAYS = ['2026-12-07T10:00:00+08:00', '2027-01-03T10:00:00+08:00', '2027-06-15T10:00:00+08:00', '2027-09-01T10:00:00+08:00'];

jest.setTimeout(600_000);

describe.each(DAYS)('the demo loaded at %s', (instant) => {
  const now = new Date(instant);
  const today = lanzhouDate(now);
  const year = Number(today.slice(0, 4));
  let db: DataSource;
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await db.query(sql, params)) as T[])[0];

  let scratch: TestDatabase;

  beforeAll(async () => {
    scratch = await createTestDatabase({ empty: true });
    db = await createDataSource(scratch.url, { extra: { max: 2 } }).initialize();
    await runDatabaseCommand(db, 'setup', () => undefined, now);
  });

  afterAll(async () => {
    await db?.destroy();
    await scratch?.drop();
  });

  it('has interns at work today and none started before its first day or completed before its last', async () => {
    const p = await one<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE status = 'active' AND start_date <= $1 AND end_date >= $1)::int AS "atWork",
              count(*) FILTER (WHERE status = 'active' AND (start_date > $1 OR activated_at > $2 OR activated_at < start_date::timestamp - interval '8 hours'))::int AS "activeTooSoon",
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status = 'completed' AND (end_date > $1 OR completed_at > $2))::int AS "completedTooSoon",
              count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'pending' AND start_date <= $1)::int AS "pendingStarted",
              count(*) FILTER (WHERE status IN ('active', 'completed') AND insurance_policy_no IS NULL)::int AS uninsured
         FROM placements`,
      [today, now],
    );
    expect(p.atWork).toBeGreaterThan(20);
    expect(p.completed).toBeGreaterThan(0);
    expect(p.pending).toBeGreaterThan(0);
    expect({
      activeTooSoon: p.activeTooSoon,
      completedTooSoon: p.completedTooSoon,
      pendingStarted: p.pendingStarted,
      uninsured: p.uninsured,
    }).toEqual({
      activeTooSoon: 0,
      completedTooSoon: 0,
      pendingStarted: 0,
      uninsured: 0,
    });
    // Every placement started came from an accepted application the school approved (a minor's with a guardian's
    // consent); those the education bureau's round published wait for it, as the product's publish leaves them.
    const unapproved = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM placements p JOIN applications a ON a.id = p.application_id JOIN students s ON s.user_id = p.person_id
        WHERE a.status <> 'accepted'
           OR (p.status <> 'pending' AND (a.school_approved_at IS NULL OR (s.date_of_birth + interval '18 years' > p.start_date AND a.guardian_consent_at IS NULL)))`,
    );
    expect(unapproved.n).toBe(0);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM placements WHERE application_id IS NULL`)).n).toBe(0);
  });

  it('counts hosted as the records say, and the enterprises stand at every status the day allows', async () => {
    const rows = (await db.query(
      `SELECT q.enterprise_id, q.required, q.hosted,
              (SELECT count(DISTINCT p.person_id)::int FROM placements p WHERE p.enterprise_id = q.enterprise_id AND p.kind = 'student'
                  AND p.status IN ('active', 'completed') AND greatest(p.start_date, (p.activated_at AT TIME ZONE 'Asia/Shanghai')::date, make_date($1, 1, 1)) <= least($2::date, p.end_date, make_date($1, 12, 31))) AS served
         FROM quota_years q WHERE q.year = $1`,
      [year, today],
    )) as Array<{ enterprise_id: string; required: number; hosted: number; served: number }>;
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) expect({ id: r.enterprise_id, hosted: r.hosted }).toEqual({ id: r.enterprise_id, hosted: r.served });
    const elapsed = yearElapsed(year, today);
    const statuses = new Set(rows.map((r) => quotaStatus(r.required, r.hosted, elapsed)));
    expect(statuses.has('met')).toBe(true);
    expect(statuses.has('behind') || elapsed.day < 7).toBe(true);
    expect(statuses.has('at_risk') || elapsed.day < 7).toBe(true);
    expect(rows.filter((r) => r.hosted > 0).length).toBeGreaterThan(8);
    // hr@ and hr-soe@ host someone this year.
    const hosts = (await db.query(
      `SELECT u.email, q.hosted FROM quota_years q JOIN users u ON u.organisation_id = q.enterprise_id WHERE q.year = $1 AND u.email = ANY($2)`,
      [year, ['hr@demo.skillbridge.cn', 'hr-soe@demo.skillbridge.cn']],
    )) as Array<{ hosted: number }>;
    expect(hosts.map((h) => h.hosted > 0)).toEqual([true, true]);
  });

  it("has teachers' practice months served, under way and booked, each on the right side of today", async () => {
    const b = await one<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE status = 'completed')::int AS served,
              count(*) FILTER (WHERE status = 'completed' AND (end_date >= $1 OR days_served IS NULL))::int AS "servedTooSoon",
              count(*) FILTER (WHERE status IN ('booked', 'confirmed') AND start_date > $1)::int AS ahead,
              count(*) FILTER (WHERE status = 'confirmed' AND start_date <= $1 AND end_date >= $1)::int AS "underWay",
              count(*) FILTER (WHERE status = 'booked' AND start_date <= $1)::int AS "bookedStarted"
         FROM bookings`,
      [today],
    );
    expect(b.served).toBeGreaterThan(0);
    expect(b.ahead).toBeGreaterThan(0);
    expect(b.underWay).toBeGreaterThan(0);
    expect({ servedTooSoon: b.servedTooSoon, bookedStarted: b.bookedStarted }).toEqual({ servedTooSoon: 0, bookedStarted: 0 });
    // The per-day capacity: practice_days holds what the bookings take, and never more than the slot's capacity.
    const days = await one<{ mismatched: number; over: number }>(
      `SELECT count(*) FILTER (WHERE d.taken <> (SELECT count(*) FROM bookings b WHERE b.slot_id = d.slot_id AND b.status <> 'cancelled' AND d.day BETWEEN b.start_date AND b.end_date))::int AS mismatched,
              count(*) FILTER (WHERE d.taken > s.capacity)::int AS over
         FROM practice_days d JOIN slots s ON s.id = d.slot_id`,
    );
    expect(days).toEqual({ mismatched: 0, over: 0 });
    // teacher@ served a month this year, or (early in the year) has one booked.
    const teacher = await one<{ served: number; ahead: number }>(
      `SELECT coalesce(sum(b.days_served) FILTER (WHERE b.status = 'completed' AND b.start_date >= make_date($2, 1, 1)), 0)::int AS served,
              count(*) FILTER (WHERE b.status IN ('booked', 'confirmed') AND b.start_date > $1)::int AS ahead
         FROM bookings b JOIN users u ON u.id = b.teacher_id WHERE u.email = 'teacher@demo.skillbridge.cn'`,
      [today, year],
    );
    expect(teacher.served >= 30 || teacher.ahead > 0).toBe(true);
  });

  it('has a round collecting and one published through its real, stable run', async () => {
    const rounds = (await db.query(
      `SELECT r.status, r.preference_deadline > $1 AS open, m.stable, m.algorithm_version IS NOT NULL AS versioned,
              (SELECT count(*) FROM unnest(m.assignment) a WHERE a >= 0)::int AS matched,
              (SELECT count(*) FROM match_preferences p WHERE p.round_id = r.id)::int AS lists
         FROM match_rounds r LEFT JOIN match_runs m ON m.id = r.last_run_id ORDER BY r.status`,
      [now],
    )) as Array<{ status: string; open: boolean; stable: boolean | null; versioned: boolean | null; matched: number; lists: number }>;
    expect(rounds.map((r) => r.status)).toEqual(['collecting', 'published']);
    const [collecting, published] = rounds;
    expect(collecting).toMatchObject({ open: true });
    expect(collecting.lists).toBeGreaterThan(0);
    expect(published).toMatchObject({ open: false, stable: true, versioned: true });
    expect(published.matched).toBeGreaterThan(0);
    const placed = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM placements p JOIN match_round_slots rs ON rs.slot_id = p.slot_id JOIN match_rounds r ON r.id = rs.round_id
        WHERE r.status = 'published'`,
    );
    expect(placed.n).toBe(published.matched);
    // No slot holds more than its capacity.
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM slots WHERE taken > capacity`)).n).toBe(0);
  });

  it('leaves news for every role that acts, and open slots that start after today', async () => {
    const told = (await db.query(
      `SELECT DISTINCT u.email FROM outbox_events e JOIN users u ON u.id = ANY(e.recipients) WHERE e.published_at IS NULL AND u.email = ANY($1)`,
      [['student', 'teacher', 'school', 'hr', 'hr-soe'].map((local) => `${local}@demo.skillbridge.cn`)],
    )) as Array<{ email: string }>;
    expect(told.map((t) => t.email).sort()).toEqual(
      ['hr-soe', 'hr', 'school', 'teacher', 'student'].map((local) => `${local}@demo.skillbridge.cn`).sort(),
    );
    const slots = await one<{ open: number; started: number }>(
      `SELECT count(*) FILTER (WHERE state = 'open' AND type <> 'teacher_practice')::int AS open,
              count(*) FILTER (WHERE state = 'open' AND type <> 'teacher_practice' AND (start_date <= $1 OR application_deadline < $1))::int AS started
         FROM slots`,
      [today],
    );
    expect(slots.open).toBeGreaterThan(20);
    expect(slots.started).toBe(0);
  });
});
