import { passwordResetLink, passwordResetMessage } from './password-reset';

describe('password-reset e-mail', () => {
  const link = passwordResetLink('https://skills.example.cn/', 'abc_DEF-123');

  it('puts the secret in the fragment of the portal’s reset page', () => {
    expect(link).toBe('https://skills.example.cn/reset-password#token=abc_DEF-123');
  });

  it('carries the link in both languages, with the 30 minutes and a way to ignore it', () => {
    const zh = passwordResetMessage('zh-CN', { name: '王子涵', link });
    const en = passwordResetMessage('en', { name: 'Wang Zihan', link });
    expect(zh.subject).toBe('重置您的技能桥密码');
    expect(zh.text).toContain(link);
    expect(zh.text).toContain('30 分钟');
    expect(zh.text).toContain('王子涵');
    expect(en.subject).toBe('Reset your SkillBridge password');
    expect(en.text).toContain(link);
    expect(en.text).toContain('30 minutes');
    expect(en.text).toContain('ignore this e-mail');
  });
});
