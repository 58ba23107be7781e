import type { NotificationLanguageView, NotificationPreferenceView, NotificationView, Page } from '@skillbridge/contracts';
import { kindsReaching } from '@skillbridge/domain';
import { uniqueSuffix } from '../../../test/support/database';
import { RunningProcess } from '../../../test/support/processes';
import { SmtpSink, eventually, mailSubject, mailText } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';
import { internshipSlot } from '../../../test/support/slots';

type Inbox = Page<NotificationView> & { unread: number };

/**
 * Issue 17, "messages that lead somewhere": the inbox keeps each message's kind and facts and renders them in
 * the reader's language when read; an entry names what it opens; e-mail is written at sending in the
 * recipient's chosen language; the settings list only the kinds that can reach the role.
 */
describe('the inbox: kind and facts, rendered when read (integration: API, worker, PostgreSQL, Redis, SMTP)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let smtp: SmtpSink;
  let worker: RunningProcess;
  let student: string;
  let hr: string;
  let teacher: string;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix, RETRY_BASE_MS: '100' });
    worker = await startWorker({
      DATABASE_URL: api.database.url,
      QUEUE_PREFIX: queuePrefix,
      SMTP_URL: smtp.url,
      RETRY_BASE_MS: '100',
    });
    [student, hr, teacher] = await Promise.all([api.token(demo('student')), api.token(demo('hr')), api.token(demo('teacher'))]);
    // Starting the API and the worker (their processes, migrations and the demo data) takes long on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api.stop();
    await smtp.stop();
  });

  /** A slot of hr@ that student@ applied for and was offered: its ids. */
  const offer = async (title: string): Promise<{ slotId: string; applicationId: string }> => {
    const slot = await api.request<{ id: string }>('POST', '/slots', {
      token: hr,
      body: internshipSlot(title),
    });
    expect(slot.status).toBe(201);
    await api.request('POST', `/slots/${slot.body.id}/publish`, { token: hr });
    const application = await api.request<{ id: string }>('POST', `/slots/${slot.body.id}/applications`, { token: student, body: {} });
    expect(application.status).toBe(201);
    const offered = await api.request('POST', `/applications/${application.body.id}/offer`, {
      token: hr,
      body: { respondBy: '2027-02-25' },
    });
    expect(offered.status).toBeLessThan(300);
    return { slotId: slot.body.id, applicationId: application.body.id };
  };

  const inbox = (token: string, query = '', headers: Record<string, string> = {}) =>
    api.request<Inbox>('GET', `/notifications?limit=100${query}`, { token, headers });
  const entryOf = async (token: string, kind: string, subjectId: string) =>
    (
      await eventually(
        () => inbox(token).then((r) => r.body.items),
        (items) => items.some((n) => n.kind === kind && n.subjectId === subjectId),
      )
    ).find((n) => n.kind === kind && n.subjectId === subjectId)!;

  let first: { slotId: string; applicationId: string };

  it('stores the kind and facts, not words, and renders them in the language the reader asks for', async () => {
    first = await offer('数控加工实习生');
    const entry = await entryOf(student, 'application.offered', first.applicationId);
    expect(entry).toMatchObject({ title: '你收到了录用通知', slotId: first.slotId, readAt: null });
    expect(entry.body).toContain('「数控加工实习生」');

    const [stored] = await api.db.query(`SELECT title, body, facts FROM notifications WHERE id = $1`, [entry.id]);
    expect(stored.title).toBeNull();
    expect(stored.body).toBeNull();
    expect(stored.facts).toMatchObject({ slotTitle: '数控加工实习生', respondBy: '2027-02-25' });

    // The same entry, read in English: by the query, or by the browser's Accept-Language.
    const english = (await inbox(student, '&lang=en')).body.items.find((n) => n.id === entry.id)!;
    expect(english.title).toBe('You have an offer');
    expect(english.body).toContain('offers you “数控加工实习生”. Answer by 2027-02-25.');
    const byHeader = (await inbox(student, '', { 'accept-language': 'en-GB,en;q=0.9' })).body.items.find((n) => n.id === entry.id)!;
    expect(byHeader.title).toBe('You have an offer');
  });

  it('reads each entry to the reader’s side, and names the slot an application belongs to (what the link opens)', async () => {
    const submitted = await entryOf(hr, 'application.submitted', first.applicationId);
    expect(submitted).toMatchObject({ title: '收到新申请', slotId: first.slotId, subjectId: first.applicationId });
    const english = (await inbox(hr, '&lang=en&kind=application.submitted')).body.items.find((n) => n.id === submitted.id)!;
    expect(english.title).toBe('New application');
  });

  it('keeps the words of an entry written before facts were kept; a row with neither is refused', async () => {
    const [user] = await api.db.query(`SELECT id FROM users WHERE email = $1`, [demo('student')]);
    const [event] = await api.db.query(`SELECT id FROM outbox_events WHERE kind = 'application.offered' AND subject_id = $1`, [
      first.applicationId,
    ]);
    const [old] = await api.db.query(
      `INSERT INTO notifications (user_id, event_id, kind, subject_id, title, body, created_at)
       VALUES ($1, $2, 'application.shortlisted', $3, '旧消息标题', '旧消息正文', now() - interval '1 day') RETURNING id`,
      [user.id, `${Number(event.id) + 1_000_000}`, first.applicationId],
    );
    for (const lang of ['zh-CN', 'en']) {
      const shown = (await inbox(student, `&lang=${lang}`)).body.items.find((n) => n.id === old.id)!;
      expect(shown).toMatchObject({ title: '旧消息标题', body: '旧消息正文' });
    }
    await expect(
      api.db.query(`INSERT INTO notifications (user_id, event_id, kind, subject_id) VALUES ($1, 1, 'application.offered', $2)`, [
        user.id,
        first.applicationId,
      ]),
    ).rejects.toThrow(/notifications_facts_or_words/);
  });

  it('filters by kind and by unread, and refuses a kind it does not know', async () => {
    const offers = (await inbox(student, '&kind=application.offered')).body;
    expect(offers.items.length).toBeGreaterThan(0);
    expect(offers.items.every((n) => n.kind === 'application.offered')).toBe(true);

    const entry = offers.items[0];
    expect((await api.request('POST', `/notifications/${entry.id}/read`, { token: student })).status).toBe(204);
    const unreadOffers = (await inbox(student, '&kind=application.offered&unread=true')).body.items;
    expect(unreadOffers.map((n) => n.id)).not.toContain(entry.id);
    expect(unreadOffers.every((n) => n.kind === 'application.offered' && n.readAt === null)).toBe(true);

    const bad = await inbox(student, '&kind=quota.nonsense');
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it('lists in the settings only the kinds that can reach the person’s role', async () => {
    const kindsOf = async (token: string) =>
      (await api.request<NotificationPreferenceView[]>('GET', '/me/notification-preferences', { token })).body.map((p) => p.kind);
    const [ofStudent, ofHr, ofTeacher] = await Promise.all([kindsOf(student), kindsOf(hr), kindsOf(teacher)]);
    expect(ofStudent).toEqual(kindsReaching('student'));
    expect(ofStudent).toContain('round.matched');
    expect(ofStudent).not.toContain('quota.reminder');
    expect(ofHr).toContain('quota.reminder');
    expect(ofHr).not.toContain('round.matched');
    expect(ofTeacher).toEqual(kindsReaching('teacher'));
  });

  it('writes e-mail at sending, in the language the recipient chose for it; the inbox still follows the reader', async () => {
    const chosen = await api.request<NotificationLanguageView>('PUT', '/me/notification-language', {
      token: student,
      body: { locale: 'en' },
    });
    expect(chosen.body).toEqual({ locale: 'en' });
    expect((await api.request<NotificationLanguageView>('GET', '/me/notification-language', { token: student })).body).toEqual({
      locale: 'en',
    });
    expect((await api.request('PUT', '/me/notification-language', { token: student, body: { locale: 'fr' } })).status).toBe(400);

    const second = await offer('焊接实习生');
    const mail = await eventually(
      async () => smtp.received.filter((m) => m.to === demo('student') && mailText(m).includes('焊接实习生')),
      (m) => m.length >= 1,
    );
    expect(mailSubject(mail[0])).toBe('You have an offer');
    expect(mailText(mail[0])).toMatch(/^Dear .+,/);
    // It ends with the portal's page of its subject: the application, marked in the student's list.
    expect(mailText(mail[0])).toContain(`Open it: http://localhost:4200/applications?focus=${second.applicationId}`);

    // The inbox entry of the same event reads in the reader's language, whatever the e-mail's.
    const entry = await entryOf(student, 'application.offered', second.applicationId);
    expect(entry.title).toBe('你收到了录用通知');
    await api.request('PUT', '/me/notification-language', { token: student, body: { locale: 'zh-CN' } });
  });
});
