import { Injectable } from '@nestjs/common';
import { DomainError } from '@skillbridge/domain';
import Redis from 'ioredis';
import { AppConfig } from '../config/app.config';
import { InjectRedis } from '../redis/redis.module';

/**
 * Counts failed logins per account and per address in Redis (shared by every API replica); past
 * the limit, logins are refused with 429 RATE_LIMITED until the window passes.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private keys(email: string, address: string): [string, string] {
    return [`login-failures:account:${email}`, `login-failures:address:${address}`];
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const [accountKey, addressKey] = this.keys(email, address);
    const [[, account], [, byAddress], [, accountTtl], [, addressTtl]] = (await this.redis
      .multi()
      .get(accountKey)
      .get(addressKey)
      .ttl(accountKey)
      .ttl(addressKey)
      .exec()) as Array<[Error | null, string | number | null]>;
    const accountBlocked = Number(account ?? 0) >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT;
    const addressBlocked = Number(byAddress ?? 0) >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS;
    if (accountBlocked || addressBlocked) {
      const retryAfterSeconds = Math.max(1, Number(accountBlocked ? accountTtl : addressTtl));
      throw new DomainError('RATE_LIMITED', 'rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, {
        retryAfterSeconds,
      });
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const window = this.config.LOGIN_WINDOW_SECONDS;
    const [accountKey, addressKey] = this.keys(email, address);
    await this.redis.multi().incr(accountKey).expire(accountKey, window, 'NX').incr(addressKey).expire(addressKey, window, 'NX').exec();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.keys(email, '')[0]);
  }
}
