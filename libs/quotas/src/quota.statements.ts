import { statement } from '@skillbridge/db';

/*
 * Quota figures (quota.repository.ts). A placement's first day served (libs/domain servedFrom) is its
 * start, or the local day it was activated if later:
 *   greatest(p.start_date, (p.activated_at AT TIME ZONE 'Asia/Shanghai')::date)
 * written out in both statements below (a statement's text is fixed). A student's placement counts only once
 * every party signed its agreement (`agreement_signed_at`, issue 18; libs/domain servesInYear).
 */

/**
 * Upserts the quota rows of a year for the given enterprises, or all of them when `enterpriseIds` is
 * null (the null test folds away when the statement is planned with its values: one enterprise is
 * still a key lookup).
 */
export const REFRESH_QUOTAS = statement<
  [year: number, internIntakeRate: string, enterpriseInternCapRate: string, today: string, enterpriseIds: string[] | null],
  never
>(
  'quota-years.refresh',
  `INSERT INTO quota_years (enterprise_id, year, employees, required, hosted, cap, updated_at)
     SELECT o.id, $1, h.employees,
            coalesce(ceil(h.employees * $2::numeric), 0)::int,
            (SELECT count(DISTINCT p.person_id) FROM placements p
              WHERE p.enterprise_id = o.id AND p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship')
                AND p.status IN ('active', 'completed') AND p.agreement_signed_at IS NOT NULL
                AND greatest(greatest(p.start_date, (p.activated_at AT TIME ZONE 'Asia/Shanghai')::date), make_date($1, 1, 1))
                    <= least(make_date($1, 12, 31), $4::date, p.end_date))::int,
            coalesce(floor(h.employees * $3::numeric), 0)::int,
            now()
       FROM organisations o
       LEFT JOIN LATERAL (SELECT employees FROM enterprise_headcounts WHERE organisation_id = o.id AND year <= $1 ORDER BY year DESC LIMIT 1) h ON true
      WHERE o.kind IN ('enterprise', 'training_base') AND ($5::uuid[] IS NULL OR o.id = ANY($5::uuid[]))
     ON CONFLICT (enterprise_id, year) DO UPDATE
        SET employees = EXCLUDED.employees, required = EXCLUDED.required, hosted = EXCLUDED.hosted, cap = EXCLUDED.cap, updated_at = now(),
            kind = EXCLUDED.kind, name = EXCLUDED.name, district = EXCLUDED.district, ownership = EXCLUDED.ownership, industry = EXCLUDED.industry,
            verified = EXCLUDED.verified`,
);

/** The enterprises whose hosted count moves by the date alone between `today - days` and today (hostedChangesOn). */
export const HOSTED_CHANGES_ON = statement<[today: string, days: number], { enterprise_id: string }>(
  'quota-years.hosted-changes-on',
  `SELECT DISTINCT p.enterprise_id FROM placements p
    WHERE p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship') AND p.status IN ('active', 'completed')
      AND p.agreement_signed_at IS NOT NULL
      AND greatest(greatest(p.start_date, (p.activated_at AT TIME ZONE 'Asia/Shanghai')::date), date_trunc('year', $1::date)::date)
          BETWEEN $1::date - $2::int AND least($1::date, p.end_date)`,
);
