// @ts-check
// Run 5, accepts on one hot slot: `hotOffers` offers from distinct students for a slot of
// `hotCapacity` seats, all sent at once; exactly capacity succeed, the others get 409 SLOT_FULL.
import { int, latency, statusList } from '../lib/report.mjs';
import { acceptRun, verifyAccepts } from './accepts.mjs';
import { note, say } from './progress.mjs';

/** @typedef {Awaited<ReturnType<typeof measureAcceptHot>>} AcceptHotResult */

/**
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {import('./api.mjs').Target} target
 * @param {import('./api.mjs').BenchStudents} students
 * @param {import('../lib/data.mjs').AcceptSet} set
 * @param {string} [prefix]  before the run's name in what is printed (the --what-if runs)
 */
export async function measureAcceptHot(run, target, students, set, prefix = '') {
  const { connections, seconds, sizes } = run.options;
  const queue = set.hot.map((o) => ({ id: o.id, token: students.token(o.student) }));
  say(
    `${prefix}5 accept on one hot slot (capacity ${int(sizes.hotCapacity)}): ${int(queue.length)} offers from distinct students, ` +
      `all at once over ${connections} connections (stopped after ${seconds.hotMax} s if not done)`,
  );
  const { result, outcomes, sent } = await acceptRun(run, target, queue, { amount: queue.length, maxSeconds: seconds.hotMax });
  const verification = await verifyAccepts(
    run,
    `${prefix}hot`,
    { outcomes, sent, timeouts: result.timeouts },
    { slotId: set.hotSlotId, offers: queue.length, completed: !result.stoppedEarly },
  );
  const hot = { ...result, verification, slot: verification.slot };
  note(
    `${int(hot.successesPerSecond)} successful accepts/s (${int(hot.successes)} in ${hot.secondsToLastSuccess?.toFixed(2) ?? '—'} s), ` +
      `${int(hot.requestsPerSecond)} req/s (${statusList(hot.statuses)} in ${hot.elapsed.toFixed(2)} s` +
      `${hot.stoppedEarly ? `, STOPPED after ${seconds.hotMax} s` : ''}), ${latency(hot.latency)}`,
  );
  return hot;
}
