/**
 * 后台任务 — the jobs the worker runs, named in one place for whoever enqueues them (API and worker): each
 * job's queue, payload and retry policy, the deterministic job ids, the schedules, and the one producer.
 */
export * from './jobs';
export * from './producer';
