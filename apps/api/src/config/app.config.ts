import { IsIn, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { ConfigError, IntSetting, loadServiceConfig, ServiceConfig } from '@skillbridge/runtime';

export { ConfigError };

/**
 * The API's configuration, read from the environment once at boot. A missing or malformed value
 * stops the boot with the names that failed, and never prints a value.
 */
export class AppConfig extends ServiceConfig {
  @IntSetting(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For; the
   * sign-in and password-reset limits count per address): `0` none (the socket's address), a number
   * of hops (`1` behind the shipped nginx, which overwrites the header with the address it saw), or
   * a comma list of the proxies' addresses or CIDRs. `true` is refused: trusting every hop lets a
   * client choose its own address by sending the header itself.
   */
  @Matches(/^(\d{1,2}|[\da-fA-F.:/]+(\s*,\s*[\da-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be a number of hops or a list of proxy addresses',
  })
  TRUST_PROXY = '0';

  /** Prefix of the API's own Redis keys, so that deployments (or test runs) can share one server. */
  @Matches(/^[\w:-]{1,40}$/)
  REDIS_KEY_PREFIX = 'skillbridge:';

  /** Signs access tokens. Required in production; development falls back to a fixed local secret. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @IntSetting(60)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @IntSetting(1)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /*
   * Sign-in throttle (auth/login-throttle.service.ts; docs/operations.md). Nothing here locks an
   * account: each limit makes a guesser wait seconds, and a browser that signed in to the account
   * before (device cookie) is held only by its own failures.
   */

  /** Failures per (account, address) — or per (account, device) — before each next try waits. */
  @IntSetting(1)
  LOGIN_FREE_FAILURES = 3;

  /** The wait after the free failures doubles from 2 s up to this many seconds. */
  @IntSetting(1, 86_400)
  LOGIN_DELAY_CAP_SECONDS = 60;

  /** How long an (account, address) pair's failures are remembered after its last try. */
  @IntSetting(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** Failures one address may make across accounts at once (token bucket); successes cost nothing. */
  @IntSetting(1)
  LOGIN_ADDRESS_BURST = 30;

  /** …and one more failure is allowed every this many seconds. */
  @IntSetting(1, 86_400)
  LOGIN_ADDRESS_REFILL_SECONDS = 6;

  /** Failures one account may receive at once from browsers it does not know (token bucket). */
  @IntSetting(1)
  LOGIN_ACCOUNT_BURST = 10;

  /** …and one more every this many seconds: the longest a new browser of the owner waits under attack. */
  @IntSetting(1, 86_400)
  LOGIN_ACCOUNT_REFILL_SECONDS = 20;

  /** How long a browser's device cookie lasts; each sign-in renews it. */
  @IntSetting(1, 3650)
  LOGIN_DEVICE_COOKIE_DAYS = 180;

  /** Password-reset requests per e-mail address and per client address in PASSWORD_RESET_WINDOW_SECONDS. */
  @IntSetting(1)
  PASSWORD_RESET_PER_ACCOUNT = 3;

  @IntSetting(1)
  PASSWORD_RESET_PER_ADDRESS = 10;

  @IntSetting(1, 86_400)
  PASSWORD_RESET_WINDOW_SECONDS = 3600;

  /** Self-registrations per e-mail address (known or not) and per client address in REGISTRATION_WINDOW_SECONDS. */
  @IntSetting(1)
  REGISTRATION_PER_EMAIL = 3;

  @IntSetting(1)
  REGISTRATION_PER_ADDRESS = 10;

  @IntSetting(1, 86_400)
  REGISTRATION_WINDOW_SECONDS = 3600;

  /** Per-account rate limits (common/rate-limit.ts): calls allowed per window of this many seconds. */
  @IntSetting(1, 86_400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** A student's applications per window: a person applies to a few slots, a bot to all of them. */
  @IntSetting(1)
  RATE_LIMIT_APPLICATIONS = 20;

  /** Calls that notify others (shortlist, offer, reject, approve, answers, bookings, placements) per window. */
  @IntSetting(1)
  RATE_LIMIT_MESSAGES = 60;

  /** Quota reminders per window: each one notifies every enterprise in a status. */
  @IntSetting(1)
  RATE_LIMIT_REMINDERS = 5;

  /**
   * The OpenAPI document and its browsable page (`/api/docs`, `/api/docs-json`): `on` or `off`.
   * Unset, they are served in development and tests and not in production, where they would hand
   * every route and field to whoever asks.
   */
  @IsOptional()
  @IsIn(['on', 'off'])
  API_DOCS?: 'on' | 'off';

  get apiDocsServed(): boolean {
    return this.API_DOCS ? this.API_DOCS === 'on' : this.NODE_ENV !== 'production';
  }

  /**
   * Fastify's `trustProxy`: for a hop count, a function believing exactly that many hops nearest to
   * the API (the right-most entries of X-Forwarded-For, which those proxies wrote); else the list
   * of proxy addresses.
   */
  get trustProxy(): ((address: string, hop: number) => boolean) | string | false {
    if (!/^\d+$/.test(this.TRUST_PROXY))
      return this.TRUST_PROXY.split(',')
        .map((part) => part.trim())
        .join(',');
    const hops = Number(this.TRUST_PROXY);
    return hops > 0 && ((_address: string, hop: number) => hop < hops);
  }

  /** Whether cookies must say Secure (only sent over HTTPS): everywhere but development and tests. */
  get secureCookies(): boolean {
    return this.NODE_ENV === 'production';
  }

  get jwtSecret(): string {
    return this.JWT_SECRET ?? 'skillbridge-development-only-secret-do-not-deploy';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadServiceConfig(AppConfig, env, (config) => (config.NODE_ENV === 'production' && !config.JWT_SECRET ? ['JWT_SECRET'] : []));
}
