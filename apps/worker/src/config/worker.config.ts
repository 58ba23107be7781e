import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { ConfigError, IntSetting, loadServiceConfig, ServiceConfig } from '@skillbridge/runtime';

export { ConfigError };

/** The worker's configuration: validated at boot, naming only what fails, never printing values. */
export class WorkerConfig extends ServiceConfig {
  @IntSetting(0, 65535)
  WORKER_HEALTH_PORT = 3001;

  /** Address of the health and metrics server: loopback by default; 0.0.0.0 in a container, for probes and scrapes. */
  @IsString()
  WORKER_HEALTH_HOST = '127.0.0.1';

  /** Queue depths and the outbox backlog are read at most this often (ms), however often they are scraped. */
  @IntSetting(500)
  METRICS_SAMPLE_MS = 5000;

  @IntSetting(1, 256)
  WORKER_CONCURRENCY = 32;

  /** PostgreSQL connections of one worker process: enough for its concurrent jobs and the relay. */
  @IntSetting(2, 200)
  WORKER_DB_POOL = 24;

  /** SMTP server for e-mail, e.g. smtp://user:pass@host:587. Without it, mail is written to MAIL_DIR. */
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'SkillBridge 技能桥 <noreply@skillbridge.local>';

  /** The portal's address as people reach it: the base of the links in e-mails (password reset). */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PORTAL_URL must be an http(s) URL' })
  PORTAL_URL = 'http://localhost:4200';

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
  @IntSetting(1, 10000)
  RELAY_BATCH = 500;

  /** How long the relay rests when the outbox is empty, in ms. */
  @IntSetting(10, 60000)
  RELAY_IDLE_MS = 100;

  /** Per recipient and channel, at most this many immediate messages an hour; the rest wait for the digest. */
  @IntSetting(1)
  EMAILS_PER_HOUR = 30;

  @IntSetting(1)
  WEBHOOKS_PER_HOUR = 60;

  /**
   * An unfinished import with no progress (no heartbeat of its runner) for this long, in ms, is ended
   * `failed` by the sweep: its worker died or hangs. A live runner records progress many times within it.
   */
  @IntSetting(1000)
  IMPORT_STALE_AFTER_MS = 600_000;

  /** How often the sweep of stalled or lost imports runs, in ms. */
  @IntSetting(100)
  IMPORT_SWEEP_EVERY_MS = 60_000;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return loadServiceConfig(WorkerConfig, env, (config) => (config.WEBHOOK_URL && !config.WEBHOOK_SECRET ? ['WEBHOOK_SECRET'] : []));
}
