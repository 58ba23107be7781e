import type Redis from 'ioredis';

/**
 * The server's `maxmemory-policy`. Managed Redis services often forbid CONFIG; INFO (allowed
 * everywhere) reports the same policy as `maxmemory_policy`.
 */
export async function evictionPolicy(redis: Redis): Promise<string> {
  const fromConfig = await redis.config('GET', 'maxmemory-policy').then(
    (answer) => (answer as string[])[1],
    () => undefined,
  );
  if (fromConfig) return fromConfig;
  const info = await redis.info('memory').catch(() => '');
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? 'unknown';
}
