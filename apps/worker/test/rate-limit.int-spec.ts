import Redis from 'ioredis';
import { uniqueSuffix } from '../../../test/support/database';
import { withinHourlyLimit } from '../src/notifications/rate-limit';

describe('the flood guard (integration: real Redis)', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: `sb-test-${uniqueSuffix()}:` });
  afterAll(() => redis.quit());

  it('lets a person receive the hourly limit on a channel, and holds back the rest', async () => {
    const results: boolean[] = [];
    for (let i = 0; i < 5; i++) results.push(await withinHourlyLimit(redis, 'user-a', 'email', 3));
    expect(results).toEqual([true, true, true, false, false]);
  });

  it('counts each person and each channel on its own, also under parallel sends', async () => {
    const parallel = await Promise.all(Array.from({ length: 20 }, () => withinHourlyLimit(redis, 'user-b', 'webhook', 10)));
    expect(parallel.filter(Boolean)).toHaveLength(10);
    expect(await withinHourlyLimit(redis, 'user-b', 'email', 10)).toBe(true);
    expect(await withinHourlyLimit(redis, 'user-c', 'webhook', 10)).toBe(true);
  });
});
