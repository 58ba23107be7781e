import { Injectable } from '@nestjs/common';
import { now } from '@skillbridge/domain';
import { createHmac } from 'crypto';
import { WorkerConfig } from '../config/worker.config';

export interface WebhookMessage {
  deliveryId: string;
  eventId: string;
  kind: string;
  /** `phone`: for the SMS gateway when the recipient has no account (a guardian's link). */
  recipient: { id: string; email: string; name: string; locale: string; phone?: string | null };
  title: string;
  body: string;
}

export class PermanentDeliveryError extends Error {}

/**
 * A signed JSON POST to the SMS / WeCom gateway. `X-SkillBridge-Signature` is the HMAC-SHA256 of
 * the body with the shared secret; `Idempotency-Key` lets the gateway drop a repeated delivery.
 */
@Injectable()
export class WebhookChannel {
  constructor(private readonly config: WorkerConfig) {}

  get configured(): boolean {
    return Boolean(this.config.WEBHOOK_URL);
  }

  async send(message: WebhookMessage): Promise<void> {
    if (!this.config.WEBHOOK_URL || !this.config.WEBHOOK_SECRET) throw new PermanentDeliveryError('WEBHOOK_URL is not configured');
    const body = JSON.stringify({ ...message, sentAt: now().toISOString() });
    const signature = createHmac('sha256', this.config.WEBHOOK_SECRET).update(body).digest('hex');
    const response = await fetch(this.config.WEBHOOK_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.deliveryId,
        'x-skillbridge-signature': `sha256=${signature}`,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
