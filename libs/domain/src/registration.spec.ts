import { registrationLink, registrationMessage } from './registration';

describe('registration e-mails', () => {
  const link = registrationLink('https://skills.example.cn/', 'abc_DEF-123');

  it('puts the secret in the fragment of the portal’s confirm page', () => {
    expect(link).toBe('https://skills.example.cn/register/confirm#token=abc_DEF-123');
  });

  it('the link, its 24 hours and the enterprise, in both languages', () => {
    const { subject, text } = registrationMessage({ kind: 'confirm', enterprise: '兰州测试有限公司', link });
    expect(subject).toContain('完成');
    expect(subject).toContain('SkillBridge');
    expect(text).toContain(link);
    expect(text).toContain('24 小时');
    expect(text).toContain('24 hours');
    expect(text).toContain('兰州测试有限公司');
  });

  it('an e-mail with an account: sign in or forgot password, no link; an imported one: activate', () => {
    const facts = { enterprise: '兰州测试有限公司', name: '王经理', portalUrl: 'https://skills.example.cn/' };
    const zh = registrationMessage({ kind: 'has_account', locale: 'zh-CN', ...facts });
    const en = registrationMessage({ kind: 'has_account', locale: 'en', ...facts });
    const imported = registrationMessage({ kind: 'not_activated', locale: 'zh-CN', ...facts });
    expect(zh.text).toContain('https://skills.example.cn/login');
    expect(zh.text).toContain('https://skills.example.cn/forgot-password');
    expect(en.text).toContain('already has a SkillBridge account');
    expect(imported.text).toContain('https://skills.example.cn/activate');
    expect(imported.text).not.toContain('forgot-password');
    for (const mail of [zh, en, imported]) expect(mail.text).not.toContain('#token=');
    // The same subject whatever the case, in the person's language: the subject line alone tells nothing.
    expect(zh.subject).toBe(imported.subject);
  });
});
