import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newLinkSecret } from '@skillbridge/accounts';
import { runOne } from '@skillbridge/db';
import { guardianLinkMessage, guardianSignLink } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { EmailChannel } from '../channels/email.channel';
import { WebhookChannel } from '../channels/webhook.channel';
import { WorkerConfig } from '../config/worker.config';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { ARM_GUARDIAN_LINK } from './agreements.statements';

/**
 * Sends the guardian's one-time link to sign an agreement: by e-mail, or (only a phone known) through the
 * webhook channel to the SMS gateway. Straight through the channels, never the inbox: the guardian has no
 * account, and the link works for whoever holds it. The secret is made here, at the moment of sending; the
 * row keeps only its SHA-256, so a retry after a failed send leaves one working link, never two.
 */
@Injectable()
@HandlesJob('agreements.send-guardian-link')
export class SendGuardianLinkJob implements JobHandler<'agreements.send-guardian-link'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    private readonly config: WorkerConfig,
  ) {}

  async handle({ linkId }: { linkId: string }, context: { attempt: number }): Promise<void> {
    const { secret, hash } = newLinkSecret();
    const link = await runOne(this.db, ARM_GUARDIAN_LINK, [linkId, hash]);
    if (!link) return;
    const message = guardianLinkMessage({
      guardianName: link.guardian_name,
      studentName: link.student_name,
      enterpriseName: link.enterprise_name,
      link: guardianSignLink(this.config.PORTAL_URL, secret),
    });
    const deliveryId = `guardian-link-${linkId}-${context.attempt}`;
    if (link.channel === 'email' && link.guardian_email) {
      await this.email.send({ deliveryId, to: link.guardian_email, subject: message.subject, text: message.text });
      return;
    }
    await this.webhook.send({
      deliveryId,
      eventId: linkId,
      kind: 'agreement.guardian-link',
      recipient: { id: linkId, email: link.guardian_email ?? '', name: link.guardian_name, locale: 'zh-CN', phone: link.guardian_phone },
      title: message.subject,
      body: message.sms,
    });
  }
}
