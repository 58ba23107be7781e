import { plainToInstance, Transform } from 'class-transformer';
import { getMetadataStorage, IsIn, IsInt, Matches, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** The worker's configuration: validated at boot, naming only what fails, never printing values. */
export class WorkerConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  /** Key prefix in Redis, so that several deployments (or test runs) can share one server. */
  @Matches(/^[\w:-]{1,40}$/)
  QUEUE_PREFIX = 'skillbridge';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKER_CONCURRENCY = 8;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

export class ConfigError extends Error {}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const names = [...new Set(getMetadataStorage().getTargetValidationMetadatas(WorkerConfig, '', true, false).map((m) => m.propertyName))];
  const config = plainToInstance(WorkerConfig, Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]])));
  const failed = [...new Set(validateSync(config).map((error) => error.property))];
  if (failed.length) throw new ConfigError(`Invalid configuration: ${failed.join(', ')}`);
  return config;
}
