import { statement } from '@skillbridge/db';

/** Sign-in's hand-written SQL: refresh tokens, activation and password reset, each statement named and typed. */

/** One guarded statement: of two racing uses of one refresh token, exactly one gets the row. */
export const CLAIM_REFRESH_TOKEN = statement<[tokenHash: string], { user_id: string; family_id: string }>(
  'auth.claim-refresh-token',
  `UPDATE refresh_tokens SET used_at = now()
    WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
    RETURNING user_id, family_id`,
);

/**
 * A spent token presented again revokes its family. Counts all of the family's tokens, so that a
 * replay after the family was already revoked is still reported as reuse.
 */
export const REVOKE_REUSED_FAMILY = statement<[tokenHash: string], never>(
  'auth.revoke-reused-family',
  `UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, now())
    WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND used_at IS NOT NULL)`,
);

/** Signs out the family of one of the user's own tokens. */
export const REVOKE_FAMILY = statement<[tokenHash: string, userId: string], never>(
  'auth.revoke-family',
  `UPDATE refresh_tokens SET revoked_at = now()
    WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2)
      AND revoked_at IS NULL`,
);

/** Signs the user out everywhere. */
export const REVOKE_ALL_SESSIONS = statement<[userId: string], never>(
  'auth.revoke-all-sessions',
  `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
);

export const SET_PASSWORD = statement<[userId: string, passwordHash: string], never>(
  'auth.set-password',
  `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`,
);

/** An imported account waiting for activation, with its code's hash (null until the school hands codes out). */
export const PENDING_ACTIVATION = statement<[email: string], { user_id: string; code_hash: string | null }>(
  'auth.pending-activation',
  `SELECT a.user_id, a.code_hash FROM account_activations a JOIN users u ON u.id = a.user_id WHERE u.email = $1 AND u.password_hash IS NULL`,
);

/** Burns the code, once: no row when a concurrent request used it a moment ago. */
export const BURN_ACTIVATION_CODE = statement<[userId: string, codeHash: string], { user_id: string }>(
  'auth.burn-activation-code',
  `DELETE FROM account_activations WHERE user_id = $1 AND code_hash = $2 RETURNING user_id`,
);

export const LIVE_PASSWORD_RESET = statement<[tokenHash: string], { user_id: string }>(
  'auth.live-password-reset',
  `SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
);

/** Guarded: of two uses of one link at once, one gets the row. */
export const SPEND_PASSWORD_RESET = statement<[tokenHash: string], { user_id: string }>(
  'auth.spend-password-reset',
  `UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
);

/** Every other link of the account stops working too. */
export const SPEND_ALL_PASSWORD_RESETS = statement<[userId: string], never>(
  'auth.spend-all-password-resets',
  `UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
);
