// @ts-check
// Runs 6a and 6b, the database's ceiling for a seat reservation: the single UPDATE from a pg pool
// of `connections`, over many slots and on one row; the slots are reset afterwards.
import { performance } from 'node:perf_hooks';
import { cpuSampler } from '../lib/cpu.mjs';
import { idSql } from '../lib/data.mjs';
import { summarise } from '../lib/load.mjs';
import { int, latency } from '../lib/report.mjs';
import { note, say, timed } from './progress.mjs';

const RESERVE = 'UPDATE slots SET taken = taken + 1 WHERE id = $1 AND taken < capacity';

/** @typedef {Awaited<ReturnType<typeof reserveFor>>} ReservationLoad */

/**
 * RESERVE as fast as the pool allows for `seconds`, each statement on the slot `pickId()` gives.
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {() => string} pickId
 * @param {number} seconds
 */
async function reserveFor({ db, options, postmasterPid }, pickId, seconds) {
  /** @type {number[]} */
  const latencies = [];
  let reserved = 0;
  const sampler = cpuSampler({ postmasterPid });
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const client = await db.connect();
      try {
        while (performance.now() < deadline) {
          const begin = performance.now();
          const result = await client.query(RESERVE, [pickId()]);
          latencies.push(performance.now() - begin);
          reserved += result.rowCount ?? 0;
        }
      } finally {
        client.release();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = sampler.stop();
  return {
    statements: latencies.length,
    statementsPerSecond: latencies.length / elapsed,
    reserved,
    reservedPerSecond: reserved / elapsed,
    elapsed,
    latency: summarise(latencies),
    cpu: { ...cpu, postgresMsPerRequest: cpu.postgresMs === null ? null : cpu.postgresMs / latencies.length },
  };
}

/**
 * Over the slots no accept set uses, then on one of them with its capacity raised for the run.
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {import('./setup.mjs').AcceptSets} accepts
 */
export async function measureDbCeiling(run, accepts) {
  const { db, options } = run;
  const spareFrom = (accepts.whatIf ?? accepts.main).nextSlot + 9;
  // eslint-disable-next-line skillbridge/no-sql-assembly -- idSql is the bench's id expression (lib/data.mjs), fixed text; the range is a parameter
  const { rows } = await db.query(`SELECT ${idSql('slot', 'n')}::text AS id FROM generate_series($1::int, $2::int) n`, [
    spareFrom,
    options.sizes.slots,
  ]);
  /** @type {string[]} */
  const spare = rows.map((r) => r.id);
  const hotId = /** @type {string} */ (spare.pop());
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  say(
    `6a DB ceiling: "${RESERVE}" from Node (pg pool of ${options.connections}) over ${int(spare.length)} slots, ${options.seconds.raw} s`,
  );
  const rawSpread = await reserveFor(run, () => spare[Math.floor(random() * spare.length)], options.seconds.raw);
  note(`${int(rawSpread.statementsPerSecond)} statements/s (${int(rawSpread.reservedPerSecond)} seats/s), ${latency(rawSpread.latency)}`);
  say(`6b DB ceiling on one row: the same statement on a single slot (capacity raised for the run), ${options.seconds.raw} s`);
  const [{ capacity: hotCapacity }] = (await db.query('SELECT capacity FROM slots WHERE id = $1', [hotId])).rows;
  await db.query('UPDATE slots SET capacity = 10000000 WHERE id = $1', [hotId]);
  const rawHot = await reserveFor(run, () => hotId, options.seconds.raw);
  note(`${int(rawHot.statementsPerSecond)} statements/s, ${latency(rawHot.latency)}`);
  const reset = await timed(async () => {
    await db.query(`UPDATE slots SET taken = 0, capacity = CASE WHEN id = $1 THEN $2 ELSE capacity END WHERE taken > 0 OR id = $1`, [
      hotId,
      hotCapacity,
    ]);
    await db.query('VACUUM (ANALYZE) slots');
  });
  note(`reset taken on those slots, VACUUM ANALYZE slots: ${reset.seconds.toFixed(1)} s`);
  return { rawSpread, rawHot };
}
