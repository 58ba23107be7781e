import { plainToInstance, Transform } from 'class-transformer';
import { getMetadataStorage, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * The API's configuration, read from the environment once at boot. A missing or malformed value
 * stops the boot with the names that failed, and never prints a value.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Behind nginx or a load balancer: trust X-Forwarded-For for the client address (login limits use it). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  TRUST_PROXY = false;

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  /** Prefix of the API's own Redis keys, so that deployments (or test runs) can share one server. */
  @Matches(/^[\w:-]{1,40}$/)
  REDIS_KEY_PREFIX = 'skillbridge:';

  /** BullMQ's key prefix: the same as the worker's QUEUE_PREFIX. */
  @Matches(/^[\w:-]{1,40}$/)
  QUEUE_PREFIX = 'skillbridge';

  /** Signs access tokens. Required in production; development falls back to a fixed local secret. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** Per-account rate limits (common/rate-limit.ts): calls allowed per window of this many seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** A student's applications per window: a person applies to a few slots, a bot to all of them. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_APPLICATIONS = 20;

  /** Calls that notify others (shortlist, offer, reject, approve, answers, bookings, placements) per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_MESSAGES = 60;

  /** Quota reminders per window: each one notifies every enterprise in a status. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_REMINDERS = 5;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** When set, `GET /metrics` wants `Authorization: Bearer <token>` (the scraper's); else it is open to whoever reaches the port. */
  @Transform(({ value }) => (value === '' ? undefined : value)) // an empty variable means none
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  get jwtSecret(): string {
    return this.JWT_SECRET ?? 'skillbridge-development-only-secret-do-not-deploy';
  }
}

export class ConfigError extends Error {}

/** The variable names AppConfig declares, read from its validation metadata. */
function declaredNames(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const picked = Object.fromEntries(declaredNames().filter((key) => env[key] !== undefined).map((key) => [key, env[key]]));
  const config = plainToInstance(AppConfig, picked);
  const failed = validateSync(config).map((error) => error.property);
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) failed.push('JWT_SECRET');
  if (failed.length) throw new ConfigError(`Invalid configuration: ${[...new Set(failed)].join(', ')}`);
  return config;
}
