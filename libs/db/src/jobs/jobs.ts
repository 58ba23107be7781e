/**
 * Every queue and job the worker runs, named in one place. The API and the worker both enqueue
 * through these names; the worker refuses to start unless each name has exactly one handler.
 * Payloads carry ids, never documents: a handler reloads what it needs and skips what is gone.
 */
export const QUEUES = {
  /** Housekeeping: heartbeats, expiries, reminders. */
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  'system.heartbeat': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'system.heartbeat': QUEUES.maintenance,
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

/** Deterministic job ids: enqueuing the same work twice adds it once. */
export const jobId = (name: JobName, ...parts: Array<string | number>): string => [name, ...parts].join(':');
