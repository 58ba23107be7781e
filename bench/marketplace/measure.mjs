// @ts-check
// How every HTTP run is measured: CPU per request and the machine's load around it, a warm-up that
// lets the API settle, and requests that rotate through a list.
import os from 'node:os';
import { cpuSampler, waitUntilIdle } from '../lib/cpu.mjs';
import { runLoad } from '../lib/load.mjs';
import { ms } from '../lib/report.mjs';

/**
 * @typedef {object} CpuPerRequest  CPU ms of the run (null where /proc cannot tell), and per response
 * @property {number | null} apiMs
 * @property {number | null} postgresMs
 * @property {number | null} benchMs
 * @property {number | null} apiMsPerRequest
 * @property {number | null} postgresMsPerRequest
 * @property {number | null} benchMsPerRequest
 */
/**
 * @typedef {object} Measurement
 * @property {{ before: number, after: number }} loadAverage  the machine's 1-minute load
 * @property {number} [drainSeconds]  how long the API still worked after the load stopped
 * @property {CpuPerRequest} cpu
 */
/** @typedef {import('../lib/load.mjs').LoadResult & Measurement} MeasuredLoad */

/**
 * Runs `fn` (a load) with the CPU of the API and of PostgreSQL counted, then waits until the API is idle.
 * @template {import('../lib/load.mjs').LoadResult} T
 * @param {{ apiPid?: number, postmasterPid?: number | null }} pids
 * @param {() => Promise<T>} fn
 * @returns {Promise<T & Measurement>}
 */
export async function withCpu(pids, fn) {
  const loadBefore = os.loadavg()[0];
  const sampler = cpuSampler(pids);
  const result = await fn();
  const cpu = sampler.stop();
  const loadAverage = { before: Number(loadBefore.toFixed(2)), after: Number(os.loadavg()[0].toFixed(2)) };
  // What was in flight when the load stopped still runs in the server: let it finish before the next run.
  const drain = pids.apiPid ? { drainSeconds: await waitUntilIdle(pids.apiPid) } : {};
  /** @param {number | null} value */
  const per = (value) => (value === null || !result.responses ? null : value / result.responses);
  return {
    ...result,
    loadAverage,
    ...drain,
    cpu: { ...cpu, apiMsPerRequest: per(cpu.apiMs), postgresMsPerRequest: per(cpu.postgresMs), benchMsPerRequest: per(cpu.benchMs) },
  };
}

/**
 * The CPU a run's requests cost, as the progress lines print it.
 * @param {{ cpu: CpuPerRequest }} measured
 */
export const cpuPerRequest = ({ cpu }) =>
  `CPU per request: API ${ms(cpu.apiMsPerRequest)} ms, PostgreSQL ${ms(cpu.postgresMsPerRequest)} ms`;

/**
 * A warm-up run, then (outside the measured run and its CPU figures) a pause until the API has
 * finished what the warm-up left in flight: autocannon's own warm-up would start the measured run
 * while the server still works on those.
 * @param {number} apiPid
 * @param {number} seconds
 * @param {import('../lib/load.mjs').LoadOptions} options  the measured run's
 */
export async function warmUp(apiPid, seconds, options) {
  await runLoad({ ...options, duration: seconds, warmup: undefined });
  await waitUntilIdle(apiPid);
}

/**
 * One request object whose every send takes the next item of the rotation (shared by all connections).
 * @template T
 * @param {T[]} items
 * @param {(item: T) => { path: string, label: string, headers?: Record<string, string> }} build
 * @returns {import('../lib/load.mjs').LoadRequest}
 */
export function rotating(items, build) {
  let next = 0;
  return {
    method: 'GET',
    setupRequest(request, context) {
      const item = items[next++ % items.length];
      const built = build(item);
      context.label = built.label;
      return { ...request, path: built.path, headers: { ...request.headers, ...built.headers } };
    },
  };
}
