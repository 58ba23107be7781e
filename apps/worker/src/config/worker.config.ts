import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { ConfigError, loadServiceConfig, ServiceConfig, toInt } from '@skillbridge/db';

export { ConfigError };

/** The worker's configuration: validated at boot, naming only what fails, never printing values. */
export class WorkerConfig extends ServiceConfig {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /** Address of the health and metrics server: loopback by default; 0.0.0.0 in a container, for probes and scrapes. */
  @IsString()
  WORKER_HEALTH_HOST = '127.0.0.1';

  /** Queue depths and the outbox backlog are read at most this often (ms), however often they are scraped. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  METRICS_SAMPLE_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKER_CONCURRENCY = 32;

  /** PostgreSQL connections of one worker process: enough for its concurrent jobs and the relay. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(200)
  WORKER_DB_POOL = 24;

  /** SMTP server for e-mail, e.g. smtp://user:pass@host:587. Without it, mail is written to MAIL_DIR. */
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'SkillBridge 技能桥 <noreply@skillbridge.local>';

  /** Where mail goes when no SMTP_URL is set (development): one .eml file per message. */
  @IsString()
  MAIL_DIR = '.data/mail';

  /** The SMS / WeCom gateway that receives signed webhook deliveries. Without it, webhooks are not sent. */
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'WEBHOOK_URL must be an http(s) URL' })
  WEBHOOK_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(16)
  WEBHOOK_SECRET?: string;

  /** Outbox rows claimed per relay round. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  RELAY_BATCH = 500;

  /** How long the relay rests when the outbox is empty, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60000)
  RELAY_IDLE_MS = 100;

  /** Per recipient and channel, at most this many immediate messages an hour; the rest wait for the digest. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EMAILS_PER_HOUR = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOKS_PER_HOUR = 60;

  /** First retry delay of a failed delivery, doubling each time. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  RETRY_BASE_MS = 1000;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return loadServiceConfig(WorkerConfig, env, (config) => (config.WEBHOOK_URL && !config.WEBHOOK_SECRET ? ['WEBHOOK_SECRET'] : []));
}
