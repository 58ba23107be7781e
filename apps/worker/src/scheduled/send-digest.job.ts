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
    const people: Array<{ user_id: string; email: string; name: string; locale: string; delivery_ids: string[]; kinds: string[] }> = await this.db.query(
      `SELECT d.user_id, u.email, u.name, u.locale, array_agg(d.id ORDER BY d.created_at) AS delivery_ids, array_agg(e.kind ORDER BY d.created_at) AS kinds
         FROM deliveries d JOIN users u ON u.id = d.user_id JOIN outbox_events e ON e.id = d.event_id
        WHERE d.status = 'digest'
        GROUP BY d.user_id, u.email, u.name, u.locale
        LIMIT 1000`,
    );
    for (const person of people) {
      const titles: Array<{ title: string }> = await this.db.query(
        `SELECT n.title FROM deliveries d JOIN notifications n ON n.event_id = d.event_id AND n.user_id = d.user_id WHERE d.id = ANY($1::uuid[]) ORDER BY n.created_at`,
        [person.delivery_ids],
      );
      const zh = person.locale !== 'en';
      const lines = (titles.length ? titles.map((t) => t.title) : person.kinds).map((line) => `• ${line}`).join('\n');
      await this.email.send({
        deliveryId: `digest-${person.delivery_ids[0]}`,
        to: person.email,
        subject: zh ? `技能桥每日摘要：${person.delivery_ids.length} 条新消息` : `SkillBridge daily digest: ${person.delivery_ids.length} new`,
        text: `${person.name}${zh ? '：' : ','}\n\n${lines}\n\n— 技能桥 SkillBridge`,
      });
      await this.db.query(`UPDATE deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[]) AND status = 'digest'`, [person.delivery_ids]);
    }
  }
}
