import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { ConfigError, IntSetting, loadServiceConfig, ServiceConfig } from '@skillbridge/db';

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

  /** Behind nginx or a load balancer: trust X-Forwarded-For for the client address (login limits use it). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  TRUST_PROXY = false;

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

  @IntSetting(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @IntSetting(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 30;

  @IntSetting(1)
  LOGIN_WINDOW_SECONDS = 900;

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

  get jwtSecret(): string {
    return this.JWT_SECRET ?? 'skillbridge-development-only-secret-do-not-deploy';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadServiceConfig(AppConfig, env, (config) => (config.NODE_ENV === 'production' && !config.JWT_SECRET ? ['JWT_SECRET'] : []));
}
