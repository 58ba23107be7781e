-- Ten accepts in one statement (an experiment: not what the API does; see results/2026-12-02-findings.md).
SELECT array_agg(id)::text AS ids, array_agg(student_id)::text AS stus FROM q WHERE n BETWEEN (SELECT nextval('qs10')) AND currval('qs10') + 9 \gset
WITH req AS (
  SELECT * FROM unnest(:ids::uuid[], :stus::uuid[]) AS r (id, student_id)
), app AS (
  SELECT a.id, a.slot_id, a.student_id, a.school_id, a.enterprise_id, a.status, a.school_approved_at, a.respond_by
    FROM applications a JOIN req r ON a.id = r.id AND a.student_id = r.student_id
   ORDER BY a.id
     FOR UPDATE OF a
), ok AS (
  SELECT *, row_number() OVER (PARTITION BY slot_id ORDER BY id) AS place_in_line FROM app
   WHERE status = 'offered' AND school_approved_at IS NOT NULL AND (respond_by IS NULL OR respond_by >= '2026-12-02'::date)
), slot AS (
  SELECT s.id, s.taken, s.capacity, s.type, s.start_date, s.end_date FROM slots s WHERE s.id IN (SELECT slot_id FROM ok) ORDER BY s.id FOR NO KEY UPDATE OF s
), win AS (
  SELECT ok.*, slot.type, slot.start_date, slot.end_date FROM ok JOIN slot ON slot.id = ok.slot_id WHERE ok.place_in_line <= slot.capacity - slot.taken
), seat AS (
  UPDATE slots SET taken = slots.taken + w.n, updated_at = now()
    FROM (SELECT slot_id, count(*)::int AS n FROM win GROUP BY slot_id) w WHERE slots.id = w.slot_id
  RETURNING slots.id
), accepted AS (
  UPDATE applications SET status = 'accepted', decided_at = now(), updated_at = now()
    FROM win WHERE applications.id = win.id AND EXISTS (SELECT 1 FROM seat WHERE seat.id = win.slot_id)
  RETURNING applications.*
), placement AS (
  INSERT INTO placements (kind, application_id, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date)
  SELECT 'student', win.id, win.slot_id, win.enterprise_id, win.student_id, win.school_id, win.type, win.start_date, win.end_date
    FROM win JOIN accepted ON accepted.id = win.id
  RETURNING id, application_id
), event AS (
  INSERT INTO outbox_events (kind, subject_id, recipients, payload, traceparent)
  SELECT 'application.accepted', win.id,
         ARRAY(SELECT id FROM users WHERE id = ANY(ARRAY[win.student_id]) UNION SELECT id FROM users WHERE organisation_id = ANY(ARRAY[win.enterprise_id, win.school_id]) AND role IN ('enterprise_admin', 'school_admin') ORDER BY id),
         jsonb_build_object('placementId', placement.id, 'slotId', win.slot_id), NULL::text
    FROM win JOIN placement ON placement.application_id = win.id
  RETURNING id
)
SELECT r.id AS request, app.status AS was_status, placement.id AS placement_id, (SELECT count(*) FROM event) AS events, answer.*
  FROM req r
  LEFT JOIN app ON app.id = r.id
  LEFT JOIN placement ON placement.application_id = r.id
  LEFT JOIN (SELECT a.id, a.status, s.title FROM accepted a JOIN slots s ON s.id = a.slot_id JOIN organisations e ON e.id = a.enterprise_id JOIN users u ON u.id = a.student_id JOIN students st ON st.user_id = a.student_id JOIN organisations sc ON sc.id = a.school_id) AS answer ON answer.id = r.id;
