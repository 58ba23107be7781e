import { run, runCount } from '@skillbridge/db';
import type { IsoDate, YearRules } from '@skillbridge/domain';
import { EntityManager } from 'typeorm';
import { HOSTED_CHANGES_ON, REFRESH_QUOTAS } from './quota.statements';

/**
 * Recomputes quota rows for a year — for the given enterprises, or all of them — in one statement:
 * headcount, required = ceil(rate × staff) and cap = floor(cap rate × staff) in exact numeric
 * arithmetic (as libs/domain does), and hosted from the placements as of `today` (libs/domain
 * hostedInYear: days served from max(start, activation day) to the end, touching the year and
 * already lived). Called in the transaction of every change that moves them (a headcount, a
 * placement starting, completing or ending) and by the worker's daily refresh for the rows whose
 * count moves with the date alone (hostedChangesOn).
 * The organisation's kind, name, district, ownership and industry on the row are read by the
 * trigger quota_years_stamp (under a share lock, so a concurrent rename cannot be missed); the
 * update takes them from there too, mending any row that drifted.
 */
export async function refreshQuotas(tx: EntityManager, rules: YearRules, enterpriseIds: string[] | null, today: IsoDate): Promise<void> {
  await runCount(tx, REFRESH_QUOTAS, [rules.year, rules.internIntakeRate, rules.enterpriseInternCapRate, today, enterpriseIds]);
}

/** The calendar years a date range touches. */
export const yearsOf = (startDate: string, endDate: string): number[] => {
  const years: number[] = [];
  for (let y = Number(startDate.slice(0, 4)); y <= Number(endDate.slice(0, 4)); y++) years.push(y);
  return years;
};

/**
 * The enterprises whose hosted count for `today`'s year moves on that day by the date alone: a
 * placement already started whose first day served in the year — max(its first day served,
 * 1 January) — falls in the `days` days up to today (a week by default, so that a missed run
 * catches up). Activations count at once; this is what a year's turn or an early activation leaves.
 */
export async function hostedChangesOn(db: EntityManager, today: IsoDate, days = 7): Promise<string[]> {
  const rows = await run(db, HOSTED_CHANGES_ON, [today, days]);
  return rows.map((r) => r.enterprise_id);
}
