// @ts-check
// The round through the API as the bureau's officer (bench/rounds.mjs): created over every bench
// slot, opened, each student's ten distinct choices written in SQL, closed; then run in the worker
// (every slot ranked automatically by criteria and the seeded lottery), timed until it has ran.
import { performance } from 'node:perf_hooks';
import { int } from '../lib/report.mjs';
import { ROUND_NAME, delay, say } from './context.mjs';

/**
 * @param {import('./context.mjs').RoundsRun} run
 * @param {import('./context.mjs').OfficerCall} call
 * @returns {Promise<{ roundId: string, result: import('./context.mjs').RoundResult }>}
 */
export async function runRound({ sizes, db, figures, rows }, call) {
  say('round: create over every bench slot, open, lists in SQL, close');
  /** @type {Array<{ id: string }>} */
  const slotRows = (await db.query(`SELECT id FROM slots WHERE title LIKE '基准岗位%' ORDER BY id`)).rows;
  const created = await call('POST', '/match-rounds', {
    name: ROUND_NAME,
    slotIds: slotRows.map((r) => r.id),
    preferenceDeadline: new Date(Date.now() + 86_400_000).toISOString(),
    seed: 'bench',
  });
  const roundId = /** @type {{ id: string }} */ (created.reply).id;
  figures.createMs = created.ms;
  await call('POST', `/match-rounds/${roundId}/open`);
  let t0 = performance.now();
  // Ten distinct slots per student: a start and a stride (at most 1 997, so 9 strides stay under the slot count).
  await db.query(
    `WITH ids AS (SELECT array_agg(id ORDER BY id) AS a FROM slots WHERE title LIKE '基准岗位%')
     INSERT INTO match_preferences (round_id, student_id, slot_ids)
     SELECT $1, md5('bench-student-' || n)::uuid,
            ARRAY(SELECT ids.a[1 + ((hashint4(n) & 2147483647) + k * (1 + (hashint4(n + 7) & 2147483647) % least(1997, ($3 - 1) / 9))) % $3]
                    FROM generate_series(0, 9) k ORDER BY k)
       FROM generate_series(1, $2) n, ids`,
    [roundId, sizes.students, sizes.slots],
  );
  figures.listsSeconds = (performance.now() - t0) / 1000;
  await call('POST', `/match-rounds/${roundId}/close`);

  say('run in the worker (every slot ranked automatically by criteria and the seeded lottery)');
  t0 = performance.now();
  await call('POST', `/match-rounds/${roundId}/run`);
  /** @type {{ runError?: string, running: boolean, status: string }} */
  let round;
  do {
    await delay(200);
    round = /** @type {typeof round} */ ((await call('GET', `/match-rounds/${roundId}`)).reply);
    if (round.runError) throw new Error(`run failed: ${round.runError}`);
  } while (round.running || round.status !== 'ran');
  const runWall = (performance.now() - t0) / 1000;
  const result = /** @type {import('./context.mjs').RoundResult} */ ((await call('GET', `/match-rounds/${roundId}/result?limit=1`)).reply);
  figures.run = { wallSeconds: runWall, ...result.figures, stable: result.stable };
  rows.push([
    `run: ${int(sizes.students)} students × 10 over ${int(sizes.slots)} slots (worker: load, rank, solve, audit, store)`,
    `${runWall.toFixed(1)} s wall (${(result.figures.runMs / 1000).toFixed(1)} s in the job before storing)`,
    '—',
    'reported',
  ]);
  rows.push([
    'run: matched / first choice / unmatched',
    `${int(result.figures.matched)} / ${int(result.figures.firstChoice)} / ${int(result.figures.unmatched)}; stable ${result.stable}`,
    '—',
    'reported',
  ]);
  // A round is published hours after its lists close: by then autovacuum has analysed the freshly
  // loaded tables (this server may run with autovacuum off, as CI's does).
  await db.query('VACUUM ANALYZE placements, applications, outbox_events, slots, match_round_slots');
  return { roundId, result };
}
