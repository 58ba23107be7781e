// @ts-check
// Drafting agreements at scale (issue 18): the placements of a published round of `--students=` (default 10^5)
// students, each drafted as the worker drafts a large round — batches of DRAFTING_BATCH placements, one
// set-based INSERT … SELECT per batch (terms built with jsonb_build_object, their SHA-256), each batch its
// own transaction. Aim ≥ 2,000 agreements/s (terms and hashes, not PDFs). Beside it, its ceiling measured in
// the same run: raw inserts of as many rows (an agreement and a version with a constant jsonb) in the same
// batches — what PostgreSQL writes at all on this machine.
// Writes bench/results/<date>-agreements-drafting-<students>.md and .json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DATA, ROOT, buildAll, setUpDatabase } from '../scripts/lib/run.mjs';
import { ensurePostgres } from '../scripts/lib/services.mjs';
import { int, markdownTable, shareTable, textTable } from './lib/report.mjs';

const require = createRequire(import.meta.url);
const STUDENTS = Number(process.argv.find((a) => a.startsWith('--students='))?.split('=')[1] ?? 100_000);
const AIM = 2_000;
const DATABASE = 'sb_bench_agreements';

/** @param {string} message */
const say = (message) => process.stdout.write(`▸ ${message}\n`);

say('building');
buildAll();
const postgres = await ensurePostgres({ dataDir: path.join(DATA, 'bench-agreements', 'pg') });
try {
  const url = new URL(postgres.url);
  url.pathname = `/${DATABASE}`;
  const databaseUrl = url.toString();
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  say('migrations and the demo city');
  setUpDatabase(databaseUrl, 'setup');

  const { createDataSource } = require(path.join(ROOT, 'libs/db/dist/index.js'));
  const { DRAFTING_BATCH, draftAgreements } = require(path.join(ROOT, 'libs/agreements/dist/index.js'));
  const db = await createDataSource(databaseUrl, { extra: { max: 2 } }).initialize();

  say(`${int(STUDENTS)} students placed on ${int(STUDENTS / 5)} slots of 5 seats (a published round's placements)`);
  await db.query(
    `WITH sc AS (SELECT id FROM organisations WHERE kind = 'school' ORDER BY name LIMIT 1),
          e AS (SELECT id FROM organisations WHERE kind = 'enterprise' AND verification = 'verified' ORDER BY name LIMIT 1),
          slots AS (
            INSERT INTO slots (enterprise_id, type, title, description, district, start_date, end_date, capacity, taken, stipend, state)
            SELECT e.id, 'internship', '基准岗位 ' || n, '数控加工与装配', '七里河区', '2027-03-01', '2027-08-31', 5, 5, 3000, 'closed'
              FROM e, generate_series(1, $1::int / 5) n
            RETURNING id, enterprise_id),
          numbered AS (SELECT id, enterprise_id, row_number() OVER (ORDER BY id) AS k FROM slots),
          users AS (
            INSERT INTO users (email, password_hash, name, role, organisation_id)
            SELECT 'bench-drafting-' || n || '@example.cn', 'x', '基准学生' || n, 'student', sc.id FROM sc, generate_series(1, $1::int) n
            RETURNING id, organisation_id),
          students AS (
            INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year, class_name)
            SELECT id, organisation_id, '2008-01-01'::date + (abs(hashtext(id::text)) % 1500), '机电一体化技术', 2024, '机电2401' FROM users
            RETURNING user_id, school_id),
          ordered AS (SELECT user_id, school_id, row_number() OVER (ORDER BY user_id) AS k FROM students)
     INSERT INTO placements (kind, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date)
     SELECT 'student', s.id, s.enterprise_id, o.user_id, o.school_id, 'internship', '2027-03-01', '2027-08-31'
       FROM ordered o JOIN numbered s ON s.k = (o.k - 1) / 5 + 1`,
    [STUDENTS],
  );
  /** @type {string[]} */
  const ids = (
    await db.query(`SELECT id FROM placements p WHERE NOT EXISTS (SELECT 1 FROM agreements a WHERE a.placement_id = p.id) ORDER BY id`)
  ).map((/** @type {{ id: string }} */ r) => r.id);
  await db.query('VACUUM ANALYZE');

  say(`ceiling: raw inserts of ${int(ids.length)} rows × 2 in batches of ${int(DRAFTING_BATCH)}`);
  await db.query(`CREATE TABLE bench_raw_agreements (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), placement_id uuid UNIQUE NOT NULL)`);
  await db.query(
    `CREATE TABLE bench_raw_versions (agreement_id uuid NOT NULL, version int NOT NULL, terms jsonb NOT NULL, terms_sha256 text NOT NULL, PRIMARY KEY (agreement_id, version))`,
  );
  let started = performance.now();
  for (let i = 0; i < ids.length; i += DRAFTING_BATCH) {
    await db.transaction((/** @type {import('typeorm').EntityManager} */ tx) =>
      tx.query(
        `WITH a AS (INSERT INTO bench_raw_agreements (placement_id) SELECT unnest($1::uuid[]) RETURNING id)
         INSERT INTO bench_raw_versions (agreement_id, version, terms, terms_sha256) SELECT id, 1, '{"raw": true}'::jsonb, '' FROM a`,
        [ids.slice(i, i + DRAFTING_BATCH)],
      ),
    );
  }
  const ceilingSeconds = (performance.now() - started) / 1000;

  say(`drafting ${int(ids.length)} agreements in batches of ${int(DRAFTING_BATCH)}`);
  started = performance.now();
  let drafted = 0;
  for (let i = 0; i < ids.length; i += DRAFTING_BATCH) {
    drafted += await db.transaction((/** @type {import('typeorm').EntityManager} */ tx) =>
      draftAgreements(tx, ids.slice(i, i + DRAFTING_BATCH)),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const [{ n: hashed }] = await db.query(
    `SELECT count(*)::int AS n FROM agreement_versions WHERE terms_sha256 = encode(sha256(convert_to(terms::text, 'UTF8')), 'hex')`,
  );
  await db.destroy();
  if (drafted !== ids.length || hashed < drafted) throw new Error(`drafted ${drafted} of ${ids.length}, ${hashed} with their hash`);

  const rate = drafted / seconds;
  const ceiling = ids.length / ceilingSeconds;
  const rows = [
    [
      `agreements: drafting a published round of ${int(STUDENTS)} students`,
      `${int(rate)} agreements/s (${seconds.toFixed(1)} s)`,
      `raw inserts of as many rows: ${int(ceiling)} rows/s (${ceilingSeconds.toFixed(1)} s)`,
      `≥ ${int(AIM)} agreements/s`,
      rate >= AIM ? '✅' : '❌',
    ],
  ];
  const headers = ['benchmark', 'figure', 'ceiling beside it', 'aim', 'verdict'];
  process.stdout.write(`\n${textTable(headers, rows)}\n\n`);
  const date = new Date().toISOString().slice(0, 10);
  const out = path.join(ROOT, 'bench/results', `${date}-agreements-drafting-${STUDENTS}`);
  const machine = `${os.cpus().length} CPUs, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the end`;
  fs.writeFileSync(
    `${out}.md`,
    `# Agreement drafting benchmark — ${date}\n\n\`node bench/agreements-drafting.mjs --students=${STUDENTS}\` on PostgreSQL on this machine. ${machine}.\n\n` +
      `${markdownTable(headers, rows)}\n`,
  );
  fs.writeFileSync(`${out}.json`, JSON.stringify({ date, students: STUDENTS, drafted, seconds, rate, ceilingSeconds, ceiling }, null, 2));
  shareTable('agreement drafting (bench/agreements-drafting.mjs)', rows, path.relative(ROOT, `${out}.md`));
  say(`written ${path.relative(ROOT, out)}.md and .json`);
} finally {
  await postgres.stop();
}
