import type { Page, PlacementView } from '@skillbridge/contracts';
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
    const page = await api.request<{ items: Array<{ id: string }> }>('GET', `/schools/${schoolId}/students?limit=3`, {
      token: edu.accessToken,
    });
    const subject = page.body.items[0].id;
    const admin = await api.token(demo('admin'));
    const log = await api.request<{ items: Array<Record<string, unknown>> }>('GET', `/admin/access-log?subjectId=${subject}`, {
      token: admin,
    });
    expect(log.body.items[0]).toMatchObject({
      actorId: edu.user.id,
      actorEmail: demo('edu'),
      actorRole: 'bureau_officer',
      subjectId: subject,
      what: 'schools.students',
      why: 'supervision of the school',
    });
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

  it('records enterprise staff and officers reading students’ placements, one by one or by the page; the student reading their own is not logged', async () => {
    const [{ id, person_id: studentId, hr_id: hrId }] = await api.db.query(
      `SELECT p.id, p.person_id, u.id AS hr_id FROM placements p JOIN organisations e ON e.id = p.enterprise_id
         JOIN users u ON u.organisation_id = e.id AND u.role = 'enterprise_admin'
        WHERE p.kind = 'student' AND e.ownership IS DISTINCT FROM 'municipal_soe' ORDER BY e.id, p.start_date, p.id LIMIT 1`,
    );
    const hr = { user: { id: hrId as string }, accessToken: await api.tokenFor(hrId) };
    const logged = async (actorId: string): Promise<number> =>
      (
        await api.db.query(`SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1 AND subject_id = $2 AND what = 'placements'`, [
          actorId,
          studentId,
        ])
      )[0].n;

    expect((await api.request('GET', `/placements/${id}`, { token: hr.accessToken })).status).toBe(200);
    expect(await logged(hr.user.id)).toBe(1);
    const page = await api.request<Page<PlacementView>>('GET', '/placements?limit=200', { token: hr.accessToken });
    expect(page.body.items.map((p) => p.id)).toContain(id);
    expect(await logged(hr.user.id)).toBe(2);
    const [{ why }] = await api.db.query(`SELECT why FROM access_log WHERE actor_id = $1 ORDER BY at DESC LIMIT 1`, [hr.user.id]);
    expect(why).toBe('placement management');

    const miit = await api.login(demo('miit'));
    expect((await api.request('GET', `/placements/${id}`, { token: miit.accessToken })).status).toBe(200);
    expect(await logged(miit.user.id)).toBe(1);

    const student = await api.tokenFor(studentId);
    const before = (await api.db.query('SELECT count(*)::int AS n FROM access_log'))[0].n;
    expect((await api.request('GET', `/placements/${id}`, { token: student })).status).toBe(200);
    expect((await api.db.query('SELECT count(*)::int AS n FROM access_log'))[0].n).toBe(before);
  });

  it('GET /placements is keyset-paginated like every list: {items, nextCursor}, every placement once, a forged cursor refused', async () => {
    const miit = await api.token(demo('miit'));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: { status: number; body: Page<PlacementView> } = await api.request<Page<PlacementView>>(
        'GET',
        `/placements?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        { token: miit },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...reply.body.items.map((p) => p.id));
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM placements p JOIN organisations e ON e.id = p.enterprise_id WHERE e.ownership IS DISTINCT FROM 'municipal_soe'`,
    );
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect(pages).toBeGreaterThan(1);
    const forged = await api.request('GET', `/placements?cursor=${Buffer.from('["x","y"]').toString('base64url')}`, { token: miit });
    expect(forged).toMatchObject({ status: 400, body: { code: 'INVALID_CURSOR' } });
  });
});
