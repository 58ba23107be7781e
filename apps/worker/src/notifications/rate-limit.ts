import Redis from 'ioredis';

/**
 * A fixed-window counter per recipient and channel: true while the recipient has had fewer than
 * `perHour` messages on the channel this hour.
 */
export async function withinHourlyLimit(redis: Redis, userId: string, channel: string, perHour: number): Promise<boolean> {
  const hour = Math.floor(Date.now() / 3_600_000);
  const key = `rate:${channel}:${userId}:${hour}`;
  const [[, count]] = (await redis.multi().incr(key).expire(key, 3700).exec()) as Array<[Error | null, number]>;
  return count <= perHour;
}
