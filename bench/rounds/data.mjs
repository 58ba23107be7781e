// @ts-check
// The round's data, written in SQL (bench/rounds.mjs): schools, enterprises with headcounts, slots of
// `seats` seats, and the students.
import { performance } from 'node:perf_hooks';
import { int } from '../lib/report.mjs';
import { say } from './context.mjs';

/**
 * @param {import('./context.mjs').RoundsRun} run
 * @returns {Promise<number>} the year of the slots
 */
export async function loadRoundData({ sizes, db, figures }) {
  const { students, slots, seats, enterprises, schools } = sizes;
  say(`data: ${int(students)} students in ${schools} schools, ${int(slots)} slots of ${seats} seats at ${int(enterprises)} enterprises`);
  const t0 = performance.now();
  await db.query(
    `INSERT INTO organisations (id, kind, name, district, school_level, verification)
     SELECT md5('bench-school-' || n)::uuid, 'school', '基准学校' || n, '城关区', 'higher', 'verified' FROM generate_series(1, $1) n`,
    [schools],
  );
  await db.query(
    `INSERT INTO organisations (id, kind, name, district, uscc, ownership, industry, verification)
     SELECT md5('bench-ent-' || n)::uuid, 'enterprise', '基准企业' || lpad(n::text, 6, '0'), '兰州新区', 'BENCH' || lpad(n::text, 13, '0'),
            (ARRAY['municipal_soe','central_soe','private','foreign','other'])[1 + n % 5], '装备制造', 'verified'
       FROM generate_series(1, $1) n`,
    [enterprises],
  );
  const year = new Date().getUTCFullYear() + 1;
  await db.query(
    `INSERT INTO enterprise_headcounts (organisation_id, year, employees) SELECT md5('bench-ent-' || n)::uuid, $2, 2000 FROM generate_series(1, $1) n`,
    [enterprises, year],
  );
  await db.query(
    `INSERT INTO slots (id, enterprise_id, type, title, majors, district, start_date, end_date, capacity, state, published_at)
     SELECT md5('bench-slot-' || n)::uuid, md5('bench-ent-' || (1 + n % $2))::uuid, 'internship', '基准岗位' || n,
            ARRAY[(ARRAY['数控技术','机电一体化技术','现代物流管理','大数据技术'])[1 + n % 4]], '兰州新区', make_date($3, 3, 1), make_date($3, 8, 31), $4, 'open', now()
       FROM generate_series(1, $1) n`,
    [slots, enterprises, year, seats],
  );
  await db.query(
    `WITH u AS (INSERT INTO users (id, email, password_hash, name, role, organisation_id)
                SELECT md5('bench-student-' || n)::uuid, 'bench-student-' || n || '@example.cn', 'x', '学生' || n, 'student',
                       md5('bench-school-' || (1 + n % $2))::uuid
                  FROM generate_series(1, $1) n RETURNING id, organisation_id, email)
     INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year)
     SELECT id, organisation_id, '2006-01-01', (ARRAY['数控技术','机电一体化技术','现代物流管理','大数据技术'])[1 + (hashtext(email) & 3)], $3 - 2 FROM u`,
    [students, schools, year],
  );
  figures.dataSeconds = (performance.now() - t0) / 1000;
  return year;
}
