import { uniqueSuffix } from '../../../test/support/database';
import { RunningProcess } from '../../../test/support/processes';
import { Sample, scrape, total } from '../../../test/support/metrics';
import { OtlpReceiver } from '../../../test/support/otlp-receiver';
import { OwnRedis } from '../../../test/support/redis-server';
import { SmtpSink, eventually } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

describe('observability: Prometheus metrics and one trace from the API request to the worker’s delivery (integration)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  const metricsToken = `metrics-${uniqueSuffix()}-0123456789`;
  let otlp: OtlpReceiver;
  let smtp: SmtpSink;
  let api: TestApi;
  let worker: RunningProcess & { healthUrl: string };
  let hr: string;
  let student: string;
  const tracing = () => ({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' });
  const apiMetrics = () => scrape(`${api.url.replace(/\/api\/v1$/, '')}/metrics`, metricsToken);
  const workerMetrics = () => scrape(worker.healthUrl.replace(/\/health$/, '/metrics'));

  beforeAll(async () => {
    otlp = await new OtlpReceiver().start();
    smtp = await new SmtpSink().start();
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix, METRICS_TOKEN: metricsToken, ...tracing() });
    worker = await startWorker({
      DATABASE_URL: api.database.url,
      QUEUE_PREFIX: queuePrefix,
      SMTP_URL: smtp.url,
      METRICS_SAMPLE_MS: '500',
      ...tracing(),
    });
    [hr, student] = await Promise.all([api.token(demo('hr')), api.token(demo('student'))]);
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await smtp?.stop();
    await otlp?.stop();
  });

  /** hr@ posts and publishes a slot, student@ applies, hr@ offers: an `application.offered` event for the student. */
  const offer = async (): Promise<{ slotId: string; applicationId: string }> => {
    const slot = await api.request<{ id: string }>('POST', '/slots', {
      token: hr,
      body: {
        type: 'internship',
        title: '焊接实习生',
        description: '焊接',
        majors: ['机电一体化技术'],
        district: '七里河区',
        startDate: '2027-03-01',
        endDate: '2027-08-31',
        capacity: 1,
        stipend: '3000',
        postWage: '3600',
        hoursPerDay: '8',
        nightShift: false,
      },
    });
    await api.request('POST', `/slots/${slot.body.id}/publish`, { token: hr });
    const application = await api.request<{ id: string }>('POST', `/slots/${slot.body.id}/applications`, { token: student, body: {} });
    const offered = await api.request('POST', `/applications/${application.body.id}/offer`, {
      token: hr,
      body: { respondBy: '2027-02-25' },
    });
    expect(offered.status).toBe(200);
    return { slotId: slot.body.id, applicationId: application.body.id };
  };

  it('the API’s /metrics: outside /api/v1, behind METRICS_TOKEN, requests by route template and status, process metrics', async () => {
    const base = api.url.replace(/\/api\/v1$/, '');
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect((await api.request('GET', '/metrics')).status).toBe(404); // not under /api/v1

    const before = await apiMetrics();
    const { slotId } = await offer();
    for (let i = 0; i < 3; i++) expect((await api.request('GET', `/slots/${slotId}`, { token: student })).status).toBe(200);
    expect((await api.request('GET', `/nowhere/${uniqueSuffix()}`)).status).toBe(404);
    const after = await apiMetrics();

    const slotReads = (samples: Sample[]) =>
      total(samples, 'http_requests_total', { method: 'GET', route: '/api/v1/slots/:id', status_code: '200' });
    expect(slotReads(after) - slotReads(before)).toBe(3);
    expect(total(after, 'http_request_duration_seconds_count', { route: '/api/v1/slots/:id', status_code: '200' })).toBeGreaterThanOrEqual(
      3,
    );
    expect(total(after, 'http_requests_total', { route: '/api/v1/applications/:id/offer', status_code: '200' })).toBeGreaterThanOrEqual(1);
    expect(total(after, 'http_requests_total', { route: 'unmatched', status_code: '404' })).toBeGreaterThanOrEqual(1);
    // Never a raw URL in a label: no ids, so the series stay few.
    const routes = new Set(after.filter((s) => s.name === 'http_requests_total').map((s) => s.labels.route));
    expect([...routes].filter((r) => /[0-9a-f]{8}-[0-9a-f]{4}/.test(r) || r.includes('/nowhere/'))).toEqual([]);
    expect(routes.has('/metrics')).toBe(false);
    expect(total(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(total(after, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('the worker’s /metrics: jobs by name, deliveries by channel and outcome, queue depths, and an outbox backlog that rises and drains', async () => {
    const before = await workerMetrics();
    const mailed = () => smtp.received.filter((m) => m.to === demo('student')).length;
    const mailedBefore = mailed();
    await offer();
    await eventually(
      async () => mailed(),
      (n) => n > mailedBefore,
    );
    // Counters move after the work is recorded: wait until each one has.
    const moved = (s: Sample[], name: string, labels: Record<string, string>) => total(s, name, labels) > total(before, name, labels);
    const after = await eventually(
      workerMetrics,
      (s) =>
        moved(s, 'skillbridge_deliveries_total', { channel: 'email', outcome: 'sent' }) &&
        moved(s, 'skillbridge_deliveries_total', { channel: 'inbox', outcome: 'sent' }) &&
        moved(s, 'skillbridge_jobs_total', { name: 'notification.fanout', outcome: 'completed' }) &&
        moved(s, 'skillbridge_jobs_total', { name: 'notification.deliver', outcome: 'completed' }),
    );
    expect(total(after, 'skillbridge_job_duration_seconds_count', { name: 'notification.deliver' })).toBeGreaterThan(0);
    for (const queue of ['notifications', 'maintenance']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(after.some((s) => s.name === 'skillbridge_queue_jobs' && s.labels.queue === queue && s.labels.state === state)).toBe(true);
      }
    }
    expect(total(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // Liveness beside readiness, on the same port (Kubernetes probes both).
    expect((await fetch(worker.healthUrl.replace(/\/health$/, '/live'))).status).toBe(200);

    // An event the relay cannot claim (a transaction holds its row): the backlog shows it, and ages.
    // The worker is paused while the row appears and is locked, so that its relay cannot take it first.
    const holder = api.db.createQueryRunner();
    await holder.connect();
    worker.child.kill('SIGSTOP');
    try {
      const [{ id }] = await api.db.query(
        `INSERT INTO outbox_events (kind, subject_id, recipients) VALUES ('application.rejected', gen_random_uuid(), '{}') RETURNING id`,
      );
      await holder.startTransaction();
      await holder.query('SELECT id FROM outbox_events WHERE id = $1 FOR UPDATE NOWAIT', [id]); // never wait on a paused process
    } finally {
      worker.child.kill('SIGCONT');
    }
    try {
      const stuck = await eventually(
        workerMetrics,
        (s) => total(s, 'skillbridge_outbox_unpublished') >= 1 && total(s, 'skillbridge_outbox_oldest_unpublished_age_seconds') >= 1,
        15_000,
      );
      expect(total(stuck, 'skillbridge_backlog_sample_age_seconds')).toBeLessThan(5);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    const drained = await eventually(workerMetrics, (s) => total(s, 'skillbridge_outbox_unpublished') === 0, 15_000);
    expect(total(drained, 'skillbridge_outbox_oldest_unpublished_age_seconds')).toBe(0);
  }, 90_000);

  it('one trace spans the API request that made an offer and the worker’s fan-out and e-mail delivery', async () => {
    const { applicationId } = await offer();
    const [event] = await api.db.query(`SELECT id, traceparent FROM outbox_events WHERE kind = 'application.offered' AND subject_id = $1`, [
      applicationId,
    ]);
    expect(event.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const traceId = event.traceparent.split('-')[1];

    const spans = await eventually(
      async () => otlp.spans.filter((s) => s.traceId === traceId),
      (found) =>
        found.some((s) => s.service === 'skillbridge-worker' && s.name === 'notification.deliver') &&
        found.some((s) => s.name === 'notification.fanout.event'),
      30_000,
    );
    const server = spans.find((s) => s.service === 'skillbridge-api' && s.name === 'POST /api/v1/applications/:id/offer');
    expect(server).toBeDefined();
    expect(server!.attributes['http.route']).toBe('/api/v1/applications/:id/offer');
    // The database work of the request is in the trace too.
    expect(
      spans.some((s) => s.service === 'skillbridge-api' && s.parentSpanId !== '' && /pg|postgres|INSERT|UPDATE|SELECT/i.test(s.name)),
    ).toBe(true);
    // The worker's spans are children of the span that recorded the event.
    const recordedBy = event.traceparent.split('-')[2];
    const deliver = spans.find((s) => s.name === 'notification.deliver')!;
    const fanOut = spans.find((s) => s.name === 'notification.fanout.event')!;
    expect(deliver.parentSpanId).toBe(recordedBy);
    expect(fanOut.parentSpanId).toBe(recordedBy);
    expect(spans.some((s) => s.spanId === recordedBy && s.service === 'skillbridge-api')).toBe(true);
    expect(deliver.attributes['skillbridge.event.kind']).toBe('application.offered');
    // The batch's own span (a trace of its own) links to the event's.
    const batch = otlp.spans.find((s) => s.name === 'notification.fanout' && s.links.some((l) => l.traceId === traceId));
    expect(batch).toBeDefined();
    // Probes and scrapes leave no traces.
    expect(otlp.spans.some((s) => /metrics|health/.test(s.name))).toBe(false);
  });

  it('a production worker without METRICS_TOKEN serves no /metrics (404) and stays healthy; with one, only to its bearer', async () => {
    // Its own Redis: a production worker insists on noeviction (redis-server's default).
    const redis = await OwnRedis.start();
    const production = (env: Record<string, string> = {}) =>
      startWorker({
        NODE_ENV: 'production',
        DATABASE_URL: api.database.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `sb-test-${uniqueSuffix()}`,
        ...env,
      });
    try {
      const open = await production();
      try {
        const metrics = open.healthUrl.replace(/\/health$/, '/metrics');
        expect((await fetch(metrics)).status).toBe(404);
        expect((await fetch(metrics, { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(404);
        expect((await fetch(open.healthUrl)).status).toBe(200);
      } finally {
        await open.stop();
      }
      const guarded = await production({ METRICS_TOKEN: metricsToken });
      try {
        const metrics = guarded.healthUrl.replace(/\/health$/, '/metrics');
        expect((await fetch(metrics)).status).toBe(401);
        expect(
          (await scrape(metrics, metricsToken)).some(
            (sample) => sample.name === 'skillbridge_jobs_total' || sample.name.startsWith('process_'),
          ),
        ).toBe(true);
      } finally {
        await guarded.stop();
      }
    } finally {
      await redis.down();
    }
  }, 60_000);
});
