// @ts-check
// Run 3, recommendations: GET /slots/recommended?limit=10, 200 students in rotation.
import { runLoad } from '../lib/load.mjs';
import { int, latency } from '../lib/report.mjs';
import { cpuPerRequest, rotating, warmUp, withCpu } from './measure.mjs';
import { note, say } from './progress.mjs';

/**
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {import('./api.mjs').Target} target
 * @param {import('./api.mjs').BenchStudents} students
 */
export async function measureRecommended({ options }, target, students) {
  const { sizes, seconds, connections } = options;
  const ids = await students.ids(Array.from({ length: 200 }, (_, i) => sizes.students - 1 - i));
  const probe = await fetch(`${target.base}/api/v1/slots/recommended?limit=10`, {
    headers: { authorization: `Bearer ${students.token(ids[0])}` },
  });
  const body = await probe.json();
  if (probe.status !== 200 || !Array.isArray(body) || body.length === 0) {
    throw new Error(`recommended answered ${probe.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  say(
    `3 recommended: GET /api/v1/slots/recommended?limit=10, 200 students in rotation, ${connections} connections, ${seconds.recommended} s`,
  );
  const recommendedOptions = {
    url: target.base,
    duration: seconds.recommended,
    requests: [
      rotating(ids, (id) => ({
        path: '/api/v1/slots/recommended?limit=10',
        label: 'recommended',
        headers: { authorization: `Bearer ${students.token(id)}` },
      })),
    ],
  };
  await warmUp(target.pids.apiPid, seconds.warmup, recommendedOptions);
  const recommended = await withCpu(target.pids, () => runLoad(recommendedOptions));
  note(
    `${int(recommended.requestsPerSecond)} req/s, ${latency(recommended.latency)}, non-2xx ${recommended.non2xx}; ${cpuPerRequest(recommended)}`,
  );
  return recommended;
}
