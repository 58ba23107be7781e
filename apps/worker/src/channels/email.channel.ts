import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'fs';
import { createTransport, Transporter } from 'nodemailer';
import path from 'path';
import { WorkerConfig } from '../config/worker.config';

export interface OutgoingMessage {
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * E-mail over SMTP (nodemailer). The Message-ID is derived from the delivery id, so a message sent
 * again after a crash is recognisably the same message. Without SMTP_URL (development), messages
 * are written to MAIL_DIR as .eml files instead.
 */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private readonly logger = new Logger(EmailChannel.name);
  private readonly transport: Transporter;

  constructor(private readonly config: WorkerConfig) {
    // A pool of kept-open SMTP connections: a new connection per message capped delivery at ~25/s.
    this.transport = config.SMTP_URL
      ? createTransport({ url: config.SMTP_URL, pool: true, maxConnections: 8, maxMessages: 1000 })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    if (!config.SMTP_URL) this.logger.warn(`SMTP_URL is not set: e-mail is written to ${config.MAIL_DIR}`);
  }

  async send(message: OutgoingMessage): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: `<delivery-${message.deliveryId}@skillbridge>`,
      headers: { 'X-SkillBridge-Delivery': message.deliveryId },
    });
    if (!this.config.SMTP_URL) {
      mkdirSync(this.config.MAIL_DIR, { recursive: true });
      writeFileSync(path.join(this.config.MAIL_DIR, `${message.deliveryId}.eml`), (info as unknown as { message: Buffer }).message);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
