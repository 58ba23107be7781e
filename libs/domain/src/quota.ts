import { IsoDate, daysInclusive } from './dates';

/**
 * Where an enterprise stands against its yearly intern intake (§13), judged against the share of
 * the year that has passed:
 * - `met`: hosted ≥ required;
 * - `on_track`: hosted ≥ the pace, floor(required × elapsed) — the whole interns due by now;
 * - `at_risk`: hosted ≥ floor(pace / 2);
 * - `behind`: fewer than that.
 * `elapsed` is the fraction day/days of the calendar year on the judging date (0 before it starts,
 * 1 after it ends). All comparisons are in whole numbers, so the SQL twin agrees exactly.
 */
export type QuotaStatus = 'met' | 'on_track' | 'at_risk' | 'behind';
export const QUOTA_STATUSES: QuotaStatus[] = ['met', 'on_track', 'at_risk', 'behind'];

export interface YearElapsed {
  /** Days of the year passed, including the judging day (0–days). */
  day: number;
  days: number;
}

export function yearElapsed(year: number, on: IsoDate): YearElapsed {
  const days = daysInclusive(`${year}-01-01`, `${year}-12-31`);
  if (on < `${year}-01-01`) return { day: 0, days };
  if (on > `${year}-12-31`) return { day: days, days };
  return { day: daysInclusive(`${year}-01-01`, on), days };
}

/** The whole interns due by now: floor(required × day / days). */
export const quotaPace = (required: number, elapsed: YearElapsed): number => Math.floor((required * elapsed.day) / elapsed.days);

export function quotaStatus(required: number, hosted: number, elapsed: YearElapsed): QuotaStatus {
  if (hosted >= required) return 'met';
  const pace = quotaPace(required, elapsed);
  if (hosted >= pace) return 'on_track';
  if (hosted >= Math.floor(pace / 2)) return 'at_risk';
  return 'behind';
}

/** The same rule as a SQL expression over columns `required` and `hosted`, with $day and $days bound. */
export const quotaStatusSql = (required: string, hosted: string, day: string, days: string): string =>
  `CASE WHEN ${hosted} >= ${required} THEN 'met'
        WHEN ${hosted} >= (${required}::bigint * ${day}) / ${days} THEN 'on_track'
        WHEN ${hosted} >= ((${required}::bigint * ${day}) / ${days}) / 2 THEN 'at_risk'
        ELSE 'behind' END`;
