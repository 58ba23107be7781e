// @ts-check
// Run 4, accepts spread over many slots: POST /applications/:id/accept for offers across
// `spreadSlots` slots (a fifth of them oversubscribed), each once, each by its own student, in a
// shuffled order; then the checks that no slot was oversold.
import { int, latency, statusList } from '../lib/report.mjs';
import { acceptRun, verifyAccepts } from './accepts.mjs';
import { cpuPerRequest } from './measure.mjs';
import { note, say } from './progress.mjs';

/** @typedef {Awaited<ReturnType<typeof measureAcceptSpread>>} AcceptSpreadResult */

/**
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {import('./api.mjs').Target} target
 * @param {import('./api.mjs').BenchStudents} students
 * @param {import('../lib/data.mjs').AcceptSet} set
 * @param {string} [prefix]  before the run's name in what is printed (the --what-if runs)
 */
export async function measureAcceptSpread(run, target, students, set, prefix = '') {
  const { connections, seconds } = run.options;
  const queue = set.spread.map((o) => ({ id: o.id, token: students.token(o.student) }));
  say(
    `${prefix}4 accept spread over ${int(set.spreadSlots)} slots: POST /api/v1/applications/:id/accept, ` +
      `${int(queue.length)} offers (each once, shuffled, distinct students), ${connections} connections, ${seconds.run} s`,
  );
  const { result, outcomes, sent } = await acceptRun(run, target, queue, { duration: seconds.run });
  const spread = {
    ...result,
    verification: await verifyAccepts(run, `${prefix}spread`, { outcomes, sent, timeouts: result.timeouts }, null),
  };
  note(
    `${int(spread.successesPerSecond)} accepts/s, ${int(spread.requestsPerSecond)} req/s (${statusList(spread.statuses)}), ` +
      `${latency(spread.latency)}; ${cpuPerRequest(spread)}`,
  );
  return spread;
}
