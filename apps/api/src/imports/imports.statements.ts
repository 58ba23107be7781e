import { statement } from '@skillbridge/db';

/** Imports' hand-written SQL on the API side (the worker's is in apps/worker/src/imports), each statement named and typed. */

/** Accounts of a finished import that have not been activated yet. */
export const PENDING_ACTIVATIONS = statement<[importId: string], { n: number }>(
  'imports.pending-activations',
  `SELECT count(*)::int AS n FROM account_activations a JOIN users u ON u.id = a.user_id AND u.password_hash IS NULL WHERE a.import_id = $1`,
);

/** The import's accounts still to activate, locked: two downloads at once hand out one set of codes after the other. */
export const ACCOUNTS_TO_ACTIVATE = statement<[importId: string], { user_id: string; name: string; email: string }>(
  'imports.accounts-to-activate',
  `SELECT a.user_id, u.name, u.email FROM account_activations a JOIN users u ON u.id = a.user_id
    WHERE a.import_id = $1 ORDER BY u.name, u.email FOR UPDATE OF a`,
);

/** New codes (their SHA-256), one per account: the earlier ones stop working. */
export const SET_ACTIVATION_CODES = statement<[userIds: string[], codeHashes: string[]], never>(
  'imports.set-activation-codes',
  `UPDATE account_activations a SET code_hash = v.hash FROM unnest($1::uuid[], $2::text[]) AS v(user_id, hash) WHERE a.user_id = v.user_id`,
);

export const CODES_ISSUED = statement<[importId: string], never>(
  'imports.codes-issued',
  `UPDATE imports SET codes_issued_at = now() WHERE id = $1`,
);
