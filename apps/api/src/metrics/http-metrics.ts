import { trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MetricsAccess } from '@skillbridge/runtime';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets in seconds: the API aims at tens of milliseconds, and a request past 10 s has failed anyway. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A route the router did not match (404s, scanners): one label, not one per URL they tried. */
const UNMATCHED = 'unmatched';

const started = Symbol('startedAt');
type Timed = FastifyRequest & { [started]?: bigint };

/**
 * Prometheus metrics of the API at `GET /metrics`, beside (not under) /api/v1: no auth guard, no
 * rate limit, and not proxied by nginx or the Ingress, which only route /api/. Requests are labelled
 * by route template (`/api/v1/slots/:id`), never the raw URL, so the series stay few. Who may read
 * them is the configuration's `metricsAccess` (METRICS_TOKEN; none in production without one).
 */
export function installHttpMetrics(fastify: FastifyInstance, access: (authorization: string | undefined) => MetricsAccess): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'api' });
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route template and status.',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template and status.',
    labelNames,
    buckets: BUCKETS,
    registers: [registry],
  });

  fastify.addHook('onRequest', async (request: Timed) => {
    request[started] = process.hrtime.bigint();
    // The trace's server span is named by the route too (when tracing is on; otherwise a no-op).
    const route = request.routeOptions.url;
    if (route) trace.getActiveSpan()?.setAttribute('http.route', route).updateName(`${request.method} ${route}`);
  });
  fastify.addHook('onResponse', async (request: Timed, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? UNMATCHED;
    if (route === '/metrics' || request[started] === undefined) return;
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, Number(process.hrtime.bigint() - request[started]) / 1e9);
  });

  fastify.get('/metrics', async (request, reply) => {
    const allowed = access(request.headers.authorization);
    if (allowed === 'off') return reply.code(404).header('cache-control', 'no-store').send();
    if (allowed === 'unauthorised') return reply.code(401).header('www-authenticate', 'Bearer').header('cache-control', 'no-store').send();
    return reply
      .header('content-type', registry.contentType)
      .header('cache-control', 'no-store')
      .send(await registry.metrics());
  });
  return registry;
}
