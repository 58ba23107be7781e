import { statement } from '@skillbridge/db';

/** The outbox backlog: the partial index on unpublished rows answers both the count and the oldest (by id). */
export const OUTBOX_BACKLOG = statement<[], { unpublished: number; oldest: number }>(
  'worker-metrics.outbox-backlog',
  `SELECT count(*)::int AS unpublished,
          coalesce(extract(epoch FROM now() - (SELECT created_at FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT 1)), 0)::float AS oldest
     FROM outbox_events WHERE published_at IS NULL`,
);
