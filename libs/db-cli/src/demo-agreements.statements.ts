import { statement } from '@skillbridge/db';

/*
 * The demo's agreements (issue 18): every student placement gets its drafted agreement; those at work or
 * finished are signed by every party (so the officers' figures stay as the demo's records say), the pending
 * ones wait at the steps of a real year: a third for the insurance, a third for every signature, a third
 * signed by the school and the enterprise and waiting for the student (and the guardian).
 * Set-based, fixed SQL; the demo's minors get a guardian's contact from their school first.
 */

export const DEMO_GUARDIANS = statement<[], never>(
  'demo-agreements.guardians',
  `UPDATE students st SET guardian_name = left(u.name, 1) || '家长', guardian_phone = '139' || lpad((abs(hashtext(st.user_id::text)) % 100000000)::text, 8, '0'),
          guardian_email = 'guardian.' || left(st.user_id::text, 8) || '@example.cn'
     FROM users u
    WHERE u.id = st.user_id AND st.guardian_name IS NULL
      AND EXISTS (SELECT 1 FROM placements p WHERE p.person_id = st.user_id AND p.kind = 'student'
                   AND st.date_of_birth > (p.start_date - interval '18 years')::date)`,
);

export const DEMO_STUDENT_PLACEMENTS = statement<[], { id: string }>(
  'demo-agreements.placements',
  `SELECT p.id FROM placements p WHERE p.kind = 'student' AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.placement_id = p.id) ORDER BY p.id`,
);

/** Version 2 with the insurance (the placement's policy number, covering its dates) for those at work or done, and two pending thirds. */
export const DEMO_INSURANCE = statement<[], never>(
  'demo-agreements.insurance',
  `WITH target AS (
     SELECT a.id, jsonb_set(v.terms, '{insurance}', jsonb_build_object(
              'insurer', '中国人民财产保险股份有限公司兰州市分公司',
              'policyNo', coalesce(p.insurance_policy_no, 'PICC-' || extract(year FROM p.start_date)::int || '-' || upper(left(p.person_id::text, 8))),
              'coverageStart', p.start_date::text, 'coverageEnd', p.end_date::text)) AS terms
       FROM agreements a JOIN placements p ON p.id = a.placement_id
       JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
      WHERE a.current_version = 1 AND a.status = 'awaiting_insurance'
        AND (p.status IN ('active', 'completed') OR (p.status = 'pending' AND get_byte(decode(md5(p.id::text), 'hex'), 0) % 3 <> 0))
   ), versions AS (
     INSERT INTO agreement_versions (agreement_id, version, terms, terms_sha256)
     SELECT id, 2, terms, encode(sha256(convert_to(terms::text, 'UTF8')), 'hex') FROM target
     RETURNING agreement_id
   )
   UPDATE agreements SET current_version = 2, status = 'signing', updated_at = now() FROM versions WHERE agreements.id = versions.agreement_id`,
);

/** The signatures: every party for a placement at work or done (the day before it started), school and enterprise for a pending third. */
export const DEMO_SIGNATURES = statement<[], never>(
  'demo-agreements.signatures',
  `INSERT INTO agreement_signatures (agreement_id, version, party, user_id, signer_name, terms_sha256, method, session_id, signed_at)
   SELECT a.id, a.current_version, x.party, x.user_id, x.name, v.terms_sha256,
          CASE x.party WHEN 'guardian' THEN 'guardian_link' ELSE 'password' END, NULL,
          CASE WHEN p.status = 'pending' THEN now() ELSE least(coalesce(p.activated_at, now()), p.start_date::timestamptz) - interval '1 day' END
     FROM agreements a JOIN placements p ON p.id = a.placement_id
     JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
     JOIN users su ON su.id = p.person_id
     CROSS JOIN LATERAL (VALUES
       ('school', (SELECT id FROM users WHERE organisation_id = p.school_id AND role = 'school_admin' ORDER BY created_at, id LIMIT 1),
                  v.terms #>> '{school,contact,name}'),
       ('enterprise', (SELECT id FROM users WHERE organisation_id = p.enterprise_id AND role = 'enterprise_admin' ORDER BY created_at, id LIMIT 1),
                  v.terms #>> '{enterprise,contact,name}'),
       ('student', p.person_id, su.name),
       ('guardian', NULL::uuid, v.terms #>> '{guardian,name}')) AS x(party, user_id, name)
    WHERE a.status = 'signing'
      AND (x.party <> 'guardian' OR ((v.terms #>> '{student,minorAtStart}')::boolean AND v.terms -> 'guardian' <> 'null'::jsonb))
      AND (p.status IN ('active', 'completed')
           OR (p.status = 'pending' AND get_byte(decode(md5(p.id::text), 'hex'), 0) % 3 = 2 AND x.party IN ('school', 'enterprise')))
   ON CONFLICT ON CONSTRAINT agreement_signatures_one_per_party DO NOTHING`,
);

/** Agreements every party of the current version signed: `signed`, and their placements counted. */
export const DEMO_MARK_SIGNED = statement<[], never>(
  'demo-agreements.mark-signed',
  `WITH done AS (
     SELECT a.id, a.placement_id, max(g.signed_at) AS signed_at
       FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
       JOIN agreement_signatures g ON g.agreement_id = a.id AND g.version = a.current_version
      WHERE a.status = 'signing'
      GROUP BY a.id, a.placement_id, v.terms
     HAVING count(*) = CASE WHEN (v.terms #>> '{student,minorAtStart}')::boolean THEN 4 ELSE 3 END
   ), marked AS (
     UPDATE agreements SET status = 'signed', signed_at = done.signed_at, updated_at = now() FROM done WHERE agreements.id = done.id
     RETURNING agreements.placement_id, agreements.signed_at
   )
   UPDATE placements SET agreement_signed_at = marked.signed_at FROM marked WHERE placements.id = marked.placement_id`,
);
