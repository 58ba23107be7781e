import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RegistrationApplication, newLinkSecret } from '@skillbridge/db';
import { NotificationLocale, REGISTRATION_LINK_HOURS, RegistrationMail, registrationLink, registrationMessage } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { EmailChannel } from '../channels/email.channel';
import { WorkerConfig } from '../config/worker.config';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

/**
 * Answers a self-registration, as SendPasswordResetJob answers a forgot-password request: the API
 * told the applicant only "check your e-mail", and this is where the e-mail's owner learns the rest.
 * - No account has the e-mail: writes the pending registration (ending that e-mail's earlier links)
 *   with only the SHA-256 of a secret made here, and e-mails the link that finishes it.
 * - An account has it: e-mails that instead (sign in or forgot password; for an imported account not
 *   yet activated, activate with the school's code) and writes nothing.
 * Sent straight over SMTP; a retry after a failed send makes a new secret (one working link, never two).
 * A request older than the link's life sends nothing.
 */
@Injectable()
@HandlesJob('registration.send')
export class SendRegistrationJob implements JobHandler<'registration.send'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly email: EmailChannel,
    private readonly config: WorkerConfig,
  ) {}

  async handle(
    { registrationId, email, requestedAt, application }: { registrationId: string; email: string; requestedAt: string; application: RegistrationApplication },
    context: { attempt: number },
  ): Promise<void> {
    // Expired registrations end here: nothing waits for them (they hold no password, only a hash).
    await this.db.query(`DELETE FROM enterprise_registrations WHERE expires_at < now()`);
    const mail = (await this.toAccount(email, application)) ?? (await this.toApplicant(registrationId, email, requestedAt, application));
    if (!mail) return;
    const { subject, text } = registrationMessage(mail);
    await this.email.send({ deliveryId: `registration-${registrationId}-${context.attempt}`, to: email, subject, text });
  }

  /** The e-mail already has an account: what to tell its owner. */
  private async toAccount(email: string, application: RegistrationApplication): Promise<RegistrationMail | null> {
    const [account]: Array<{ name: string; locale: NotificationLocale; active: boolean }> = await this.db.query(
      `SELECT name, locale, password_hash IS NOT NULL AS active FROM users WHERE email = $1`,
      [email],
    );
    if (!account) return null;
    return { kind: account.active ? 'has_account' : 'not_activated', enterprise: application.name, name: account.name, locale: account.locale, portalUrl: this.config.PORTAL_URL };
  }

  /** A new e-mail: the pending registration and its link, unless a newer request or the link's age says otherwise. */
  private async toApplicant(registrationId: string, email: string, requestedAt: string, application: RegistrationApplication): Promise<RegistrationMail | null> {
    const { secret, hash } = newLinkSecret();
    const written: Array<{ id: string }> = await this.db.query(
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
      [registrationId, email, requestedAt, hash, REGISTRATION_LINK_HOURS, JSON.stringify(application)],
    );
    if (!written.length) return null;
    return { kind: 'confirm', enterprise: application.name, link: registrationLink(this.config.PORTAL_URL, secret) };
  }
}
