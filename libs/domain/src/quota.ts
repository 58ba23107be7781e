import { QUOTA_STATUSES, type QuotaStatus } from '@skillbridge/contracts';
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
// The list is declared once, in libs/contracts.
export { QUOTA_STATUSES, type QuotaStatus };

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

/**
 * The same rule folded into two per-row thresholds that do not depend on the date, so that a
 * database can store them and serve "the enterprises in status S today" as a range condition:
 * a row not met is on track through day `onTrackUntil`, at risk through day `atRiskUntil`, and
 * behind after that. Both are null when the quota is met (whatever the date).
 * - hosted ≥ floor(required × day / days) ⇔ required × day < (hosted + 1) × days
 *   ⇔ day ≤ floor(((hosted + 1) × days − 1) / required);
 * - hosted ≥ floor(pace / 2) ⇔ pace ≤ 2 × hosted + 1 ⇔ day ≤ floor(((2 × hosted + 2) × days − 1) / required).
 */
export interface QuotaThresholds {
  onTrackUntil: number | null;
  atRiskUntil: number | null;
}

export function quotaThresholds(required: number, hosted: number, days: number): QuotaThresholds {
  if (hosted >= required) return { onTrackUntil: null, atRiskUntil: null };
  return {
    onTrackUntil: Math.floor(((hosted + 1) * days - 1) / required),
    atRiskUntil: Math.floor(((2 * hosted + 2) * days - 1) / required),
  };
}

export function quotaStatusOn(thresholds: QuotaThresholds, day: number): QuotaStatus {
  if (thresholds.onTrackUntil === null || thresholds.atRiskUntil === null) return 'met';
  if (day <= thresholds.onTrackUntil) return 'on_track';
  if (day <= thresholds.atRiskUntil) return 'at_risk';
  return 'behind';
}

/** SQL twins of quotaThresholds over columns `required`, `hosted` and an expression for the days of the year. */
export const quotaThresholdsSql = (required: string, hosted: string, days: string): { onTrackUntil: string; atRiskUntil: string } => ({
  onTrackUntil: `CASE WHEN ${hosted} < ${required} THEN ((${hosted} + 1)::bigint * ${days} - 1) / ${required} END`,
  atRiskUntil: `CASE WHEN ${hosted} < ${required} THEN ((2 * ${hosted} + 2)::bigint * ${days} - 1) / ${required} END`,
});

/** The status on day $day from stored thresholds (quotaStatusOn in SQL). */
export const quotaStatusOnSql = (onTrackUntil: string, atRiskUntil: string, day: string): string =>
  `CASE WHEN ${onTrackUntil} IS NULL THEN 'met' WHEN ${onTrackUntil} >= ${day} THEN 'on_track' WHEN ${atRiskUntil} >= ${day} THEN 'at_risk' ELSE 'behind' END`;

/** "In status S on day $day" as range conditions on the stored thresholds, which an index or the planner's statistics can use. */
export function quotaStatusWhereSql(status: QuotaStatus, onTrackUntil: string, atRiskUntil: string, day: string): string {
  switch (status) {
    case 'met':
      return `${onTrackUntil} IS NULL`;
    case 'on_track':
      return `${onTrackUntil} >= ${day}`;
    case 'at_risk':
      return `${onTrackUntil} < ${day} AND ${atRiskUntil} >= ${day}`;
    case 'behind':
      return `${atRiskUntil} < ${day}`;
  }
}
