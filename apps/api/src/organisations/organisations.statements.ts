import type { SimilarOrganisation } from '@skillbridge/contracts';
import { statement } from '@skillbridge/db';
import type { RegistrationApplication } from '@skillbridge/domain';

/** Organisations' hand-written SQL: enterprises' verification and self-registration, each statement named and typed. */

/** The organisations holding any of these names or credit codes (verified or not): one statement over the name and code indexes. */
export const SIMILAR_ORGANISATIONS = statement<
  [names: string[], usccs: string[]],
  { id: string; name: string; uscc: string | null; verification: SimilarOrganisation['verification'] }
>(
  'organisations.similar',
  `SELECT id, name, uscc, verification FROM organisations
    WHERE name = ANY($1::text[]) OR uscc = ANY($2::text[])
    ORDER BY name, id LIMIT 1000`,
);

/** Guarded: a verified enterprise answers no row (and no event follows). */
export const VERIFY_ENTERPRISE = statement<[enterpriseId: string], { id: string }>(
  'organisations.verify',
  `UPDATE organisations SET verification = 'verified', verified_at = now(), refusal_reason = NULL, refused_at = NULL, updated_at = now()
    WHERE id = $1 AND verification <> 'verified' RETURNING id`,
);

/** Guarded: a verified enterprise answers no row (it is not refused). */
export const REFUSE_ENTERPRISE = statement<[enterpriseId: string, reason: string], { id: string }>(
  'organisations.refuse',
  `UPDATE organisations SET verification = 'refused', refusal_reason = $2, refused_at = now(), updated_at = now()
    WHERE id = $1 AND verification <> 'verified' RETURNING id`,
);

/** Only a verified enterprise holds its code; an unverified registration never blocks it. */
export const USCC_HELD_BY_VERIFIED = statement<[uscc: string], { held: number }>(
  'organisations.uscc-held-by-verified',
  `SELECT 1 AS held FROM organisations WHERE uscc = $1 AND verification = 'verified'`,
);

export const LIVE_REGISTRATION = statement<[tokenHash: string], { id: string }>(
  'organisations.live-registration',
  `SELECT id FROM enterprise_registrations WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
);

/** Spends a registration link, once: of two confirms of one link, one gets the row. */
export const SPEND_REGISTRATION = statement<[tokenHash: string], { email: string; application: RegistrationApplication }>(
  'organisations.spend-registration',
  `UPDATE enterprise_registrations SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING email, application`,
);
