import { TestApi, demo } from '../../../test/support/test-api';

describe('the personal-data access log (integration)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('records an officer reading a school’s students, and the platform admin finds it by person', async () => {
    const schoolId = await api.organisationOf(demo('school'));
    const edu = await api.login(demo('edu'));
    const page = await api.request<{ items: Array<{ id: string }> }>('GET', `/schools/${schoolId}/students?limit=3`, { token: edu.accessToken });
    const subject = page.body.items[0].id;
    const admin = await api.token(demo('admin'));
    const log = await api.request<{ items: Array<Record<string, unknown>> }>('GET', `/admin/access-log?subjectId=${subject}`, { token: admin });
    expect(log.body.items[0]).toMatchObject({ actorId: edu.user.id, actorEmail: demo('edu'), actorRole: 'bureau_officer', subjectId: subject, what: 'schools.students', why: 'supervision of the school' });
    expect((await api.request('GET', '/admin/access-log', { token: edu.accessToken })).status).toBe(403);
  });

  it('the school’s own admin reading its students is not logged; the log cannot be edited or erased', async () => {
    const schoolId = await api.organisationOf(demo('school'));
    const before = (await api.db.query('SELECT count(*)::int AS n FROM access_log'))[0].n;
    await api.request('GET', `/schools/${schoolId}/students?limit=3`, { token: await api.token(demo('school')) });
    expect((await api.db.query('SELECT count(*)::int AS n FROM access_log'))[0].n).toBe(before);
    await expect(api.db.query('DELETE FROM access_log')).rejects.toThrow(/append-only/);
    await expect(api.db.query(`UPDATE access_log SET why = 'nothing'`)).rejects.toThrow(/append-only/);
    await expect(api.db.query('TRUNCATE access_log')).rejects.toThrow(/append-only/);
  });
});
