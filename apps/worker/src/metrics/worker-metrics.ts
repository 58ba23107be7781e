import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** How a delivery attempt ended: sent; failed (retried later); dead (dead-lettered); digest (held for the daily digest). */
export type DeliveryOutcome = 'sent' | 'failed' | 'dead' | 'digest';

/**
 * The worker's Prometheus registry and the counters its jobs bump. Served by the health server at
 * `GET /metrics`, with the sampled queue depths and outbox backlog (see backlog-sampler.ts). Each
 * replica counts its own work: sum over instances for the deployment.
 */
@Injectable()
export class WorkerMetrics {
  readonly registry = new Registry();

  /** Job attempts by outcome: `failed` counts every failed attempt, retried or not. */
  readonly jobs = new Counter({
    name: 'skillbridge_jobs_total',
    help: 'Job attempts run by this worker, by queue, job name and outcome (completed or failed).',
    labelNames: ['queue', 'name', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'skillbridge_job_duration_seconds',
    help: 'Time a job attempt took in its handler, by job name.',
    labelNames: ['name'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly deliveries = new Counter({
    name: 'skillbridge_deliveries_total',
    help: 'Notification deliveries by channel (inbox, email, webhook) and outcome (sent, failed, dead, digest).',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    this.registry.setDefaultLabels({ service: 'worker' });
    collectDefaultMetrics({ register: this.registry });
  }

  delivered(channel: string, outcome: DeliveryOutcome, count = 1): void {
    if (count > 0) this.deliveries.inc({ channel, outcome }, count);
  }
}
