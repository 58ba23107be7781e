import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationLocale, PASSWORD_RESET_MINUTES, passwordResetLink, passwordResetMessage } from '@skillbridge/domain';
import { newLinkSecret } from '@skillbridge/db';
import { DataSource } from 'typeorm';
import { EmailChannel } from '../channels/email.channel';
import { WorkerConfig } from '../config/worker.config';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

/**
 * Answers a "forgot password" request: for an account with that e-mail and a password, writes the
 * reset (ending the account's earlier links) and e-mails the link — straight through the SMTP
 * transport, never through the notification pipeline, whose inbox copy would hand a working link
 * to whoever reads the inbox. An unknown e-mail, an account never activated, or a request older
 * than the link's life sends nothing.
 *
 * The link's secret is made here, at the moment of sending: the row keeps only its SHA-256, and
 * the secret exists nowhere but in the e-mail. A retry after a failed send makes a new secret, so
 * a message that did leave before the failure holds a link that no longer works — never two that do.
 */
@Injectable()
@HandlesJob('password-reset.send')
export class SendPasswordResetJob implements JobHandler<'password-reset.send'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly email: EmailChannel,
    private readonly config: WorkerConfig,
  ) {}

  async handle({ resetId, email, requestedAt }: { resetId: string; email: string; requestedAt: string }, context: { attempt: number }): Promise<void> {
    const { secret, hash } = newLinkSecret();
    const [account]: Array<{ email: string; name: string; locale: NotificationLocale }> = await this.db.query(
      `WITH account AS (SELECT id, email, name, locale FROM users WHERE email = $2 AND password_hash IS NOT NULL),
            ended AS (
              UPDATE password_resets p SET used_at = now() FROM account a
               WHERE p.user_id = a.id AND p.id <> $1 AND p.used_at IS NULL AND p.created_at < $3)
       , written AS (
         INSERT INTO password_resets (id, user_id, token_hash, expires_at, created_at)
         SELECT $1, a.id, $4, $3::timestamptz + make_interval(mins => $5), $3 FROM account a
          WHERE $3::timestamptz + make_interval(mins => $5) > now()
            AND NOT EXISTS (SELECT 1 FROM password_resets n WHERE n.user_id = a.id AND n.created_at > $3)
         ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash
          WHERE password_resets.used_at IS NULL AND password_resets.expires_at > now()
         RETURNING user_id)
       SELECT a.email, a.name, a.locale FROM written w JOIN account a ON a.id = w.user_id`,
      [resetId, email, requestedAt, hash, PASSWORD_RESET_MINUTES],
    );
    if (!account) return;
    const { subject, text } = passwordResetMessage(account.locale, { name: account.name, link: passwordResetLink(this.config.PORTAL_URL, secret) });
    await this.email.send({ deliveryId: `password-reset-${resetId}-${context.attempt}`, to: account.email, subject, text });
  }
}
