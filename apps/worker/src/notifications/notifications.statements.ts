import { statement } from '@skillbridge/db';
import type { Channel, ChannelPreference, NotificationLocale } from '@skillbridge/domain';

/**
 * The notification pipeline's SQL: the outbox relay, the batch fan-out and the one-by-one delivery.
 * Benchmarked (bench: 8–9k deliveries/s): the fan-out reads a batch in three statements and writes
 * every inbox entry in one.
 */

/** An outbox event as the fan-out and the delivery read it; ids are bigint, so strings. */
export interface OutboxEventRow {
  id: string;
  kind: string;
  subject_id: string;
  payload: Record<string, unknown>;
  traceparent: string | null;
}

export interface StoredPreferenceRow {
  kind: string;
  channels: Channel[];
  mode: ChannelPreference['mode'];
}

// The relay.

/** FOR UPDATE SKIP LOCKED: several relays share the unpublished events, each row claimed by one. */
export const CLAIM_UNPUBLISHED = statement<[batch: number], { id: string; recipients: string[] }>(
  'outbox-relay.claim-unpublished',
  `SELECT id, recipients FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
);

export const MARK_PUBLISHED = statement<[eventIds: string[]], never>(
  'outbox-relay.mark-published',
  `UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])`,
);

// The fan-out of a batch.

export const EVENTS_OF_BATCH = statement<[eventIds: string[]], OutboxEventRow & { recipients: string[] }>(
  'notification-fan-out.events',
  'SELECT id, kind, subject_id, payload, recipients, traceparent FROM outbox_events WHERE id = ANY($1::bigint[])',
);

export const RECIPIENTS_OF_BATCH = statement<[userIds: string[]], { id: string; role: string; locale: NotificationLocale }>(
  'notification-fan-out.recipients',
  'SELECT id, role, locale FROM users WHERE id = ANY($1::uuid[])',
);

export const PREFERENCES_OF_BATCH = statement<[userIds: string[]], StoredPreferenceRow & { user_id: string }>(
  'notification-fan-out.preferences',
  'SELECT user_id, kind, channels, mode FROM notification_preferences WHERE user_id = ANY($1::uuid[])',
);

/**
 * Every inbox entry of a batch, one message per array position (its facts as JSON text: rendered when read),
 * with its delivery recorded in the same statement: the deliveries' unique key lets each message in once; how
 * many went in comes back.
 */
export const ENTER_INBOX_BATCH = statement<
  [eventIds: string[], userIds: string[], kinds: string[], subjectIds: string[], facts: string[]],
  { delivered: number }
>(
  'notification-fan-out.enter-inbox',
  `WITH message AS (
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::uuid[], $5::text[]) AS m(event_id, user_id, kind, subject_id, facts)),
   delivered AS (
     INSERT INTO deliveries (event_id, user_id, channel, status, attempts, sent_at)
     SELECT event_id, user_id, 'inbox', 'sent', 1, now() FROM message
     ON CONFLICT (event_id, user_id, channel) DO NOTHING
     RETURNING event_id, user_id),
   entered AS (
     INSERT INTO notifications (user_id, event_id, kind, subject_id, facts)
     SELECT m.user_id, m.event_id, m.kind, m.subject_id, m.facts::jsonb FROM message m JOIN delivered d USING (event_id, user_id)
     ON CONFLICT (event_id, user_id) DO NOTHING)
   SELECT (SELECT count(*) FROM delivered)::int AS delivered`,
);

// One message, one person (notification.deliver).

export const EVENT_TO_DELIVER = statement<[eventId: string], OutboxEventRow>(
  'notification-delivery.event',
  'SELECT id, kind, subject_id, payload, traceparent FROM outbox_events WHERE id = $1',
);

export interface RecipientRow {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: NotificationLocale;
}

export const RECIPIENT = statement<[userId: string], RecipientRow>(
  'notification-delivery.recipient',
  'SELECT id, email, name, role, locale FROM users WHERE id = $1',
);

export const PREFERENCE = statement<[userId: string, kind: string], StoredPreferenceRow>(
  'notification-delivery.preference',
  'SELECT kind, channels, mode FROM notification_preferences WHERE user_id = $1 AND kind = $2',
);

/** The inbox delivery, once: no row back when it was recorded before. */
export const RECORD_INBOX_DELIVERY = statement<[eventId: string, userId: string], { id: string }>(
  'notification-delivery.record-inbox',
  `INSERT INTO deliveries (event_id, user_id, channel, status, attempts, sent_at) VALUES ($1, $2, 'inbox', 'sent', 1, now())
   ON CONFLICT (event_id, user_id, channel) DO NOTHING RETURNING id`,
);

/** One inbox entry: its facts (JSON text), rendered when read. */
export const ENTER_INBOX = statement<[userId: string, eventId: string, kind: string, subjectId: string, facts: string], never>(
  'notification-delivery.enter-inbox',
  `INSERT INTO notifications (user_id, event_id, kind, subject_id, facts) VALUES ($1, $2, $3, $4, $5::jsonb)
   ON CONFLICT (event_id, user_id) DO NOTHING`,
);

/** An external channel's delivery, claimed or found: its status says whether it is still to send. */
export const CLAIM_DELIVERY = statement<
  [eventId: string, userId: string, channel: Channel, status: 'digest' | 'sending'],
  { id: string; status: string }
>(
  'notification-delivery.claim',
  `INSERT INTO deliveries (event_id, user_id, channel, status) VALUES ($1, $2, $3, $4)
   ON CONFLICT (event_id, user_id, channel) DO UPDATE SET updated_at = now()
   RETURNING id, status`,
);

export const HOLD_FOR_DIGEST = statement<[deliveryId: string], never>(
  'notification-delivery.hold-for-digest',
  `UPDATE deliveries SET status = 'digest' WHERE id = $1`,
);

export const DELIVERY_SENT = statement<[deliveryId: string], never>(
  'notification-delivery.sent',
  `UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = $1`,
);

export const DELIVERY_FAILED = statement<[deliveryId: string, status: 'dead' | 'failed', lastError: string], never>(
  'notification-delivery.failed',
  `UPDATE deliveries SET status = $2, attempts = attempts + 1, last_error = $3 WHERE id = $1`,
);
