import type { NotificationLocale } from './notifications';

/** How long a password-reset link works after it was asked for. */
export const PASSWORD_RESET_MINUTES = 30;

/** A portal page that takes a one-time link's secret: it rides in the fragment, which browsers never send to a server. */
export const portalLink = (portalUrl: string, path: string, secret: string): string =>
  `${portalUrl.replace(/\/+$/, '')}${path}#token=${secret}`;

/** The portal page a reset link opens. */
export const passwordResetLink = (portalUrl: string, secret: string): string => portalLink(portalUrl, '/reset-password', secret);

/**
 * The e-mail with a reset link, in the person's language. Sent on its own, never as a notification:
 * an inbox copy would put a working link where anyone signed in as the person could read it.
 */
export function passwordResetMessage(locale: NotificationLocale, facts: { name: string; link: string }): { subject: string; text: string } {
  if (locale === 'en') {
    return {
      subject: 'Reset your SkillBridge password',
      text:
        `${facts.name},\n\nSomeone (we hope you) asked to reset the password of your SkillBridge account. ` +
        `Open this link within ${PASSWORD_RESET_MINUTES} minutes to choose a new password; it works once:\n\n${facts.link}\n\n` +
        `Setting a new password signs your account out everywhere. If you did not ask for this, ignore this e-mail: your password stays as it is.\n\n— SkillBridge 技能桥`,
    };
  }
  return {
    subject: '重置您的技能桥密码',
    text:
      `${facts.name}：\n\n有人（希望是您本人）申请重置您技能桥账号的密码。请在 ${PASSWORD_RESET_MINUTES} 分钟内打开下面的链接设置新密码，链接只能使用一次：\n\n${facts.link}\n\n` +
      `设置新密码后，您的账号在所有设备上都会退出登录。如果不是您本人申请，请忽略本邮件，您的密码不会改变。\n\n— 技能桥 SkillBridge`,
  };
}
