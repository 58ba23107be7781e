import { EVENT_KINDS, defaultPreference, preferenceFor, renderMessage } from './notifications';

describe('notification messages', () => {
  const facts = {
    teacherName: '李建国',
    endDate: '2027-07-30',
    daysServed: 30,
    year: 2027,
    slotTitle: '数控加工实习生',
    enterpriseName: '兰州飞天智能装备有限公司',
    studentName: '王子涵',
    respondBy: '2027-02-25',
    startDate: '2027-03-01',
    daysLeft: 3,
    applicants: 5,
  };

  it('tells the student and the enterprise different things about one offer', () => {
    expect(renderMessage('application.offered', 'student', 'zh-CN', facts)).toEqual({
      title: '你收到了录用通知',
      body: '兰州飞天智能装备有限公司 向你发出「数控加工实习生」的录用通知，请在 2027-02-25 前答复。',
    });
    expect(renderMessage('application.offered', 'enterprise', 'en', facts).body).toBe(
      'Offer for “数控加工实习生” sent to 王子涵; answer due by 2027-02-25.',
    );
  });

  it('has words for every event in both languages, with no placeholder left unfilled', () => {
    for (const kind of EVENT_KINDS) {
      for (const audience of ['student', 'teacher', 'enterprise', 'school', 'officer'] as const) {
        for (const locale of ['zh-CN', 'en'] as const) {
          const { title, body } = renderMessage(kind, audience, locale, facts);
          expect(title.length).toBeGreaterThan(0);
          expect(`${title} ${body}`).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('sends offers by e-mail by default, submissions only to the inbox, and honours a stored choice', () => {
    expect(defaultPreference('application.offered').channels).toEqual(['inbox', 'email']);
    expect(defaultPreference('application.submitted').channels).toEqual(['inbox']);
    expect(preferenceFor('application.submitted', { 'application.submitted': { channels: ['webhook'], mode: 'digest' } })).toEqual({
      channels: ['webhook'],
      mode: 'digest',
    });
  });
});
