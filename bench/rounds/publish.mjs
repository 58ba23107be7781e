// @ts-check
// The figure with an aim (bench/rounds.mjs): POST /match-rounds/:id/publish, one transaction turning
// every assignment into an accepted application and a placement, with an outbox event for every
// participant and enterprise — ≤ 10 s, in wall time and in the CPU the database and the API spend.
import os from 'node:os';
import { int } from '../lib/report.mjs';
import { cpuMsOf, say } from './context.mjs';

/**
 * @param {import('./context.mjs').RoundsRun} run
 * @param {import('./context.mjs').OfficerCall} call
 * @param {number} apiPid
 * @param {{ roundId: string, result: import('./context.mjs').RoundResult }} round
 */
export async function measurePublish({ sizes, db, figures, rows }, call, apiPid, { roundId, result }) {
  say('publish');
  // CPU of the database backends of this database and of the API: on a busy machine the wall time
  // grows with the others' load, the CPU these processes spend does not.
  /** @returns {Promise<number[]>} */
  const backendPids = async () =>
    (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).rows.map((r) => r.pid);
  const backends = await backendPids();
  const cpu = () => ({ db: backends.reduce((sum, pid) => sum + (cpuMsOf(pid) ?? 0), 0), api: cpuMsOf(apiPid) ?? 0 });
  const before = cpu();
  const loadBefore = os.loadavg()[0];
  const published = await call('POST', `/match-rounds/${roundId}/publish`);
  const after = cpu();
  // Backends opened during the publish count whole.
  const born = (await backendPids()).filter((pid) => !backends.includes(pid));
  after.db += born.reduce((sum, pid) => sum + (cpuMsOf(pid) ?? 0), 0);
  const publishSeconds = published.ms / 1000;
  const publishCpu = { databaseSeconds: (after.db - before.db) / 1000, apiSeconds: (after.api - before.api) / 1000, loadBefore };
  figures.publishCpu = publishCpu;
  /** @type {{ placements: number, events: number }} */
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM placements p JOIN match_round_slots rs ON rs.slot_id = p.slot_id AND rs.round_id = $1)::int AS placements,
              (SELECT count(*) FROM outbox_events WHERE subject_id = $1)::int AS events`,
      [roundId],
    )
  ).rows[0];
  figures.publish = { seconds: publishSeconds, ...counts };
  const ok = counts.placements === result.figures.matched && counts.events === sizes.students + sizes.enterprises;
  rows.push([
    `publish: ${int(sizes.students)} students → ${int(counts.placements)} applications + placements, ${int(counts.events)} outbox events, one transaction`,
    `${publishSeconds.toFixed(2)} s${ok ? '' : ' (counts wrong!)'}`,
    '≤ 10 s',
    publishSeconds <= 10 && ok ? '✅ met' : '❌ missed',
  ]);
  rows.push([
    'publish: CPU spent by the database backends / the API (what the wall time comes to on a quiet machine)',
    `${publishCpu.databaseSeconds.toFixed(2)} s / ${publishCpu.apiSeconds.toFixed(2)} s (1-minute load average ${loadBefore.toFixed(1)} before)`,
    '≤ 10 s',
    publishCpu.databaseSeconds + publishCpu.apiSeconds <= 10 && ok ? '✅ met' : '❌ missed',
  ]);
}
