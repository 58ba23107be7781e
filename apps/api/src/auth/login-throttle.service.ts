import { Injectable } from '@nestjs/common';
import { DomainError } from '@skillbridge/domain';
import Redis from 'ioredis';
import { AppConfig } from '../config/app.config';
import { InjectRedis } from '../redis/redis.module';

/**
 * Reserves one try, atomically, or answers how many milliseconds to wait (0: go ahead).
 * KEYS[1] the pair: (account, address), or (account, device) for a known browser — a hash of `n`
 *         tries not yet proven right and `until`, before which no next try is taken;
 * KEYS[2] the address's bucket and KEYS[3] the account's: hashes of `tokens` and the time `at`;
 *         skipped (ARGV[9] = 0) for a known browser.
 * A try is counted as a failure when reserved (so that tries in flight at once cannot outrun the
 * limits) and given back by REFUND when the password was right.
 */
const RESERVE = `
local now = tonumber(ARGV[1])
local free, capMs, windowMs = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local useBuckets = ARGV[9] == '1'
local function tokensOf(key, burst, msPerToken)
  local b = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(b[1]) or burst
  local at = tonumber(b[2]) or now
  return math.min(burst, tokens + math.max(0, now - at) / msPerToken)
end
local wait = 0
local pair = redis.call('HMGET', KEYS[1], 'n', 'until')
local n, untilMs = tonumber(pair[1]) or 0, tonumber(pair[2]) or 0
if untilMs > now then wait = untilMs - now end
local buckets = {}
if useBuckets then
  buckets = { { KEYS[2], tonumber(ARGV[5]), tonumber(ARGV[6]) }, { KEYS[3], tonumber(ARGV[7]), tonumber(ARGV[8]) } }
  for _, b in ipairs(buckets) do
    local tokens = tokensOf(b[1], b[2], b[3])
    b[4] = tokens
    if tokens < 1 then wait = math.max(wait, math.ceil((1 - tokens) * b[3])) end
  end
end
if wait > 0 then return wait end
n = n + 1
local delayMs = 0
if n >= free then delayMs = math.min(capMs, 1000 * 2 ^ (n - free + 1)) end
redis.call('HSET', KEYS[1], 'n', n, 'until', now + delayMs)
redis.call('PEXPIRE', KEYS[1], math.max(windowMs, delayMs))
for _, b in ipairs(buckets) do
  redis.call('HSET', b[1], 'tokens', b[4] - 1, 'at', now)
  redis.call('PEXPIRE', b[1], math.ceil(b[2] * b[3]) + 1000)
end
return 0
`;

/** The password was right: the pair starts again, and the buckets get their token back. */
const REFUND = `
local now = tonumber(ARGV[1])
redis.call('DEL', KEYS[1])
if ARGV[6] == '1' then
  for i, key in ipairs({ KEYS[2], KEYS[3] }) do
    local burst, msPerToken = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
    local b = redis.call('HMGET', key, 'tokens', 'at')
    if b[1] then
      local tokens = math.min(burst, tonumber(b[1]) + math.max(0, now - tonumber(b[2])) / msPerToken + 1)
      redis.call('HSET', key, 'tokens', tokens, 'at', now)
    end
  end
end
return 0
`;

type ThrottlingRedis = Redis & {
  loginReserve(pair: string, address: string, account: string, ...args: Array<string | number>): Promise<number>;
  loginRefund(pair: string, address: string, account: string, ...args: Array<string | number>): Promise<number>;
};

/** One sign-in try, reserved: settle it with `succeeded` when the password was right. */
export interface LoginTicket {
  keys: [string, string, string];
  knownDevice: boolean;
}

/**
 * Slows password guessing without ever locking an owner out (shared by every API replica in Redis):
 * - per (account, address): after LOGIN_FREE_FAILURES failures each next try waits 2, 4, 8… s up
 *   to LOGIN_DELAY_CAP_SECONDS; a right password starts the pair again;
 * - per address across accounts, and per account across addresses: token buckets of failures
 *   (LOGIN_*_BURST, one back every LOGIN_*_REFILL_SECONDS), so that a refused owner waits seconds;
 * - a browser that signed in to the account before (its device cookie) skips both buckets and the
 *   address pair: it is slowed only by its own failures, per (account, device).
 * A refused try is 429 RATE_LIMITED with Retry-After, answered before the password is checked.
 */
@Injectable()
export class LoginThrottle {
  private readonly redis: ThrottlingRedis;

  constructor(
    @InjectRedis() redis: Redis,
    private readonly config: AppConfig,
  ) {
    if (!('loginReserve' in redis)) {
      redis.defineCommand('loginReserve', { numberOfKeys: 3, lua: RESERVE });
      redis.defineCommand('loginRefund', { numberOfKeys: 3, lua: REFUND });
    }
    this.redis = redis as ThrottlingRedis;
  }

  /** Takes one try for `email` from `address` (or from the known browser `deviceId`), or throws 429. */
  async reserve(email: string, address: string, deviceId: string | null = null): Promise<LoginTicket> {
    const c = this.config;
    const pair = deviceId ? `login:device:${email}:${deviceId}` : `login:pair:${email}:${address}`;
    const keys: LoginTicket['keys'] = [pair, `login:address:${address}`, `login:account:${email}`];
    const waitMs = await this.redis.loginReserve(
      ...keys,
      Date.now(),
      c.LOGIN_FREE_FAILURES,
      c.LOGIN_DELAY_CAP_SECONDS * 1000,
      c.LOGIN_WINDOW_SECONDS * 1000,
      c.LOGIN_ADDRESS_BURST,
      c.LOGIN_ADDRESS_REFILL_SECONDS * 1000,
      c.LOGIN_ACCOUNT_BURST,
      c.LOGIN_ACCOUNT_REFILL_SECONDS * 1000,
      deviceId ? 0 : 1,
    );
    if (waitMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new DomainError('RATE_LIMITED', 'rate_limited', `Too many failed sign-ins; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
    return { keys, knownDevice: deviceId !== null };
  }

  /** The try was right: it was no failure after all. */
  async succeeded(ticket: LoginTicket): Promise<void> {
    const c = this.config;
    await this.redis.loginRefund(
      ...ticket.keys,
      Date.now(),
      c.LOGIN_ADDRESS_BURST,
      c.LOGIN_ADDRESS_REFILL_SECONDS * 1000,
      c.LOGIN_ACCOUNT_BURST,
      c.LOGIN_ACCOUNT_REFILL_SECONDS * 1000,
      ticket.knownDevice ? 0 : 1,
    );
  }
}
