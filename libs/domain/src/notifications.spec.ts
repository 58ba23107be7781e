import {
  EVENT_KINDS,
  KIND_ROLES,
  defaultPreference,
  eventAreaOf,
  kindsReaching,
  preferenceFor,
  renderEntry,
  renderMessage,
} from './notifications';

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

describe('the inbox', () => {
  it('renders an entry kept as facts in the reader’s language now, and one kept only as words as it was written', () => {
    const facts = { fileName: 'students.csv', importedRows: 12 };
    expect(renderEntry({ kind: 'import.done', facts, title: null, body: null }, 'school', 'en')).toEqual({
      title: 'Import finished',
      body: '“students.csv”: 12 rows imported.',
    });
    expect(renderEntry({ kind: 'import.done', facts, title: null, body: null }, 'school', 'zh-CN').title).toBe('导入完成');
    expect(renderEntry({ kind: 'application.offered', facts: null, title: '旧标题', body: '旧正文' }, 'student', 'en')).toEqual({
      title: '旧标题',
      body: '旧正文',
    });
    // A kind of a newer build: its words as stored.
    expect(renderEntry({ kind: 'future.kind', facts: {}, title: 'T', body: 'B' }, 'student', 'en')).toEqual({ title: 'T', body: 'B' });
  });

  it('lists for each role only the kinds that can reach it, and every kind reaches someone', () => {
    expect(kindsReaching('student')).toContain('round.matched');
    expect(kindsReaching('student')).not.toContain('quota.reminder');
    expect(kindsReaching('enterprise_admin')).toContain('quota.reminder');
    expect(kindsReaching('enterprise_admin')).not.toContain('round.matched');
    expect(kindsReaching('teacher')).toEqual([
      'booking.booked',
      'booking.confirmed',
      'booking.cancelled',
      'booking.starting',
      'booking.completed',
      'practice.reminder',
    ]);
    for (const kind of EVENT_KINDS) expect(KIND_ROLES[kind].length).toBeGreaterThan(0);
  });

  it('names each kind’s area: what the entry opens', () => {
    expect(eventAreaOf('slot.deadline-approaching')).toBe('slot');
    expect(eventAreaOf('round.matched')).toBe('round');
  });
});
