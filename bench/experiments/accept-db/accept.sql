-- The accept statement as the API sends it (2026-12-02; answer columns shortened), one offer per transaction.
SELECT id AS app, student_id AS stu FROM q WHERE n = (SELECT nextval('qs')) \gset
WITH app AS (
  SELECT id, slot_id, student_id, school_id, enterprise_id, status, school_approved_at, respond_by
    FROM applications WHERE id = :app::uuid AND student_id = :stu::uuid
     FOR UPDATE
), ok AS (
  SELECT * FROM app
   WHERE status = 'offered' AND school_approved_at IS NOT NULL AND (respond_by IS NULL OR respond_by >= '2026-12-02'::date)
), seat AS (
  UPDATE slots SET taken = taken + 1, updated_at = now()
    FROM ok WHERE slots.id = ok.slot_id AND slots.taken < slots.capacity
  RETURNING slots.id, slots.type, slots.start_date, slots.end_date
), accepted AS (
  UPDATE applications SET status = 'accepted', decided_at = now(), updated_at = now()
    FROM seat WHERE applications.id = :app::uuid
  RETURNING applications.*
), placement AS (
  INSERT INTO placements (kind, application_id, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date)
  SELECT 'student', ok.id, ok.slot_id, ok.enterprise_id, ok.student_id, ok.school_id, seat.type, seat.start_date, seat.end_date
    FROM ok, seat, accepted
  RETURNING id
), event AS (
  INSERT INTO outbox_events (kind, subject_id, recipients, payload, traceparent)
  SELECT 'application.accepted', ok.id,
         ARRAY(SELECT id FROM users WHERE id = ANY(ARRAY[ok.student_id]) UNION SELECT id FROM users WHERE organisation_id = ANY(ARRAY[ok.enterprise_id, ok.school_id]) AND role IN ('enterprise_admin', 'school_admin') ORDER BY id),
         jsonb_build_object('placementId', placement.id, 'slotId', ok.slot_id), NULL::text
    FROM ok, placement
  RETURNING id
)
SELECT app.status AS was_status, (SELECT id FROM placement) AS placement_id, (SELECT count(*) FROM event) AS events, answer.*
  FROM (VALUES (1)) AS one (n)
  LEFT JOIN app ON true
  LEFT JOIN (SELECT a.id, a.status, s.title FROM accepted a JOIN slots s ON s.id = a.slot_id JOIN organisations e ON e.id = a.enterprise_id JOIN users u ON u.id = a.student_id JOIN students st ON st.user_id = a.student_id JOIN organisations sc ON sc.id = a.school_id) AS answer ON true;
