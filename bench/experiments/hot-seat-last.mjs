// @ts-check
// DB only, no API: the accept statement exactly as the API sends it (captured into a results JSON by
// bench/run.mjs) vs an explicit transaction that takes the seat last (so the slot row is locked
// only for that UPDATE and the COMMIT), on a fresh hot slot: capacity 500, 5,000 offers, 50 clients.
// Needs a full-size kept database (slots 99,001… and students 900,001… unused).
//
//   node bench/experiments/with-services.mjs bench/experiments/hot-seat-last.mjs bench/results/<date>-marketplace.json as-is|seat-last <slot n> <first student n>
/* eslint-disable skillbridge/no-sql-assembly -- the bench's id expressions, and the API's own accept statement from a results file */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const pg = createRequire(import.meta.url)('pg');
const [resultsJson, mode, slotArg, studentArg] = process.argv.slice(2);
const ACCEPT_SQL = JSON.parse(fs.readFileSync(resultsJson, 'utf8')).results.explain.accept?.sql;
if (!ACCEPT_SQL || !['as-is', 'seat-last'].includes(mode))
  throw new Error('usage: hot-seat-last.mjs <results.json> as-is|seat-last <slot n> <first student n>');
const slotN = Number(slotArg ?? 99001);
const studentFrom = Number(studentArg ?? 900000);
const db = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 50 });
/** @param {string} kind  @param {string | number} n */
const id = (kind, n) => `md5('bench-${kind}-' || (${n}))::uuid`;
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

await db.query(`UPDATE slots SET capacity = 500, taken = 0 WHERE id = ${id('slot', slotN)}`);
await db.query(
  `INSERT INTO applications (id, slot_id, student_id, school_id, enterprise_id, status, school_approved_at, respond_by)
   SELECT md5('experiment-app-' || $1 || '-' || k)::uuid, s.id, ${id('stu', `${studentFrom} + k`)}, ${id('school', 1)}, s.enterprise_id, 'offered', now(), DATE '2027-02-28'
     FROM generate_series(1, 5000) k, slots s WHERE s.id = ${id('slot', slotN)}`,
  [slotN],
);
const offers = (
  await db.query(
    `SELECT id::text, student_id::text AS student FROM applications WHERE slot_id = ${id('slot', slotN)} AND status = 'offered' ORDER BY id`,
  )
).rows;

/** @typedef {{ id: string, student: string }} Offer */

/** @param {import('pg').PoolClient} client  @param {Offer} offer  @returns {Promise<number>} the HTTP status the API would answer */
async function asIs(client, offer) {
  const { rows } = await client.query(/** @type {string} checked above */ (ACCEPT_SQL), [offer.id, offer.student, today]);
  return rows[0].placement_id ? 200 : 409;
}
/** @param {import('pg').PoolClient} client  @param {Offer} offer  @returns {Promise<number>} the HTTP status the API would answer */
async function seatLast(client, offer) {
  await client.query('BEGIN');
  try {
    const {
      rows: [a],
    } = await client.query(
      `SELECT id, slot_id, student_id, school_id, enterprise_id FROM applications
        WHERE id = $1 AND student_id = $2 AND status = 'offered' AND school_approved_at IS NOT NULL AND (respond_by IS NULL OR respond_by >= $3) FOR UPDATE`,
      [offer.id, offer.student, today],
    );
    if (!a) return (await client.query('ROLLBACK'), 404);
    const {
      rows: [s],
    } = await client.query(`SELECT type, start_date, end_date, taken < capacity AS room FROM slots WHERE id = $1`, [a.slot_id]);
    if (!s.room) return (await client.query('ROLLBACK'), 409);
    await client.query(`UPDATE applications SET status = 'accepted', decided_at = now(), updated_at = now() WHERE id = $1`, [a.id]);
    const {
      rows: [p],
    } = await client.query(
      `INSERT INTO placements (kind, application_id, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date)
       VALUES ('student', $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [a.id, a.slot_id, a.enterprise_id, a.student_id, a.school_id, s.type, s.start_date, s.end_date],
    );
    await client.query(
      `INSERT INTO outbox_events (kind, subject_id, recipients, payload)
       SELECT 'application.accepted', $1, ARRAY(SELECT u.id FROM users u WHERE u.id = $2 OR (u.organisation_id IN ($3, $4) AND u.role IN ('enterprise_admin', 'school_admin')) ORDER BY u.id),
              jsonb_build_object('placementId', $5::uuid, 'slotId', $6::uuid)`,
      [a.id, a.student_id, a.enterprise_id, a.school_id, p.id, a.slot_id],
    );
    const seat = await client.query(`UPDATE slots SET taken = taken + 1, updated_at = now() WHERE id = $1 AND taken < capacity`, [
      a.slot_id,
    ]);
    if (seat.rowCount !== 1) return (await client.query('ROLLBACK'), 409);
    await client.query('COMMIT');
    return 200;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

let next = 0;
let ok = 0;
let conflicts = 0;
let lastOk = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: 50 }, async () => {
    const client = await db.connect();
    try {
      while (next < offers.length) {
        const status = await (mode === 'as-is' ? asIs : seatLast)(client, offers[next++]);
        if (status === 200) {
          ok++;
          lastOk = performance.now();
        } else conflicts++;
      }
    } finally {
      client.release();
    }
  }),
);
const total = (performance.now() - t0) / 1000;
const {
  rows: [slot],
} = await db.query(
  `SELECT taken, capacity, (SELECT count(*)::int FROM placements WHERE slot_id = s.id) AS placements FROM slots s WHERE id = ${id('slot', slotN)}`,
);
console.log(
  `${mode}: ${ok} accepted in ${((lastOk - t0) / 1000).toFixed(2)} s = ${Math.round(ok / ((lastOk - t0) / 1000))} accepts/s; ${conflicts} × 409; ` +
    `all ${offers.length} in ${total.toFixed(2)} s; slot ${slot.taken}/${slot.capacity}, ${slot.placements} placements`,
);
await db.end();
