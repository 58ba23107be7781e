import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createServer, Server } from 'http';
import Redis from 'ioredis';
import { AddressInfo } from 'net';
import { DataSource } from 'typeorm';
import { WorkerConfig } from '../config/worker.config';
import { HeartbeatJob } from '../jobs/heartbeat.job';
import { QueueRuntime } from '../jobs/queue-runtime.service';
import { InjectRedis } from '../redis.provider';

/** `GET /health` on WORKER_HEALTH_PORT: 200 when PostgreSQL, Redis and every queue worker are up. */
@Injectable()
export class HealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HealthServer.name);
  private server?: Server;

  constructor(
    private readonly config: WorkerConfig,
    private readonly runtime: QueueRuntime,
    private readonly heartbeat: HeartbeatJob,
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async report(): Promise<{ status: 'ok' | 'error'; postgres: boolean; redis: boolean; queues: boolean; lastHeartbeatAt: string | null }> {
    const [postgres, redis] = await Promise.all([
      this.db.query('SELECT 1').then(() => true, () => false),
      this.redis.ping().then((answer) => answer === 'PONG', () => false),
    ]);
    const queues = this.runtime.running();
    return { status: postgres && redis && queues ? 'ok' : 'error', postgres, redis, queues, lastHeartbeatAt: this.heartbeat.lastBeatAt?.toISOString() ?? null };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((request, response) => {
      if (request.url !== '/health') {
        response.writeHead(404).end();
        return;
      }
      void this.report().then((body) => {
        response.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.config.WORKER_HEALTH_PORT, '127.0.0.1', resolve));
    this.logger.log(`health on http://127.0.0.1:${this.port()}/health`);
  }

  port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
