// @ts-check
// autocannon, programmatically, with our own bookkeeping: every response's latency (autocannon's
// histogram has no p95), status counts, per-label latencies, and the time of the last success.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** @typedef {import('autocannon').Request} LoadRequest */
/** @typedef {{ count: number, p50: number | null, p95: number | null, p99: number | null, max: number | null }} Latency */

/**
 * @typedef {object} LoadOptions
 * @property {string} url
 * @property {number} [connections]  50 unless given
 * @property {number} [duration]  seconds; or `amount`
 * @property {number} [amount]  total requests
 * @property {number} [warmup]  seconds of warm-up over the same connections, not measured
 * @property {LoadRequest[]} requests
 * @property {Record<string, string>} [headers]
 * @property {number} [maxSeconds]  stops the run anyway
 * @property {number} [overallRate]  requests a second over all connections
 */

/**
 * @typedef {object} LoadResult
 * @property {number} connections
 * @property {boolean} stoppedEarly  `maxSeconds` stopped it
 * @property {number} elapsed  seconds from the first to the last response
 * @property {number} responses
 * @property {number} requestsPerSecond
 * @property {number} successes  2xx responses
 * @property {number} successesPerSecond  up to the last success
 * @property {number | null} secondsToLastSuccess
 * @property {Latency} latency  ms
 * @property {Record<string, number>} statuses  responses by HTTP status
 * @property {number} non2xx
 * @property {number} errors
 * @property {number} timeouts
 * @property {Array<Latency & { label: string, statuses: Record<string, number> }>} labels
 * @property {{ average: number, p50: number, p99: number, non2xx: number }} autocannon  its own figures, for comparison
 */

/**
 * @param {ArrayLike<number>} sorted
 * @param {number} q  0 … 1
 */
export function percentile(sorted, q) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * @param {number[]} latencies  ms
 * @returns {Latency}
 */
export function summarise(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : null,
  };
}

/**
 * Runs one load. `requests` are autocannon request objects; give each a `label` to get its own
 * latency figures. Either `duration` (s) or `amount` (total requests); `maxSeconds` stops it anyway.
 * @param {LoadOptions} options
 * @returns {Promise<LoadResult>}
 */
export async function runLoad({ url, connections = 50, duration, amount, warmup, requests, headers = {}, maxSeconds, overallRate }) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {Map<string, { latencies: number[], statuses: Record<string, number> }>} */
  const byLabel = new Map();
  /** @type {Record<string, number>} */
  const statuses = {};
  /** @type {number | null} */
  let started = null;
  /** @type {number | null} */
  let lastResponse = null;
  /** @type {number | null} */
  let lastSuccess = null;
  let successes = 0;
  let stoppedEarly = false;

  /** @type {import('autocannon').Options} */
  const options = {
    url,
    connections,
    requests,
    headers,
    timeout: 30,
    ...(amount ? { amount } : { duration }),
    ...(overallRate ? { overallRate } : {}),
  };
  if (warmup) options.warmup = { connections, duration: warmup };
  const instance = autocannon(options);
  instance.on('start', () => {
    started ??= performance.now();
  });
  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    const now = performance.now();
    started ??= now - responseTime;
    lastResponse = now;
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) {
      successes += 1;
      lastSuccess = now;
    }
    // A request's label: set per request by its setupRequest (in the context), or on the request.
    const label =
      /** @type {string | undefined} */ (client.requestIterator?.context?.label) ?? client.requestIterator?.currentRequest?.label;
    if (label) {
      let entry = byLabel.get(label);
      if (!entry) byLabel.set(label, (entry = { latencies: [], statuses: {} }));
      entry.latencies.push(responseTime);
      entry.statuses[statusCode] = (entry.statuses[statusCode] ?? 0) + 1;
    }
  });
  const watchdog = maxSeconds
    ? setTimeout(() => {
        stoppedEarly = true;
        instance.stop();
      }, maxSeconds * 1000)
    : null;
  const result = await instance;
  if (watchdog) clearTimeout(watchdog);

  const elapsed = started !== null && lastResponse !== null ? (lastResponse - started) / 1000 : result.duration;
  const responses = latencies.length;
  // A success is a response: `started` is set by then.
  const toLastSuccess = lastSuccess !== null && started !== null ? (lastSuccess - started) / 1000 : null;
  return {
    connections,
    stoppedEarly,
    elapsed,
    responses,
    requestsPerSecond: responses / elapsed,
    successes,
    successesPerSecond: toLastSuccess !== null ? successes / toLastSuccess : 0,
    secondsToLastSuccess: toLastSuccess,
    latency: summarise(latencies),
    statuses,
    non2xx: responses - successes,
    errors: result.errors,
    timeouts: result.timeouts,
    labels: [...byLabel].map(([label, entry]) => ({ label, statuses: entry.statuses, ...summarise(entry.latencies) })),
    autocannon: { average: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx },
  };
}
