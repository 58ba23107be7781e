import type Redis from 'ioredis';
import { evictionPolicy } from './redis-eviction-policy';

/** A Redis that answers CONFIG GET (or refuses it, as managed services do) and INFO memory. */
const fakeRedis = (config: string | Error, info = '# Memory\r\nused_memory:1000\r\nmaxmemory_policy:noeviction\r\n'): Redis =>
  ({
    config: async () => {
      if (config instanceof Error) throw config;
      return ['maxmemory-policy', config];
    },
    info: async () => info,
  }) as unknown as Redis;

describe('evictionPolicy', () => {
  it('reads the policy with CONFIG GET', async () => {
    expect(await evictionPolicy(fakeRedis('allkeys-lru'))).toBe('allkeys-lru');
  });

  it('falls back to INFO where CONFIG is forbidden (managed Redis)', async () => {
    const forbidden = new Error("ERR unknown command 'config'");
    expect(await evictionPolicy(fakeRedis(forbidden))).toBe('noeviction');
    expect(await evictionPolicy(fakeRedis(forbidden, 'maxmemory_policy:volatile-lru\r\n'))).toBe('volatile-lru');
  });

  it('is unknown when neither answers (the worker then refuses to start in production)', async () => {
    expect(await evictionPolicy(fakeRedis(new Error('no'), ''))).toBe('unknown');
  });
});
