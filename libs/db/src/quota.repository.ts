import type { YearRules } from '@skillbridge/domain';
import { EntityManager } from 'typeorm';

/**
 * Recomputes quota rows for a year — for the given enterprises, or all of them — in one statement:
 * headcount, required = ceil(rate × staff) and cap = floor(cap rate × staff) in exact numeric
 * arithmetic (as libs/domain does), and hosted from the placements. Called in the transaction of
 * every change that moves them (a headcount, a placement starting, completing or ending).
 * The organisation's kind, name, district, ownership and industry on the row are read by the
 * trigger quota_years_stamp (under a share lock, so a concurrent rename cannot be missed); the
 * update takes them from there too, mending any row that drifted.
 */
export async function refreshQuotas(tx: EntityManager, rules: YearRules, enterpriseIds: string[] | null): Promise<void> {
  await tx.query(
    `INSERT INTO quota_years (enterprise_id, year, employees, required, hosted, cap, updated_at)
     SELECT o.id, $1, h.employees,
            coalesce(ceil(h.employees * $2::numeric), 0)::int,
            (SELECT count(DISTINCT p.person_id) FROM placements p
              WHERE p.enterprise_id = o.id AND p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship')
                AND p.status IN ('active', 'completed')
                AND p.start_date <= make_date($1, 12, 31) AND p.end_date >= make_date($1, 1, 1))::int,
            coalesce(floor(h.employees * $3::numeric), 0)::int,
            now()
       FROM organisations o
       LEFT JOIN LATERAL (SELECT employees FROM enterprise_headcounts WHERE organisation_id = o.id AND year <= $1 ORDER BY year DESC LIMIT 1) h ON true
      WHERE o.kind IN ('enterprise', 'training_base') ${enterpriseIds ? 'AND o.id = ANY($4::uuid[])' : ''}
     ON CONFLICT (enterprise_id, year) DO UPDATE
        SET employees = EXCLUDED.employees, required = EXCLUDED.required, hosted = EXCLUDED.hosted, cap = EXCLUDED.cap, updated_at = now(),
            kind = EXCLUDED.kind, name = EXCLUDED.name, district = EXCLUDED.district, ownership = EXCLUDED.ownership, industry = EXCLUDED.industry`,
    enterpriseIds ? [rules.year, rules.internIntakeRate, rules.enterpriseInternCapRate, enterpriseIds] : [rules.year, rules.internIntakeRate, rules.enterpriseInternCapRate],
  );
}

/** The calendar years a date range touches. */
export const yearsOf = (startDate: string, endDate: string): number[] => {
  const years: number[] = [];
  for (let y = Number(startDate.slice(0, 4)); y <= Number(endDate.slice(0, 4)); y++) years.push(y);
  return years;
};
