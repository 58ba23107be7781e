// autocannon, programmatically, with our own bookkeeping: every response's latency (autocannon's
// histogram has no p95), status counts, per-label latencies, and the time of the last success.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

export function percentile(sorted, q) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

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
 */
export async function runLoad({ url, connections = 50, duration, amount, warmup, requests, headers = {}, maxSeconds, overallRate }) {
  const latencies = [];
  const byLabel = new Map();
  const statuses = {};
  let started = null;
  let lastResponse = null;
  let lastSuccess = null;
  let successes = 0;
  let stoppedEarly = false;

  const options = { url, connections, requests, headers, timeout: 30, ...(amount ? { amount } : { duration }), ...(overallRate ? { overallRate } : {}) };
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
    const label = client.requestIterator?.context?.label ?? client.requestIterator?.currentRequest?.label;
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
  return {
    connections,
    stoppedEarly,
    elapsed,
    responses,
    requestsPerSecond: responses / elapsed,
    successes,
    successesPerSecond: lastSuccess !== null ? successes / ((lastSuccess - started) / 1000) : 0,
    secondsToLastSuccess: lastSuccess !== null ? (lastSuccess - started) / 1000 : null,
    latency: summarise(latencies),
    statuses,
    non2xx: responses - successes,
    errors: result.errors,
    timeouts: result.timeouts,
    labels: [...byLabel].map(([label, entry]) => ({ label, statuses: entry.statuses, ...summarise(entry.latencies) })),
    autocannon: { average: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx },
  };
}
