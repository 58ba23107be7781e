/**
 * 配额 — quotas' logic shared by the API and the worker: the year's rules in force, and the quota rows
 * recomputed in one statement wherever a headcount or a placement moves them (and each day by the date alone).
 */
export * from './quota.repository';
export * from './rules.repository';
