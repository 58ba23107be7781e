import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newLinkSecret } from '@skillbridge/accounts';
import { runOne } from '@skillbridge/db';
import { PASSWORD_RESET_MINUTES, passwordResetLink, passwordResetMessage } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { EmailChannel } from '../channels/email.channel';
import { WorkerConfig } from '../config/worker.config';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { WRITE_PASSWORD_RESET } from './accounts.statements';

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

  async handle(
    { resetId, email, requestedAt }: { resetId: string; email: string; requestedAt: string },
    context: { attempt: number },
  ): Promise<void> {
    const { secret, hash } = newLinkSecret();
    const account = await runOne(this.db, WRITE_PASSWORD_RESET, [resetId, email, requestedAt, hash, PASSWORD_RESET_MINUTES]);
    if (!account) return;
    const { subject, text } = passwordResetMessage(account.locale, {
      name: account.name,
      link: passwordResetLink(this.config.PORTAL_URL, secret),
    });
    await this.email.send({ deliveryId: `password-reset-${resetId}-${context.attempt}`, to: account.email, subject, text });
  }
}
