import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IncomingMessage, ServerResponse, createServer, Server } from 'http';
import Redis from 'ioredis';
import { AddressInfo } from 'net';
import { runOne } from '@skillbridge/db';
import { DataSource } from 'typeorm';
import { WorkerConfig } from '../config/worker.config';
import { HeartbeatJob } from '../jobs/heartbeat.job';
import { QueueRuntime } from '../jobs/queue-runtime.service';
import { BacklogSampler, readOutboxBacklog } from '../metrics/backlog-sampler';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { InjectRedis } from '../redis.provider';
import { PING } from './health.statements';

/**
 * The worker's only HTTP server, on WORKER_HEALTH_HOST:WORKER_HEALTH_PORT: `GET /health` (200 when
 * PostgreSQL, Redis and every queue worker are up: readiness), `GET /live` (200 while the process
 * answers: liveness, so that a database outage does not restart every worker) and `GET /metrics`
 * (Prometheus). Not for the public.
 */
@Injectable()
export class HealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HealthServer.name);
  private server?: Server;

  constructor(
    private readonly config: WorkerConfig,
    private readonly runtime: QueueRuntime,
    private readonly heartbeat: HeartbeatJob,
    private readonly metrics: WorkerMetrics,
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {
    new BacklogSampler(
      () => runtime.openQueues(),
      () => readOutboxBacklog(db),
      config.METRICS_SAMPLE_MS,
    ).register(metrics.registry);
  }

  async report(): Promise<{ status: 'ok' | 'error'; postgres: boolean; redis: boolean; queues: boolean; lastHeartbeatAt: string | null }> {
    const [postgres, redis] = await Promise.all([
      runOne(this.db, PING, []).then(
        () => true,
        () => false,
      ),
      this.redis.ping().then(
        (answer) => answer === 'PONG',
        () => false,
      ),
    ]);
    const queues = this.runtime.running();
    return {
      status: postgres && redis && queues ? 'ok' : 'error',
      postgres,
      redis,
      queues,
      lastHeartbeatAt: this.heartbeat.lastBeatAt?.toISOString() ?? null,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (request.method === 'GET' && path === '/health') {
        void this.report().then((body) => {
          response.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        });
      } else if (request.method === 'GET' && path === '/live') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      } else if (request.method === 'GET' && path === '/metrics') {
        void this.serveMetrics(request, response);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(this.config.WORKER_HEALTH_PORT, this.config.WORKER_HEALTH_HOST, resolve));
    const metrics =
      this.config.metricsAccess(undefined) === 'off' ? 'no metrics (production without METRICS_TOKEN)' : 'metrics on /metrics';
    this.logger.log(`health on http://${this.config.WORKER_HEALTH_HOST}:${this.port()}/health, ${metrics}`);
  }

  private async serveMetrics(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // METRICS_TOKEN's rule, the API's too (ServiceConfig.metricsAccess): none in production without a token.
    const access = this.config.metricsAccess(request.headers.authorization);
    if (access !== 'allowed') {
      response.writeHead(access === 'off' ? 404 : 401, access === 'off' ? {} : { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    try {
      const body = await this.metrics.registry.metrics();
      response.writeHead(200, { 'content-type': this.metrics.registry.contentType, 'cache-control': 'no-store' }).end(body);
    } catch (error) {
      this.logger.warn({ err: error }, 'metrics could not be collected');
      response.writeHead(500).end();
    }
  }

  port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
