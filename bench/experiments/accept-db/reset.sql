-- Puts every spread offer of a kept bench database back to "offered" and numbers them (table q) for the pgbench script of accept-script.mjs.
BEGIN;
DELETE FROM placements WHERE application_id IN (SELECT app_id FROM bench_offers WHERE bench='spread');
DELETE FROM outbox_events WHERE kind='application.accepted';
UPDATE slots SET taken = 0 WHERE taken > 0;
UPDATE applications SET status='offered', decided_at=NULL WHERE id IN (SELECT app_id FROM bench_offers WHERE bench='spread') AND status <> 'offered';
DROP TABLE IF EXISTS q; DROP SEQUENCE IF EXISTS qs;
CREATE TABLE q AS SELECT row_number() OVER (ORDER BY a.id)::int AS n, a.id, a.student_id FROM applications a JOIN bench_offers o ON o.app_id = a.id WHERE o.bench = 'spread';
ALTER TABLE q ADD PRIMARY KEY (n);
CREATE SEQUENCE qs;
COMMIT;
VACUUM ANALYZE placements; VACUUM ANALYZE outbox_events; VACUUM ANALYZE applications; VACUUM ANALYZE slots; VACUUM ANALYZE q;
