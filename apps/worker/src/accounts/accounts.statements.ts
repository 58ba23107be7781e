import { statement } from '@skillbridge/db';
import type { NotificationLocale } from '@skillbridge/domain';

/** The account e-mails' SQL: self-registration and forgotten passwords. Links keep only the SHA-256 of their secret. */

/** Expired registrations hold nothing anyone waits for (no password, only a hash). */
export const DELETE_EXPIRED_REGISTRATIONS = statement<[], never>(
  'registration-mail.delete-expired',
  `DELETE FROM enterprise_registrations WHERE expires_at < now()`,
);

/** `active`: the account has a password (an imported one has none until activated). */
export const ACCOUNT_BY_EMAIL = statement<[email: string], { name: string; locale: NotificationLocale; active: boolean }>(
  'registration-mail.account',
  `SELECT name, locale, password_hash IS NOT NULL AS active FROM users WHERE email = $1`,
);

/**
 * Writes the pending registration, ending the e-mail's earlier links; nothing (no row back) when the
 * request outlived the link or a newer request exists. A retry replaces the hash of a link still open.
 */
export const WRITE_REGISTRATION = statement<
  [registrationId: string, email: string, requestedAt: string, tokenHash: string, linkHours: number, application: string],
  { id: string }
>(
  'registration-mail.write',
  `WITH ended AS (
     UPDATE enterprise_registrations SET used_at = now()
      WHERE email = $2 AND id <> $1 AND used_at IS NULL AND created_at < $3)
   INSERT INTO enterprise_registrations (id, email, application, token_hash, expires_at, created_at)
   SELECT $1, $2, $6::jsonb, $4, $3::timestamptz + make_interval(hours => $5), $3
    WHERE $3::timestamptz + make_interval(hours => $5) > now()
      AND NOT EXISTS (SELECT 1 FROM enterprise_registrations n WHERE n.email = $2 AND n.created_at > $3)
   ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash
    WHERE enterprise_registrations.used_at IS NULL AND enterprise_registrations.expires_at > now()
   RETURNING id`,
);

/**
 * Writes the reset of the account with that e-mail and a password, ending its earlier links, and returns
 * whom to mail; nothing when there is no such account, the request outlived the link, or a newer one exists.
 */
export const WRITE_PASSWORD_RESET = statement<
  [resetId: string, email: string, requestedAt: string, tokenHash: string, linkMinutes: number],
  { email: string; name: string; locale: NotificationLocale }
>(
  'password-reset-mail.write',
  `WITH account AS (SELECT id, email, name, locale FROM users WHERE email = $2 AND password_hash IS NOT NULL),
        ended AS (
          UPDATE password_resets p SET used_at = now() FROM account a
           WHERE p.user_id = a.id AND p.id <> $1 AND p.used_at IS NULL AND p.created_at < $3),
        written AS (
          INSERT INTO password_resets (id, user_id, token_hash, expires_at, created_at)
          SELECT $1, a.id, $4, $3::timestamptz + make_interval(mins => $5), $3 FROM account a
           WHERE $3::timestamptz + make_interval(mins => $5) > now()
             AND NOT EXISTS (SELECT 1 FROM password_resets n WHERE n.user_id = a.id AND n.created_at > $3)
          ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash
           WHERE password_resets.used_at IS NULL AND password_resets.expires_at > now()
          RETURNING user_id)
   SELECT a.email, a.name, a.locale FROM written w JOIN account a ON a.id = w.user_id`,
);
