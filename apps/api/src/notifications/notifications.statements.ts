import { statement } from '@skillbridge/db';
import type { Channel, Locale } from '@skillbridge/contracts';

/** The inbox's and the dead-letter list's hand-written SQL, each statement named and typed; the inbox's page goes through the query builder. */

export const UNREAD_COUNT = statement<[userId: string], { n: number }>(
  'notifications.unread-count',
  'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
);

/** One of the person's own notifications; someone else's is left alone (and reported as not found). */
export const MARK_READ = statement<[notificationId: string, userId: string], never>(
  'notifications.mark-read',
  'UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2',
);

export const MARK_ALL_READ = statement<[userId: string], never>(
  'notifications.mark-all-read',
  'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
);

/** The person's own choices; event kinds without one take the default. */
export const PREFERENCES_OF = statement<[userId: string], { kind: string; channels: Channel[]; mode: 'immediate' | 'digest' }>(
  'notifications.preferences-of',
  'SELECT kind, channels, mode FROM notification_preferences WHERE user_id = $1',
);

export const SET_PREFERENCE = statement<[userId: string, kind: string, channels: Channel[], mode: 'immediate' | 'digest'], never>(
  'notifications.set-preference',
  `INSERT INTO notification_preferences (user_id, kind, channels, mode) VALUES ($1, $2, $3, $4)
   ON CONFLICT (user_id, kind) DO UPDATE SET channels = EXCLUDED.channels, mode = EXCLUDED.mode, updated_at = now()`,
);

/** Deliveries that exhausted their attempts, newest first (deliveries_dead). */
interface DeadLetterRow {
  id: string;
  /** bigint: pg answers it as text. */
  event_id: string;
  kind: string;
  channel: Channel;
  user_id: string;
  email: string;
  attempts: number;
  last_error: string | null;
  updated_at: Date;
}

export const DEAD_LETTERS = statement<[], DeadLetterRow>(
  'notifications.dead-letters',
  `SELECT d.id, d.event_id, e.kind, d.channel, d.user_id, u.email, d.attempts, d.last_error, d.updated_at
     FROM deliveries d JOIN outbox_events e ON e.id = d.event_id JOIN users u ON u.id = d.user_id
    WHERE d.status = 'dead' ORDER BY d.updated_at DESC LIMIT 500`,
);

/** A dead delivery back to `failed`, for a fresh set of attempts; no row when it is not dead. */
export const REVIVE_DELIVERY = statement<[deliveryId: string], { event_id: string; user_id: string; attempts: number }>(
  'notifications.revive-delivery',
  `UPDATE deliveries SET status = 'failed', last_error = NULL WHERE id = $1 AND status = 'dead' RETURNING event_id, user_id, attempts`,
);

/** The language the person's e-mails are written in (users.locale). */
export const LANGUAGE_OF = statement<[userId: string], { locale: Locale }>(
  'notifications.language-of',
  'SELECT locale FROM users WHERE id = $1',
);

export const SET_LANGUAGE = statement<[userId: string, locale: Locale], { locale: Locale }>(
  'notifications.set-language',
  'UPDATE users SET locale = $2, updated_at = now() WHERE id = $1 RETURNING locale',
);
