import { plainToInstance, Transform } from 'class-transformer';
import { timingSafeEqual } from 'crypto';
import { clockFor } from '@skillbridge/domain';
import { getMetadataStorage, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** `@Transform(toInt)`: an environment variable's text as a number, absent when unset or empty. */
export const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** A whole-number setting from the environment, at least `min` (and at most `max`). */
export const IntSetting =
  (min: number, max?: number): PropertyDecorator =>
  (target, key) => {
    Transform(toInt)(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    if (max !== undefined) Max(max)(target, key);
  };

/**
 * What the API and the worker both read from the environment: where PostgreSQL and Redis are, the
 * queues' key prefix, logging and the metrics scraper's token. Each app extends it with its own.
 */
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  /** BullMQ's key prefix in Redis, so that deployments (or test runs) can share one server: the same in the API and the worker. */
  @Matches(/^[\w:-]{1,40}$/)
  QUEUE_PREFIX = 'skillbridge';

  /**
   * First retry delay of a failed delivery, doubling each time: read by whoever enqueues one (the
   * worker, and the API when an admin retries a dead letter), so both give the same backoff.
   */
  @IntSetting(10)
  RETRY_BASE_MS = 1000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * When set, `GET /metrics` wants `Authorization: Bearer <token>` (the scraper's). Unset, metrics
   * are open to whoever reaches the port in development and tests, and not served in production.
   */
  @Transform(({ value }) => (value === '' ? undefined : value)) // an empty variable means none
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  /**
   * Tests only: the instant the process's clock is set to (`2026-10-05T09:00:00+08:00`, or with
   * ` running` after it to run on from there), so that tests of the built apps can say what day it
   * is. Refused at boot unless NODE_ENV=test: production always runs on the real time.
   */
  @IsOptional()
  @IsString()
  TEST_CLOCK?: string;

  /**
   * What `GET /metrics` answers a request with this Authorization header: the metrics, 401 (a token
   * is set and this is not it), or 404 (production without a token: the figures — routes, queue
   * depths, process memory — are not for whoever found the port, and a pod that does not boot
   * for want of a scraper's token would be worse than no metrics).
   */
  metricsAccess(authorization: string | undefined): MetricsAccess {
    if (!this.METRICS_TOKEN) return this.NODE_ENV === 'production' ? 'off' : 'allowed';
    const expected = Buffer.from(`Bearer ${this.METRICS_TOKEN}`);
    const given = Buffer.from(authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected) ? 'allowed' : 'unauthorised';
  }
}

export type MetricsAccess = 'allowed' | 'unauthorised' | 'off';

export class ConfigError extends Error {}

/** TEST_CLOCK: only under NODE_ENV=test, and only in its one form. */
const clockProblems = (config: ServiceConfig): string[] => {
  try {
    clockFor(config);
    return [];
  } catch {
    return ['TEST_CLOCK'];
  }
};

/**
 * Reads `type`'s variables from `env` once at boot. A missing or malformed value stops the boot with
 * the names that failed (the declared checks, then `extraChecks`'s), never with a value.
 */
export function loadServiceConfig<T extends ServiceConfig>(
  type: new () => T,
  env: NodeJS.ProcessEnv,
  extraChecks: (config: T) => string[] = () => [],
): T {
  const names = [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(type, '', true, false)
        .map((m) => m.propertyName),
    ),
  ];
  const config = plainToInstance(type, Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]])));
  const failed = [...new Set([...validateSync(config).map((error) => error.property), ...clockProblems(config), ...extraChecks(config)])];
  if (failed.length) throw new ConfigError(`Invalid configuration: ${failed.join(', ')}`);
  return config;
}
