import { CanActivate, ExecutionContext, Injectable, Logger, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@skillbridge/domain';
import Redis from 'ioredis';
import { AppConfig } from '../config/app.config';
import { InjectRedis } from '../redis/redis.module';
import type { AuthenticatedRequest } from './auth.decorators';
import { ApiProblems } from './openapi';

/**
 * Per-account budgets, counted across every API replica in Redis:
 * - `applications`: a student's applications (a bot applying to every slot crowds out real students);
 * - `messages`: calls that notify someone else (moves on applications, bookings, placements);
 * - `reminders`: an officer's quota reminders, each a fan-out to every enterprise behind.
 */
export type RateLimitPolicy = 'applications' | 'messages' | 'reminders';

const POLICY = 'skillbridge:rate-limit';

/** One round trip: count the call in its window, and give a new window's key its expiry. */
const COUNT_IN_WINDOW = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;
type CountingRedis = Redis & { countInWindow(key: string, ttlSeconds: number): Promise<number> };

/** The shared connection, able to count a call in its window in one round trip. */
export function countingRedis(redis: Redis): CountingRedis {
  if (!('countInWindow' in redis)) redis.defineCommand('countInWindow', { numberOfKeys: 1, lua: COUNT_IN_WINDOW });
  return redis as CountingRedis;
}

export function limitsOf(config: AppConfig): Record<RateLimitPolicy, number> {
  return { applications: config.RATE_LIMIT_APPLICATIONS, messages: config.RATE_LIMIT_MESSAGES, reminders: config.RATE_LIMIT_REMINDERS };
}

/**
 * Fixed windows of RATE_LIMIT_WINDOW_SECONDS per account and policy: past the policy's budget the
 * call is refused with 429 RATE_LIMITED and Retry-After (seconds to the next window), before the
 * body is even validated, so a refused call writes nothing.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');

  constructor(
    private readonly reflector: Reflector,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    countingRedis(redis);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.get<RateLimitPolicy | undefined>(POLICY, context.getHandler());
    // The global AccessTokenGuard ran first: every limited route is signed in.
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!policy || !actor) return true;
    const limit = limitsOf(this.config)[policy];
    const windowSeconds = this.config.RATE_LIMIT_WINDOW_SECONDS;
    const now = Date.now() / 1000;
    const window = Math.floor(now / windowSeconds);
    const key = `rate:${policy}:${actor.userId}:${window}`;
    let count: number;
    try {
      count = await (this.redis as CountingRedis).countInWindow(key, windowSeconds + 1);
    } catch (error) {
      // A limit protects the service; it is not worth refusing lawful work while Redis is away.
      this.logger.warn({ err: error, policy }, 'rate limit not checked: Redis did not answer');
      return true;
    }
    if (count <= limit) return true;
    const retryAfterSeconds = Math.max(1, Math.ceil((window + 1) * windowSeconds - now));
    throw new DomainError(
      'RATE_LIMITED',
      'rate_limited',
      `Too many requests of this kind (at most ${limit} in ${windowSeconds} s); try again in ${retryAfterSeconds} s`,
      {
        retryAfterSeconds,
        limit,
        windowSeconds,
      },
    );
  }
}

/** Counts the route's calls against the signed-in account's budget for `policy`. */
export const RateLimit = (policy: RateLimitPolicy) =>
  applyDecorators(
    SetMetadata(POLICY, policy),
    UseGuards(RateLimitGuard),
    // 429 RATE_LIMITED past the account's budget; Retry-After says when to try again.
    ApiProblems('RATE_LIMITED'),
  );

/** A budget per e-mail address (known or not) and per client address, in fixed windows of `windowSeconds`. */
export interface EmailAndAddressLimit {
  /** Names the keys and the refusal, e.g. `password-reset`. */
  purpose: string;
  perEmail: number;
  perAddress: number;
  windowSeconds: number;
}

/**
 * For the routes anyone may call with someone's e-mail (forgot password, registration): counts the
 * call per e-mail and per client address, across every replica, and past either budget refuses it
 * with 429 RATE_LIMITED and Retry-After — counted before anything is looked up, so an unknown
 * e-mail is limited exactly like a known one.
 */
export async function limitPerEmailAndAddress(redis: Redis, limit: EmailAndAddressLimit, email: string, address: string): Promise<void> {
  const { purpose, windowSeconds } = limit;
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  const counting = countingRedis(redis);
  const [byEmail, byAddress] = await Promise.all([
    counting.countInWindow(`${purpose}:account:${email}:${window}`, windowSeconds + 1),
    counting.countInWindow(`${purpose}:address:${address}:${window}`, windowSeconds + 1),
  ]);
  if (byEmail > limit.perEmail || byAddress > limit.perAddress) {
    const retryAfterSeconds = Math.max(1, Math.ceil((window + 1) * windowSeconds - Date.now() / 1000));
    throw new DomainError(
      'RATE_LIMITED',
      'rate_limited',
      `Too many ${purpose} requests; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      { retryAfterSeconds },
    );
  }
}
