import type { ImportFailureReason } from '@skillbridge/db';

/** A job in one of these states will be taken by a worker: its import is waiting its turn, not lost. */
const WAITING_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

export type Verdict = { reason: ImportFailureReason; quietMs: number } | null;

/**
 * What becomes of an unfinished import that has been quiet a while, given its job's state in BullMQ
 * ('unknown' when the job is gone): ended JOB_LOST when no job will ever run it; ended STALLED when it
 * has had no progress for the stale threshold, unless it is queued and its job waits for a worker.
 */
export function sweepVerdict(
  row: { status: string; stale: boolean },
  jobState: string,
  ms: { staleMs: number; lookupMs: number },
): Verdict {
  if (jobState === 'unknown' || jobState === 'completed' || jobState === 'failed') return { reason: 'JOB_LOST', quietMs: ms.lookupMs };
  if (!row.stale) return null;
  if (row.status === 'queued' && WAITING_STATES.has(jobState)) return null;
  return { reason: 'STALLED', quietMs: ms.staleMs };
}
