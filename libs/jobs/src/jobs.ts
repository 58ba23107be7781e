import type { RegistrationApplication } from '@skillbridge/domain';
import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job the worker runs, named in one place. The API and the worker both enqueue
 * through these names; the worker refuses to start unless each name has exactly one handler.
 * Payloads carry ids, never documents: a handler reloads what it needs and skips what is gone.
 */
export const QUEUES = {
  /** Housekeeping: heartbeats, expiries, reminders, digests. */
  maintenance: 'maintenance',
  /**
   * A batch of events fanned out at once (every inbox entry in one statement), then one job per
   * (event, recipient) that wants e-mail or a webhook, retried and dead-lettered on its own.
   */
  notifications: 'notifications',
  /** Bulk imports: few, long, heavy on PostgreSQL; run one or two at a time. */
  imports: 'imports',
  /** Match rounds: one run of deferred acceptance at a time per job (CPU-bound, seconds at 10^6 students). */
  matching: 'matching',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  'system.heartbeat': Record<string, never>;
  'notification.fanout': { eventIds: string[] };
  'notification.deliver': { eventId: string; userId: string };
  'offers.expire': Record<string, never>;
  'reminders.send': Record<string, never>;
  'digest.send': Record<string, never>;
  /** Hosted counts that move with the date alone (a year's turn): refreshed each day. */
  'quotas.refresh-hosted': Record<string, never>;
  'import.run': { importId: string };
  /** `request` is the round's run_request when enqueued: a stale or repeated job finds it done and skips. */
  'match.run': { roundId: string; request: number };
  'match-rounds.close-due': Record<string, never>;
  /**
   * A "forgot password" request, queued alike for every e-mail (known or not, the API answers the
   * same, as fast): the worker writes the reset row `resetId` for an account with that e-mail and a
   * password, keeping only its link's SHA-256, and e-mails the link (never through the inbox).
   */
  'password-reset.send': { resetId: string; email: string; requestedAt: string };
  'imports.sweep': Record<string, never>;
  /**
   * A self-registration, queued alike for every e-mail (the API answers the same, as fast): for an
   * e-mail no account has, the worker writes the pending registration `registrationId`, keeping only
   * its link's SHA-256, and e-mails the link; for one that has an account it e-mails that instead
   * (sign in, forgot password, or activate with the school's code) and writes nothing.
   */
  'registration.send': { registrationId: string; email: string; requestedAt: string; application: RegistrationApplication };
  /**
   * The guardian's one-time link to sign an agreement (issue 18): the worker makes the link's secret, keeps only
   * its SHA-256 on `guardian_links` row `linkId`, and sends it by e-mail or (only a phone known) the webhook
   * channel (SMS); a link replaced, used or expired meanwhile is not sent.
   */
  'agreements.send-guardian-link': { linkId: string };
  /** A signer's one-time code (6 digits, 10 minutes): the worker makes it, keeps its SHA-256 on `signing_codes` row `codeId`, e-mails it. */
  'agreements.send-signing-code': { codeId: string };
  /** A published round of many students drafts its agreements in the background, in batches (progress on the round). */
  'agreements.draft-round': { roundId: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'system.heartbeat': QUEUES.maintenance,
  'notification.fanout': QUEUES.notifications,
  'notification.deliver': QUEUES.notifications,
  'offers.expire': QUEUES.maintenance,
  'reminders.send': QUEUES.maintenance,
  'digest.send': QUEUES.maintenance,
  'quotas.refresh-hosted': QUEUES.maintenance,
  'import.run': QUEUES.imports,
  'match.run': QUEUES.matching,
  'match-rounds.close-due': QUEUES.maintenance,
  'password-reset.send': QUEUES.notifications,
  'imports.sweep': QUEUES.maintenance,
  'registration.send': QUEUES.notifications,
  'agreements.send-guardian-link': QUEUES.notifications,
  'agreements.send-signing-code': QUEUES.notifications,
  'agreements.draft-round': QUEUES.matching,
};

/** Attempts of an import job: a failed attempt wrote nothing, so trying again is safe. */
export const IMPORT_ATTEMPTS = 3;

/** Queues that must not run WORKER_CONCURRENCY jobs at once on one worker. */
export const QUEUE_CONCURRENCY: Partial<Record<QueueName, number>> = { [QUEUES.imports]: 1 };

/**
 * How long a worker's hold on a job lasts without renewal. A worker killed mid-job loses it after
 * this (and a stall check), and another takes the job again: short for the quick message jobs, so
 * a crash delays a message by seconds; long where one job keeps the CPU busy for a while (a
 * blocked event loop cannot renew its hold, and the job would be taken twice).
 */
export const QUEUE_LOCK_MS: Record<QueueName, number> = {
  [QUEUES.maintenance]: 10_000,
  [QUEUES.notifications]: 10_000,
  [QUEUES.imports]: 300_000,
  [QUEUES.matching]: 300_000,
};

/** Attempts of a delivery before it is dead-lettered; backoff doubles from one second. */
export const DELIVERY_ATTEMPTS = 6;

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

/** Deterministic job ids: enqueuing the same work twice adds it once. (BullMQ reserves ':' in ids.) */
export const jobId = (name: JobName, ...parts: Array<string | number>): string => [name, ...parts].join('/');

/** Jobs that run on a schedule (BullMQ job schedulers, each under the id jobId(name)), and when. */
export const SCHEDULES = {
  'system.heartbeat': { every: 15_000 },
  'offers.expire': { every: 60_000 },
  'reminders.send': { every: 3_600_000 },
  'digest.send': { pattern: '0 8 * * *', tz: 'Asia/Shanghai' },
  // At each local midnight, the hosted counts that the new day moves (a placement into a new year).
  'quotas.refresh-hosted': { pattern: '0 0 * * *', tz: 'Asia/Shanghai' },
  'match-rounds.close-due': { every: 60_000 },
  // The worker declares it every IMPORT_SWEEP_EVERY_MS (this is the default).
  'imports.sweep': { every: 60_000 },
} as const satisfies Partial<Record<JobName, { every: number } | { pattern: string; tz: string }>>;
export type ScheduledJobName = keyof typeof SCHEDULES;

/**
 * How one job is retried and kept. `backoffMs: 'retry-base'` doubles from the producer's
 * `retryBaseMs` (RETRY_BASE_MS, read by the API and the worker alike), so a test can make
 * delivery retries quick.
 */
export interface RetryPolicy {
  attempts: number;
  backoffMs?: number | 'retry-base';
  removeOnComplete: JobsOptions['removeOnComplete'];
  removeOnFail: JobsOptions['removeOnFail'];
}

/** Housekeeping (and scheduled) jobs: one attempt; a failure simply runs again on the schedule. */
const HOUSEKEEPING: RetryPolicy = { attempts: 1, removeOnComplete: true, removeOnFail: 100 };

/** Deliveries and their fan-out: retried, then dead-lettered (the deliveries table says which). */
const DELIVERY: RetryPolicy = {
  attempts: DELIVERY_ATTEMPTS,
  backoffMs: 'retry-base',
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 86_400 },
};

/**
 * Each job's retry policy, in one place: whoever enqueues a job (API or worker) gets the same
 * attempts, backoff and retention, instead of options written inline at each `add`.
 */
export const JOB_RETRY: Record<JobName, RetryPolicy> = {
  'system.heartbeat': HOUSEKEEPING,
  'notification.fanout': DELIVERY,
  // A dead delivery retried from the API gets a fresh set of attempts, dead-lettered again at the last.
  'notification.deliver': DELIVERY,
  'offers.expire': HOUSEKEEPING,
  'reminders.send': HOUSEKEEPING,
  'digest.send': HOUSEKEEPING,
  'quotas.refresh-hosted': HOUSEKEEPING,
  // A failed attempt wrote nothing (one transaction), so trying again is safe.
  'import.run': { attempts: IMPORT_ATTEMPTS, backoffMs: 5000, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  'match.run': { attempts: 3, backoffMs: 1000, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  'match-rounds.close-due': HOUSEKEEPING,
  // The link is only worth its 30 minutes: a job that has failed that long is dropped.
  'password-reset.send': { attempts: 8, backoffMs: 1000, removeOnComplete: true, removeOnFail: { age: 86_400 } },
  // Likewise a registration's link (24 hours).
  'registration.send': { attempts: 8, backoffMs: 1000, removeOnComplete: true, removeOnFail: { age: 86_400 } },
  'imports.sweep': HOUSEKEEPING,
  // A code is worth its 10 minutes, a guardian's link its 72 hours: retried while they are.
  'agreements.send-guardian-link': { attempts: 8, backoffMs: 1000, removeOnComplete: true, removeOnFail: { age: 86_400 } },
  'agreements.send-signing-code': { attempts: 5, backoffMs: 1000, removeOnComplete: true, removeOnFail: { age: 3600 } },
  // Each batch commits on its own: a retry goes on from where the last stopped.
  'agreements.draft-round': { attempts: 5, backoffMs: 2000, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
};

/** The BullMQ options of a job: its retry policy, with `retry-base` backoff resolved. */
export function jobOptions(name: JobName, retryBaseMs = 1000): JobsOptions {
  const { attempts, backoffMs, removeOnComplete, removeOnFail } = JOB_RETRY[name];
  const delay = backoffMs === 'retry-base' ? retryBaseMs : backoffMs;
  return { attempts, removeOnComplete, removeOnFail, ...(delay === undefined ? {} : { backoff: { type: 'exponential', delay } }) };
}

/**
 * The job a schedule adds each time — name, payload and options — built in one place for the
 * worker's schedulers and for the tests that run a scheduled job on demand. One attempt: a
 * housekeeping job that fails simply runs again on its schedule.
 */
export const scheduledJob = <N extends ScheduledJobName>(name: N) => ({
  name,
  data: {} as JobPayloads[N],
  opts: jobOptions(name),
});
