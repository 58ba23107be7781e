import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { run, runCount } from '@skillbridge/db';
import { audienceOf, renderEntry } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { EmailChannel } from '../channels/email.channel';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { DIGEST_SENT, DIGEST_TITLES, DigestReader, HOLD_DIGEST, PEOPLE_WITH_DIGEST } from './scheduled.statements';

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
    const people = await run(this.db, PEOPLE_WITH_DIGEST, []);
    for (const person of people) await this.sendDigest(person);
  }

  /**
   * One person's digest, holding their waiting deliveries while it is sent: a second run at the same
   * time (a schedule's and an operator's) skips them rather than mailing them again, and a run after
   * it finds them sent.
   */
  private async sendDigest(person: DigestReader): Promise<void> {
    await this.db.transaction(async (tx) => {
      const held = await run(tx, HOLD_DIGEST, [person.user_id]);
      if (held.length === 0) return;
      const ids = held.map((d) => d.id);
      const titles = await run(tx, DIGEST_TITLES, [ids]);
      const zh = person.locale !== 'en';
      // Rendered now, in the recipient's language.
      const rendered = titles.map((entry) => renderEntry(entry, audienceOf(person.role), zh ? 'zh-CN' : 'en').title);
      const lines = (rendered.length ? rendered : held.map((d) => d.kind)).map((line) => `• ${line}`).join('\n');
      await this.email.send({
        deliveryId: `digest-${ids[0]}`,
        to: person.email,
        subject: zh ? `技能桥每日摘要：${ids.length} 条新消息` : `SkillBridge daily digest: ${ids.length} new`,
        text: `${person.name}${zh ? '：' : ','}\n\n${lines}\n\n— 技能桥 SkillBridge`,
      });
      await runCount(tx, DIGEST_SENT, [ids]);
    });
  }
}
