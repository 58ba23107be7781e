import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { run, runCount, runOne } from '@skillbridge/db';
import {
  Channel,
  ChannelPreference,
  MessageFacts,
  Role,
  audienceOf,
  subjectLink,
  isEventKind,
  preferenceFor,
  renderMessage,
} from '@skillbridge/domain';
import { DELIVERY_ATTEMPTS } from '@skillbridge/jobs';
import { loadMessageFacts } from '@skillbridge/notifications';
import { contextOf } from '@skillbridge/runtime';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { EmailChannel } from '../channels/email.channel';
import { PermanentDeliveryError, WebhookChannel } from '../channels/webhook.channel';
import { WorkerConfig } from '../config/worker.config';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { InjectRedis } from '../redis.provider';
import { inSpan } from '../telemetry/spans';
import {
  CLAIM_DELIVERY,
  DELIVERY_FAILED,
  DELIVERY_SENT,
  ENTER_INBOX,
  EVENT_TO_DELIVER,
  HOLD_FOR_DIGEST,
  OutboxEventRow,
  PREFERENCE,
  RECIPIENT,
  RECORD_INBOX_DELIVERY,
  RecipientRow,
} from './notifications.statements';
import { withinHourlyLimit } from './rate-limit';

/**
 * An e-mail's text, in the recipient's language (rendered at sending): greeting, the message, the portal's page
 * of its subject (when there is one for the recipient's role), the signature.
 */
const emailText = (recipient: RecipientRow, body: string, link: string | null): string => {
  const english = recipient.locale === 'en';
  const open = link ? `\n\n${english ? 'Open it' : '查看详情'}: ${link}` : '';
  return english
    ? `Dear ${recipient.name},\n\n${body}${open}\n\n— SkillBridge 技能桥`
    : `${recipient.name}：\n\n${body}${open}\n\n— 技能桥 SkillBridge`;
};

/**
 * Delivers one event to one person through the channels they chose. Each (event, person,
 * channel) is recorded once in `deliveries`; running the job again delivers only what is missing.
 */
@Injectable()
@HandlesJob('notification.deliver')
export class DeliverNotificationJob implements JobHandler<'notification.deliver'> {
  private readonly logger = new Logger(DeliverNotificationJob.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: WorkerConfig,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    private readonly metrics: WorkerMetrics,
  ) {}

  async handle({ eventId, userId }: { eventId: string; userId: string }, context: { attempt: number }): Promise<void> {
    const event = await runOne(this.db, EVENT_TO_DELIVER, [eventId]);
    // The delivery joins the trace of the request that recorded the event.
    const attributes = {
      'skillbridge.event.id': eventId,
      'skillbridge.event.kind': event?.kind ?? 'gone',
      'skillbridge.attempt': context.attempt,
    };
    await inSpan('notification.deliver', contextOf(event?.traceparent), { attributes }, () =>
      this.deliverEvent(event, userId, context.attempt),
    );
  }

  private async deliverEvent(event: OutboxEventRow | undefined, userId: string, attempt: number): Promise<void> {
    const recipient = await runOne(this.db, RECIPIENT, [userId]);
    // Gone since it was queued: nothing to deliver.
    if (!event || !recipient) return;
    if (!isEventKind(event.kind)) {
      this.logger.warn({ eventId: event.id, kind: event.kind }, 'event of a kind this build does not know: nobody told');
      return;
    }
    const facts = await loadMessageFacts(this.db.manager, event.kind, event.subject_id, event.payload);
    if (!facts) return;
    const message = renderMessage(event.kind, audienceOf(recipient.role), recipient.locale, facts);
    const preference = await this.preference(userId, event.kind);

    const failures: string[] = [];
    for (const channel of preference.channels) {
      try {
        await this.deliver(channel, preference, event, recipient, message, facts, attempt);
      } catch (error) {
        failures.push(`${channel}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failures.length) throw new Error(failures.join('; '));
  }

  private async deliver(
    channel: Channel,
    preference: ChannelPreference,
    event: OutboxEventRow,
    recipient: RecipientRow,
    message: { title: string; body: string },
    facts: MessageFacts,
    attempt: number,
  ): Promise<void> {
    if (channel === 'inbox') {
      // The inbox is a table: the delivery record and the entry commit together, exactly once.
      const entered = await this.db.transaction(async (tx) => {
        const recorded = await run(tx, RECORD_INBOX_DELIVERY, [event.id, recipient.id]);
        if (recorded.length === 0) return false;
        // Its facts, rendered in the reader's language when read.
        await runCount(tx, ENTER_INBOX, [recipient.id, event.id, event.kind, event.subject_id, JSON.stringify(facts)]);
        return true;
      });
      if (entered) this.metrics.delivered('inbox', 'sent');
      return;
    }

    // External channels: claim the delivery, send with its id as the idempotency key, record the outcome.
    const perHour = channel === 'email' ? this.config.EMAILS_PER_HOUR : this.config.WEBHOOKS_PER_HOUR;
    const [claim] = await run(this.db, CLAIM_DELIVERY, [
      event.id,
      recipient.id,
      channel,
      preference.mode === 'digest' ? 'digest' : 'sending',
    ]);
    if (claim.status !== 'sending' && claim.status !== 'failed') return; // sent, dead, or waiting for the digest
    if (attempt === 1 && !(await withinHourlyLimit(this.redis, recipient.id, channel, perHour))) {
      // Flood guard: past the hourly limit, the message waits for the daily digest.
      await runCount(this.db, HOLD_FOR_DIGEST, [claim.id]);
      this.metrics.delivered(channel, 'digest');
      return;
    }
    try {
      if (channel === 'email') {
        await this.email.send({
          deliveryId: claim.id,
          to: recipient.email,
          subject: message.title,
          text: emailText(recipient, message.body, this.linkOf(event, recipient, facts)),
        });
      } else {
        await this.webhook.send({
          deliveryId: claim.id,
          eventId: event.id,
          kind: event.kind,
          recipient: { id: recipient.id, email: recipient.email, name: recipient.name, locale: recipient.locale },
          ...message,
        });
      }
      await runCount(this.db, DELIVERY_SENT, [claim.id]);
      this.metrics.delivered(channel, 'sent');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const dead = error instanceof PermanentDeliveryError || attempt >= DELIVERY_ATTEMPTS;
      await runCount(this.db, DELIVERY_FAILED, [claim.id, dead ? 'dead' : 'failed', reason.slice(0, 500)]);
      this.metrics.delivered(channel, dead ? 'dead' : 'failed');
      if (dead) this.logger.warn({ deliveryId: claim.id, channel, reason }, 'delivery dead-lettered');
      else throw error;
    }
  }

  /** The portal's page of the message's subject for the recipient's role, as an absolute address; null when none. */
  private linkOf(event: OutboxEventRow, recipient: RecipientRow, facts: MessageFacts): string | null {
    const path = subjectLink({ kind: event.kind, subjectId: event.subject_id, slotId: facts.slotId ?? null }, recipient.role as Role);
    return path ? `${this.config.PORTAL_URL.replace(/\/$/, '')}${path}` : null;
  }

  private async preference(userId: string, kind: string): Promise<ChannelPreference> {
    const rows = await run(this.db, PREFERENCE, [userId, kind]);
    return preferenceFor(kind as never, Object.fromEntries(rows.map((r) => [r.kind, { channels: r.channels, mode: r.mode }])));
  }
}
