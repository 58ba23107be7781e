import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newLinkSecret } from '@skillbridge/accounts';
import { run, runCount, runOne } from '@skillbridge/db';
import {
  REGISTRATION_LINK_HOURS,
  RegistrationApplication,
  RegistrationMail,
  registrationLink,
  registrationMessage,
} from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { EmailChannel } from '../channels/email.channel';
import { WorkerConfig } from '../config/worker.config';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { ACCOUNT_BY_EMAIL, DELETE_EXPIRED_REGISTRATIONS, WRITE_REGISTRATION } from './accounts.statements';

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
    {
      registrationId,
      email,
      requestedAt,
      application,
    }: { registrationId: string; email: string; requestedAt: string; application: RegistrationApplication },
    context: { attempt: number },
  ): Promise<void> {
    // Expired registrations end here: nothing waits for them (they hold no password, only a hash).
    await runCount(this.db, DELETE_EXPIRED_REGISTRATIONS, []);
    const mail = (await this.toAccount(email, application)) ?? (await this.toApplicant(registrationId, email, requestedAt, application));
    if (!mail) return;
    const { subject, text } = registrationMessage(mail);
    await this.email.send({ deliveryId: `registration-${registrationId}-${context.attempt}`, to: email, subject, text });
  }

  /** The e-mail already has an account: what to tell its owner. */
  private async toAccount(email: string, application: RegistrationApplication): Promise<RegistrationMail | null> {
    const account = await runOne(this.db, ACCOUNT_BY_EMAIL, [email]);
    if (!account) return null;
    return {
      kind: account.active ? 'has_account' : 'not_activated',
      enterprise: application.name,
      name: account.name,
      locale: account.locale,
      portalUrl: this.config.PORTAL_URL,
    };
  }

  /** A new e-mail: the pending registration and its link, unless a newer request or the link's age says otherwise. */
  private async toApplicant(
    registrationId: string,
    email: string,
    requestedAt: string,
    application: RegistrationApplication,
  ): Promise<RegistrationMail | null> {
    const { secret, hash } = newLinkSecret();
    const written = await run(this.db, WRITE_REGISTRATION, [
      registrationId,
      email,
      requestedAt,
      hash,
      REGISTRATION_LINK_HOURS,
      JSON.stringify(application),
    ]);
    if (!written.length) return null;
    return { kind: 'confirm', enterprise: application.name, link: registrationLink(this.config.PORTAL_URL, secret) };
  }
}
