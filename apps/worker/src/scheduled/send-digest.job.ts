import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EmailChannel } from '../channels/email.channel';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

/**
 * The daily digest: everything a person chose to receive by digest (or that the flood guard
 * held back) goes out as one e-mail, listing the inbox titles. Webhook digests are folded into
 * the same e-mail.
 */
@Injectable()
@HandlesJob('digest.send')
export class SendDigestJob implements JobHandler<'digest.send'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly email: EmailChannel,
  ) {}

  async handle(): Promise<void> {
    const people: Array<{ user_id: string; email: string; name: string; locale: string }> = await this.db.query(
      `SELECT u.id AS user_id, u.email, u.name, u.locale FROM users u
        WHERE u.id IN (SELECT d.user_id FROM deliveries d WHERE d.status = 'digest')
        LIMIT 1000`,
    );
    for (const person of people) await this.sendDigest(person);
  }

  /**
   * One person's digest, holding their waiting deliveries while it is sent: a second run at the same
   * time (a schedule's and an operator's) skips them rather than mailing them again, and a run after
   * it finds them sent.
   */
  private async sendDigest(person: { user_id: string; email: string; name: string; locale: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const held: Array<{ id: string; kind: string }> = await tx.query(
        `SELECT d.id, e.kind FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
          WHERE d.user_id = $1 AND d.status = 'digest' ORDER BY d.created_at, d.id FOR UPDATE OF d SKIP LOCKED`,
        [person.user_id],
      );
      if (held.length === 0) return;
      const ids = held.map((d) => d.id);
      const titles: Array<{ title: string }> = await tx.query(
        `SELECT n.title FROM deliveries d JOIN notifications n ON n.event_id = d.event_id AND n.user_id = d.user_id WHERE d.id = ANY($1::uuid[]) ORDER BY n.created_at`,
        [ids],
      );
      const zh = person.locale !== 'en';
      const lines = (titles.length ? titles.map((t) => t.title) : held.map((d) => d.kind)).map((line) => `• ${line}`).join('\n');
      await this.email.send({
        deliveryId: `digest-${ids[0]}`,
        to: person.email,
        subject: zh ? `技能桥每日摘要：${ids.length} 条新消息` : `SkillBridge daily digest: ${ids.length} new`,
        text: `${person.name}${zh ? '：' : ','}\n\n${lines}\n\n— 技能桥 SkillBridge`,
      });
      await tx.query(`UPDATE deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`, [ids]);
    });
  }
}
