import type { NotificationLocale } from '../notifications';
import { portalLink } from '../password-reset';
import { GUARDIAN_LINK_HOURS, SIGNING_CODE_MINUTES } from './agreement-rules';

/** The portal page the guardian's one-time link opens (the secret in the fragment). */
export const guardianSignLink = (portalUrl: string, secret: string): string => portalLink(portalUrl, '/guardian-sign', secret);

/**
 * The guardian's link, by e-mail or (only a phone known) as an SMS through the webhook channel. The guardian
 * has no account and no language setting: both languages, zh-CN first (the legal text).
 */
export function guardianLinkMessage(facts: { guardianName: string; studentName: string; enterpriseName: string; link: string }): {
  subject: string;
  text: string;
  sms: string;
} {
  return {
    subject: `请签署${facts.studentName}的三方实习协议 / Please sign ${facts.studentName}'s internship agreement`,
    text:
      `${facts.guardianName}：\n\n${facts.studentName}将到${facts.enterpriseName}岗位实习。学生未满 18 周岁，三方实习协议需监护人签署。` +
      `请在 ${GUARDIAN_LINK_HOURS} 小时内打开下面的链接，阅读协议后签署；链接只能使用一次：\n\n${facts.link}\n\n` +
      `如有疑问，请联系学校。\n\n` +
      `${facts.guardianName},\n\n${facts.studentName} is to start a post internship at ${facts.enterpriseName}. The student is under 18, ` +
      `so the internship agreement needs a guardian's signature. Open this link within ${GUARDIAN_LINK_HOURS} hours, read the agreement and sign it; ` +
      `the link works once:\n\n${facts.link}\n\nAsk the school if anything is unclear.\n\n— SkillBridge 技能桥`,
    sms: `【技能桥】${facts.guardianName}：请在${GUARDIAN_LINK_HOURS}小时内阅读并签署${facts.studentName}的三方实习协议（限用一次）/ Please read and sign ${facts.studentName}'s internship agreement: ${facts.link}`,
  };
}

/** The one-time code a signer confirms a signature with, in the signer's language. */
export function signingCodeMessage(
  locale: NotificationLocale,
  facts: { name: string; code: string; studentName: string },
): { subject: string; text: string } {
  if (locale === 'en') {
    return {
      subject: `Your code to sign the internship agreement: ${facts.code}`,
      text:
        `${facts.name},\n\nYour code to sign the internship agreement of ${facts.studentName} is ${facts.code}. ` +
        `It works once, within ${SIGNING_CODE_MINUTES} minutes. If you did not ask for it, ignore this e-mail.\n\n— SkillBridge 技能桥`,
    };
  }
  return {
    subject: `签署实习协议的验证码：${facts.code}`,
    text:
      `${facts.name}：\n\n您签署${facts.studentName}三方实习协议的验证码是 ${facts.code}，${SIGNING_CODE_MINUTES} 分钟内有效，只能使用一次。` +
      `如非本人操作，请忽略本邮件。\n\n— SkillBridge 技能桥`,
  };
}
