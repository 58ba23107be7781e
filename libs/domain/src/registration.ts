import type { NotificationLocale } from './notifications';
import { portalLink } from './password-reset';

/**
 * How long a registration link works after it was asked for: a day, since an applicant may read
 * the mailbox later than a person who is locked out right now; using it only creates an unverified
 * enterprise, which counts nowhere until the platform admin verifies it.
 */
export const REGISTRATION_LINK_HOURS = 24;

/**
 * What an applicant states about the enterprise and its first admin (the password comes with the link):
 * carried by the `registration.send` job and stored with the pending registration until it is confirmed.
 */
export interface RegistrationApplication {
  name: string;
  uscc: string;
  ownership: string;
  industry: string;
  district: string;
  adminName: string;
}

/** The portal page a registration link opens (the secret in the fragment, never sent to a server). */
export const registrationLink = (portalUrl: string, secret: string): string => portalLink(portalUrl, '/register/confirm', secret);

/**
 * What an applicant's e-mail says:
 * - `confirm`: the link that finishes the registration (in both languages: no account, no language yet);
 * - `has_account`: the e-mail already has an account, nothing was registered: sign in or 忘记密码;
 * - `not_activated`: the school imported an account with it, never activated: activate it with the school's code.
 */
export type RegistrationMail =
  | { kind: 'confirm'; enterprise: string; link: string }
  | { kind: 'has_account' | 'not_activated'; enterprise: string; name: string; locale: NotificationLocale; portalUrl: string };

export function registrationMessage(mail: RegistrationMail): { subject: string; text: string } {
  if (mail.kind === 'confirm') {
    return {
      subject: '完成您在技能桥的企业注册 / Finish registering on SkillBridge',
      text:
        `您好：\n\n有人（希望是您本人）用这个邮箱在技能桥注册企业“${mail.enterprise}”。请在 ${REGISTRATION_LINK_HOURS} 小时内打开下面的链接，设置密码并完成注册，链接只能使用一次：\n\n${mail.link}\n\n` +
        `如果不是您本人申请，请忽略本邮件，不会注册任何账号。\n\n` +
        `Hello,\n\nSomeone (we hope you) used this e-mail address to register the enterprise "${mail.enterprise}" on SkillBridge. ` +
        `Open the link above within ${REGISTRATION_LINK_HOURS} hours to choose your password and finish; it works once. ` +
        `If this was not you, ignore this e-mail: no account is made.\n\n— 技能桥 SkillBridge`,
    };
  }
  const base = mail.portalUrl.replace(/\/+$/, '');
  if (mail.locale === 'en') {
    const what =
      mail.kind === 'has_account'
        ? `This address already has a SkillBridge account, so nothing was registered. Sign in at ${base}/login; if you forgot your password, ask for a new one at ${base}/forgot-password.`
        : `Your school has already made a SkillBridge account with this address, so nothing was registered. Activate it with the one-time code from your school at ${base}/activate.`;
    return {
      subject: 'Your SkillBridge registration',
      text: `${mail.name},\n\nSomeone (we hope you) tried to register the enterprise "${mail.enterprise}" on SkillBridge with this e-mail address. ${what}\n\nIf this was not you, ignore this e-mail.\n\n— SkillBridge 技能桥`,
    };
  }
  const what =
    mail.kind === 'has_account'
      ? `这个邮箱已经有技能桥账号，因此没有注册任何内容。请在 ${base}/login 登录；如果忘记了密码，请在 ${base}/forgot-password 重新设置。`
      : `您的学校已经用这个邮箱为您建立了技能桥账号，因此没有注册任何内容。请在 ${base}/activate 用学校发给您的一次性激活码激活账号。`;
  return {
    subject: '您在技能桥的注册',
    text: `${mail.name}：\n\n有人（希望是您本人）用这个邮箱在技能桥注册企业“${mail.enterprise}”。${what}\n\n如果不是您本人申请，请忽略本邮件。\n\n— 技能桥 SkillBridge`,
  };
}
