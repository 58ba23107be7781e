import { statement } from '@skillbridge/db';
import type { NotificationLocale } from '@skillbridge/domain';

/** The agreement's messages (issue 18): the guardian's link and the signers' codes keep only the SHA-256 of their secret. */

/**
 * Keeps the hash of a new secret on a guardian link still open (not used, replaced or expired; a retry replaces
 * the hash of the one sent before), and answers whom to send it to; nothing for a link no longer open.
 */
export const ARM_GUARDIAN_LINK = statement<
  [linkId: string, tokenHash: string],
  {
    channel: 'email' | 'webhook';
    agreement_id: string;
    guardian_name: string;
    guardian_phone: string | null;
    guardian_email: string | null;
    student_name: string;
    enterprise_name: string;
  }
>(
  'agreements-mail.arm-guardian-link',
  `UPDATE guardian_links l SET token_hash = $2
     FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
    WHERE l.id = $1 AND a.id = l.agreement_id AND l.version = a.current_version
      AND l.used_at IS NULL AND NOT l.replaced AND l.expires_at > now()
   RETURNING l.channel, l.agreement_id, v.terms #>> '{guardian,name}' AS guardian_name, v.terms #>> '{guardian,phone}' AS guardian_phone,
             v.terms #>> '{guardian,email}' AS guardian_email, v.terms #>> '{student,name}' AS student_name,
             v.terms #>> '{enterprise,name}' AS enterprise_name`,
);

/** Keeps the hash of a new code on a signing code still open, and answers whom to mail it to. */
export const ARM_SIGNING_CODE = statement<
  [codeId: string, codeHash: string],
  { email: string; name: string; locale: NotificationLocale; student_name: string }
>(
  'agreements-mail.arm-signing-code',
  `UPDATE signing_codes c SET code_hash = $2
     FROM users u, agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
    WHERE c.id = $1 AND u.id = c.user_id AND a.id = c.agreement_id AND c.used_at IS NULL AND c.expires_at > now()
   RETURNING u.email, u.name, u.locale, v.terms #>> '{student,name}' AS student_name`,
);
