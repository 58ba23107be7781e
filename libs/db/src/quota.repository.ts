import type { IsoDate, YearRules } from '@skillbridge/domain';
import { EntityManager } from 'typeorm';

/** A placement's first day served (libs/domain servedFrom): its start, or the local day it was activated if later. */
const SERVED_FROM = `greatest(p.start_date, (p.activated_at AT TIME ZONE 'Asia/Shanghai')::date)`;

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
  await tx.query(
    `INSERT INTO quota_years (enterprise_id, year, employees, required, hosted, cap, updated_at)
     SELECT o.id, $1, h.employees,
            coalesce(ceil(h.employees * $2::numeric), 0)::int,
            (SELECT count(DISTINCT p.person_id) FROM placements p
              WHERE p.enterprise_id = o.id AND p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship')
                AND p.status IN ('active', 'completed')
                AND greatest(${SERVED_FROM}, make_date($1, 1, 1)) <= least(make_date($1, 12, 31), $4::date, p.end_date))::int,
            coalesce(floor(h.employees * $3::numeric), 0)::int,
            now()
       FROM organisations o
       LEFT JOIN LATERAL (SELECT employees FROM enterprise_headcounts WHERE organisation_id = o.id AND year <= $1 ORDER BY year DESC LIMIT 1) h ON true
      WHERE o.kind IN ('enterprise', 'training_base') ${enterpriseIds ? 'AND o.id = ANY($5::uuid[])' : ''}
     ON CONFLICT (enterprise_id, year) DO UPDATE
        SET employees = EXCLUDED.employees, required = EXCLUDED.required, hosted = EXCLUDED.hosted, cap = EXCLUDED.cap, updated_at = now(),
            kind = EXCLUDED.kind, name = EXCLUDED.name, district = EXCLUDED.district, ownership = EXCLUDED.ownership, industry = EXCLUDED.industry,
            verified = EXCLUDED.verified`,
    [rules.year, rules.internIntakeRate, rules.enterpriseInternCapRate, today, ...(enterpriseIds ? [enterpriseIds] : [])],
  );
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
  const rows: Array<{ enterprise_id: string }> = await db.query(
    `SELECT DISTINCT p.enterprise_id FROM placements p
      WHERE p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship') AND p.status IN ('active', 'completed')
        AND greatest(${SERVED_FROM}, date_trunc('year', $1::date)::date) BETWEEN $1::date - $2::int AND least($1::date, p.end_date)`,
    [today, days],
  );
  return rows.map((r) => r.enterprise_id);
}
