import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { WorkerConfig } from './config/worker.config';
import { evictionPolicy } from './redis-eviction-policy';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

export const redisProvider = {
  provide: REDIS,
  inject: [WorkerConfig],
  useFactory: (config: WorkerConfig) => new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, keyPrefix: `${config.QUEUE_PREFIX}:` }),
};

@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * Queues must not lose jobs to eviction: with any policy but `noeviction`, production refuses to
 * start and development warns.
 */
export async function checkEvictionPolicy(redis: Redis, production: boolean): Promise<void> {
  const policy = await evictionPolicy(redis);
  if (policy === 'noeviction') return;
  const message = `Redis maxmemory-policy is '${policy}': queued jobs may be evicted; set it to 'noeviction'`;
  if (production) throw new Error(message);
  new Logger('Redis').warn(message);
}
