import { statement } from '@skillbridge/db';

/**
 * Writes one event to the outbox (recordEvent), its recipients resolved now: the named users, and the
 * admins of the named organisations — RECIPIENTS_SQL's two index lookups joined by UNION, written out
 * (a statement's text is fixed; outbox.spec.ts holds the two to the same text). A repeated dedupe key
 * writes nothing and returns no row.
 */
export const RECORD_EVENT = statement<
  [
    kind: string,
    subjectId: string,
    users: string[],
    adminsOf: string[],
    payload: string,
    dedupeKey: string | null,
    traceparent: string | null,
  ],
  { id: string }
>(
  'outbox.record-event',
  `INSERT INTO outbox_events (kind, subject_id, recipients, payload, dedupe_key, traceparent)
     SELECT $1, $2, ARRAY(SELECT id FROM users WHERE id = ANY($3::uuid[])
         UNION
         SELECT id FROM users WHERE organisation_id = ANY($4::uuid[]) AND role IN ('enterprise_admin', 'school_admin')
         ORDER BY id), $5::jsonb, $6, $7::text
     ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
     RETURNING id`,
);
