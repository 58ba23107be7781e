import { statement } from '@skillbridge/db';

/**
 * Drafting agreements (issue 18): set-based, one INSERT … SELECT for any number of placements. The terms
 * (libs/contracts AgreementTerms) are built in SQL with jsonb_build_object from the slot, the enterprise,
 * the school, the student and the rules year; `terms_sha256` is the SHA-256 of `terms::text` as PostgreSQL
 * prints the jsonb. The parties' contacts (and, until the mentors issue, the two mentors) are the first
 * enterprise admin and school admin. The guardian is in the terms only for a student under 18 on the start
 * date, from the school's record (null until the school enters it).
 * Only a student's internship or apprenticeship placement has an agreement; one that has one is skipped.
 */
export const DRAFT_AGREEMENTS = statement<[placementIds: string[]], { drafted: number }>(
  'agreements.draft',
  `
WITH todo AS MATERIALIZED (
  SELECT p.id, p.slot_id, p.enterprise_id, p.school_id, p.person_id, p.start_date, p.end_date
    FROM placements p
   WHERE p.id = ANY($1::uuid[]) AND p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship')
     AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.placement_id = p.id)
),
contacts AS MATERIALIZED (
  SELECT DISTINCT ON (u.organisation_id) u.organisation_id,
         jsonb_build_object('name', u.name, 'phone', NULL::text, 'email', u.email) AS contact
    FROM users u
   WHERE u.role IN ('enterprise_admin', 'school_admin')
     AND u.organisation_id IN (SELECT enterprise_id FROM todo UNION SELECT school_id FROM todo)
   ORDER BY u.organisation_id, u.created_at, u.id
),
src AS (
  SELECT t.id AS placement_id, jsonb_build_object(
    'rulesYear', extract(year FROM t.start_date)::int,
    'school', jsonb_build_object('id', sc.id, 'name', sc.name, 'contact', coalesce(scc.contact, jsonb_build_object('name', sc.name, 'phone', NULL::text, 'email', NULL::text))),
    'enterprise', jsonb_build_object('id', e.id, 'name', e.name, 'uscc', e.uscc, 'district', e.district,
                                     'contact', coalesce(ec.contact, jsonb_build_object('name', e.name, 'phone', NULL::text, 'email', NULL::text))),
    'student', jsonb_build_object('id', u.id, 'name', u.name, 'dateOfBirth', st.date_of_birth::text, 'major', st.major,
                                  'className', st.class_name, 'minorAtStart', st.date_of_birth > (t.start_date - interval '18 years')::date),
    'guardian', CASE WHEN st.date_of_birth > (t.start_date - interval '18 years')::date AND st.guardian_name IS NOT NULL
                     THEN jsonb_build_object('name', st.guardian_name, 'phone', st.guardian_phone, 'email', st.guardian_email) END,
    'post', jsonb_build_object('slotId', s.id, 'title', s.title, 'content', s.description, 'type', s.type),
    'place', jsonb_build_object('district', s.district),
    'dates', jsonb_build_object('start', t.start_date::text, 'end', t.end_date::text),
    'hours', jsonb_build_object('perDay', s.hours_per_day::text, 'nights', false, 'overtime', false),
    'pay', jsonb_build_object('monthlyYuan', s.stipend::text, 'inMoney', true, 'directToStudent', true, 'atLeastMonthly', true),
    'insurance', NULL::jsonb,
    'mentors', jsonb_build_object(
      'school', coalesce(scc.contact, jsonb_build_object('name', sc.name, 'phone', NULL::text, 'email', NULL::text)),
      'enterprise', coalesce(ec.contact, jsonb_build_object('name', e.name, 'phone', NULL::text, 'email', NULL::text)))
  ) AS terms
    FROM todo t
    JOIN slots s ON s.id = t.slot_id
    JOIN organisations e ON e.id = t.enterprise_id
    JOIN organisations sc ON sc.id = t.school_id
    JOIN users u ON u.id = t.person_id
    JOIN students st ON st.user_id = t.person_id
    LEFT JOIN contacts ec ON ec.organisation_id = t.enterprise_id
    LEFT JOIN contacts scc ON scc.organisation_id = t.school_id
),
made AS (
  INSERT INTO agreements (placement_id) SELECT placement_id FROM src ORDER BY placement_id
  ON CONFLICT (placement_id) DO NOTHING
  RETURNING id, placement_id
),
versions AS (
  INSERT INTO agreement_versions (agreement_id, version, terms, terms_sha256)
  SELECT m.id, 1, s.terms, encode(sha256(convert_to(s.terms::text, 'UTF8')), 'hex') FROM made m JOIN src s ON s.placement_id = m.placement_id
  RETURNING agreement_id
)
SELECT count(*)::int AS drafted FROM versions`,
);

/** The next batch of a published round's placements (on the round's slots) that have no agreement yet. */
export const ROUND_PLACEMENTS_TO_DRAFT = statement<[roundId: string, limit: number], { id: string }>(
  'agreements.round-placements-to-draft',
  `SELECT p.id FROM match_round_slots rs JOIN placements p ON p.slot_id = rs.slot_id
    WHERE rs.round_id = $1 AND p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship')
      AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.placement_id = p.id)
    ORDER BY p.id
    LIMIT $2`,
);

/** How far a round's drafting is: its student placements, and those with an agreement. */
export const ROUND_DRAFTING = statement<[roundId: string], { total: number; drafted: number }>(
  'agreements.round-drafting',
  `SELECT count(*)::int AS total, count(a.id)::int AS drafted
     FROM match_round_slots rs JOIN placements p ON p.slot_id = rs.slot_id
     LEFT JOIN agreements a ON a.placement_id = p.id
    WHERE rs.round_id = $1 AND p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship')`,
);

/** A round's student placements (how many): whether its drafting runs inline or in the background. */
export const ROUND_PLACEMENT_COUNT = statement<[roundId: string], { total: number }>(
  'agreements.round-placement-count',
  `SELECT count(*)::int AS total FROM match_round_slots rs JOIN placements p ON p.slot_id = rs.slot_id
    WHERE rs.round_id = $1 AND p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship')`,
);
