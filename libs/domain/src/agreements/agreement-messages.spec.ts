import { guardianLinkMessage, guardianSignLink, signingCodeMessage } from './agreement-messages';

describe('the agreement’s messages', () => {
  it('the guardian’s link opens the signing page with the secret in the fragment, in both languages', () => {
    const link = guardianSignLink('https://portal.example.cn/', 'a'.repeat(43));
    expect(link).toBe(`https://portal.example.cn/guardian-sign#token=${'a'.repeat(43)}`);
    const message = guardianLinkMessage({
      guardianName: '王建国',
      studentName: '王小明',
      enterpriseName: '兰州飞天智能装备有限公司',
      link,
    });
    expect(message.subject).toContain('王小明');
    expect(message.text).toContain('72 小时内');
    expect(message.text).toContain('within 72 hours');
    expect(message.text).toContain(link);
    expect(message.sms).toContain(link);
  });

  it('the signing code in the signer’s language', () => {
    const zh = signingCodeMessage('zh-CN', { name: '张老师', code: '012345', studentName: '王小明' });
    const en = signingCodeMessage('en', { name: 'Ms Zhang', code: '012345', studentName: 'Wang Xiaoming' });
    expect(zh.text).toContain('验证码是 012345');
    expect(zh.text).toContain('10 分钟');
    expect(en.text).toContain('is 012345');
    expect(en.subject).toContain('012345');
  });
});
