// @ts-check
// Run 1, the HTTP ceiling: a bare Fastify route (hello-server.mjs) in its own process on this
// machine. No API route can go faster here.
import path from 'node:path';
import { ROOT } from '../../scripts/lib/run.mjs';
import { freePort } from '../../scripts/lib/services.mjs';
import { runLoad } from '../lib/load.mjs';
import { startNodeChild, waitForHttp } from '../lib/processes.mjs';
import { int, latency, ms } from '../lib/report.mjs';
import { withCpu } from './measure.mjs';
import { BENCH_DIR, LOGS } from './options.mjs';
import { atCleanup, note, say } from './progress.mjs';

/** @param {import('./options.mjs').MarketplaceOptions} options */
export async function measureCeiling({ connections, seconds }) {
  say(`1 HTTP ceiling: bare Fastify GET /hello, ${connections} connections, ${seconds.run} s`);
  const port = await freePort();
  const hello = startNodeChild('hello-server', path.join(BENCH_DIR, 'hello-server.mjs'), {
    cwd: ROOT,
    env: { PORT: String(port) },
    logFile: path.join(LOGS, 'hello-server.log'),
  });
  atCleanup(() => hello.stop());
  await waitForHttp(`http://127.0.0.1:${port}/hello`, hello);
  const hit = await withCpu({ apiPid: hello.child.pid }, () =>
    runLoad({
      url: `http://127.0.0.1:${port}`,
      duration: seconds.run,
      warmup: seconds.warmup,
      requests: [{ method: 'GET', path: '/hello' }],
    }),
  );
  await hello.stop();
  note(`${int(hit.requestsPerSecond)} req/s, ${latency(hit.latency)}; server CPU ${ms(hit.cpu.apiMsPerRequest)} ms/request`);
  return hit;
}
