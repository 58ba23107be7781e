// @ts-check
// Teacher practice (bench/flows.mjs): teachers in many schools, most with a served month; one
// school's and every school's compliance (median of 5); then bookings through the API by distinct
// teachers on one slot, 50 connections.
import { performance } from 'node:perf_hooks';
import { runLoad } from '../lib/load.mjs';
import { int, latency } from '../lib/report.mjs';
import { say } from './context.mjs';

/**
 * @param {import('./context.mjs').FlowsRun} run
 * @param {{ base: string }} api  the API's /api/v1 URL
 * @returns {Promise<import('./context.mjs').SectionResult>}
 */
export async function measurePractice({ sizes, db, mint }, { base }) {
  /** @type {import('../lib/report.mjs').TableRow[]} */
  const rows = [];
  /** @type {Record<string, unknown>} */
  const figures = {};
  say(`practice: ${int(sizes.teachers)} teachers in ${sizes.schools} schools`);
  await db.query(
    `INSERT INTO organisations (id, kind, name, district, school_level, verification)
     SELECT md5('bench-school-' || n)::uuid, 'school', '基准学校' || n, '城关区', 'higher', 'verified' FROM generate_series(1, $1) n`,
    [sizes.schools],
  );
  await db.query(
    `WITH u AS (INSERT INTO users (id, email, password_hash, name, role, organisation_id)
                SELECT md5('bench-teacher-' || n)::uuid, 'bench-teacher-' || n || '@example.cn', 'x', '教师' || n, 'teacher',
                       md5('bench-school-' || (1 + n % $2))::uuid
                  FROM generate_series(1, $1) n RETURNING id, organisation_id)
     INSERT INTO teachers (user_id, school_id, specialty, specialty_course_teacher, dual_qualified)
     SELECT id, organisation_id, '数控技术', true, (hashtext(id::text) % 3 <> 0) FROM u`,
    [sizes.teachers, sizes.schools],
  );
  /** @type {{ id: string, enterprise_id: string }} */
  const practice = (
    await db.query(`SELECT s.id, s.enterprise_id FROM slots s WHERE s.type = 'teacher_practice' AND s.state = 'open' LIMIT 1`)
  ).rows[0];
  // Plenty of room per day, so the figure is the booking path itself, not refusals.
  await db.query(`UPDATE slots SET capacity = 100000 WHERE id = $1`, [practice.id]);
  const year = Number((await db.query(`SELECT start_date FROM slots WHERE id = $1`, [practice.id])).rows[0].start_date.getFullYear());
  // A month served by most teachers, so compliance has work to do.
  await db.query(
    `INSERT INTO bookings (slot_id, teacher_id, school_id, enterprise_id, start_date, end_date, status, days_served)
     SELECT $1, user_id, school_id, $2, make_date($3, 3, 1), make_date($3, 3, 30), 'completed', 30 FROM teachers
      WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.teacher_id = teachers.user_id) AND hashtext(user_id::text) % 4 <> 0`,
    [practice.id, practice.enterprise_id, year],
  );
  /** @type {string} */
  const eduId = (await db.query(`SELECT id FROM users WHERE email = 'edu@demo.skillbridge.cn'`)).rows[0].id;
  const edu = mint({ id: eduId, role: 'bureau_officer', org: null, auth: 'EDU' });
  /** @param {string} label  @param {string} target  @returns {Promise<{ best: number, median: number }>} ms */
  const timeIt = async (label, target, times = 5) => {
    const samples = [];
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${target}`, {
        headers: { authorization: `Bearer ${edu}` },
        signal: AbortSignal.timeout(120_000),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${label}: ${response.status}`);
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return { best: samples[0], median: samples[Math.floor(samples.length / 2)] };
  };
  /** @type {string} */
  const firstSchool = (await db.query(`SELECT md5('bench-school-1')::uuid AS id`)).rows[0].id;
  const oneSchool = await timeIt('school', `/schools/${firstSchool}/compliance?year=${year}`);
  const allSchools = await timeIt('all', `/schools/compliance?year=${year}`);
  figures.compliance = { oneSchool, allSchools, teachers: sizes.teachers };
  rows.push([
    `practice: one school's compliance (${int(sizes.teachers / sizes.schools)} teachers)`,
    `median ${oneSchool.median.toFixed(1)} ms (best ${oneSchool.best.toFixed(1)})`,
    '—',
    '—',
    'reported',
  ]);
  rows.push([
    `practice: every school's compliance (${int(sizes.teachers)} teachers)`,
    `median ${allSchools.median.toFixed(0)} ms (best ${allSchools.best.toFixed(0)})`,
    '—',
    '—',
    'reported',
  ]);

  /** @type {Array<{ id: string }>} */
  const bookers = (await db.query(`SELECT user_id AS id FROM teachers ORDER BY user_id LIMIT $1`, [sizes.bookers])).rows;
  let next = 0;
  const booking = await runLoad({
    url: base,
    connections: 50,
    amount: bookers.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const teacher = bookers[next++ % bookers.length];
          const start = new Date(Date.UTC(year, 1 + (next % 9), 1 + (next % 20)));
          const end = new Date(start.getTime() + 29 * 86_400_000);
          return {
            ...request,
            path: `/api/v1/slots/${practice.id}/bookings`,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${mint({ id: teacher.id, role: 'teacher', org: null })}`,
            },
            body: JSON.stringify({ startDate: start.toISOString().slice(0, 10), endDate: end.toISOString().slice(0, 10) }),
          };
        },
      },
    ],
  });
  /** @type {{ booked: number, worst: number }} */
  const { booked, worst } = (
    await db.query(
      `SELECT (SELECT count(*) FROM bookings WHERE slot_id = $1)::int AS booked,
              (SELECT coalesce(max(taken), 0) FROM practice_days WHERE slot_id = $1)::int AS worst`,
      [practice.id],
    )
  ).rows[0];
  figures.booking = { perSecond: booking.successesPerSecond, latency: booking.latency, booked, statuses: booking.statuses };
  rows.push([
    `practice: ${int(bookers.length)} bookings by distinct teachers, 30 days each, one slot, 50 connections`,
    `${int(booking.successesPerSecond)} bookings/s · ${latency(booking.latency)} · ${int(booked)} booked, busiest day ${worst} teachers`,
    '—',
    '—',
    'reported',
  ]);
  return { rows, figures };
}
