import type { AccessLogEntryView, RuleChangeView, SchoolComplianceSummary } from '@skillbridge/contracts';
import { TestApi, demo } from '../../../test/support/test-api';

/** The platform admin's pages over HTTP: the year's rules and their history, the access log's filters and export. */
describe('the platform admin’s rules history and access log (integration)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('keeps who changed which rule of a year, before and after; a save that changes nothing is no history', async () => {
    const admin = await api.login(demo('admin'));
    const year = 2031;
    const { year: _, ...rules } = (await api.request<Record<string, unknown>>('GET', `/rules/${year}`, { token: admin.accessToken })).body;
    const history = async () => (await api.request<RuleChangeView[]>('GET', `/rules/${year}/history`, { token: admin.accessToken })).body;
    expect(await history()).toEqual([]);

    // "0.1" is 10 %, as the defaults' "0.10": no change.
    expect(
      (await api.request('PUT', `/rules/${year}`, { token: admin.accessToken, body: { ...rules, enterpriseInternCapRate: '0.1' } })).status,
    ).toBe(200);
    expect(await history()).toEqual([]);

    await api.request('PUT', `/rules/${year}`, {
      token: admin.accessToken,
      body: { ...rules, internIntakeRate: '0.025', maxDailyHours: 7 },
    });
    await api.request('PUT', `/rules/${year}`, {
      token: admin.accessToken,
      body: { ...rules, internIntakeRate: '0.025', maxDailyHours: 8 },
    });
    const [latest, first] = await history();
    expect(first).toMatchObject({
      year,
      changedBy: { id: admin.user.id, email: demo('admin') },
      changes: [
        { rule: 'internIntakeRate', before: '0.02', after: '0.025' },
        { rule: 'maxDailyHours', before: 8, after: 7 },
      ],
    });
    expect(latest.changes).toEqual([{ rule: 'maxDailyHours', before: 7, after: 8 }]);
    expect(Date.parse(latest.changedAt)).toBeGreaterThanOrEqual(Date.parse(first.changedAt));

    // Only the platform admin reads it; the history cannot be rewritten.
    expect((await api.request('GET', `/rules/${year}/history`, { token: await api.token(demo('miit')) })).status).toBe(403);
    await expect(api.db.query('DELETE FROM rule_changes')).rejects.toThrow(/append-only/);
    await expect(api.db.query(`UPDATE rule_changes SET year = 2000`)).rejects.toThrow(/append-only/);
  });

  it('two saves at once: each history row starts from what the other left', async () => {
    const token = await api.token(demo('admin'));
    const year = 2032;
    const { year: _, ...rules } = (await api.request<Record<string, unknown>>('GET', `/rules/${year}`, { token })).body;
    await Promise.all(
      [10, 11, 12, 9].map((hours) => api.request('PUT', `/rules/${year}`, { token, body: { ...rules, maxDailyHours: hours } })),
    );
    const rows = (await api.request<RuleChangeView[]>('GET', `/rules/${year}/history`, { token })).body.reverse();
    expect(rows).toHaveLength(4);
    // A chain: each save's "before" is the previous save's "after", from the default 8 on.
    let previous: unknown = 8;
    for (const row of rows) {
      expect(row.changes[0].before).toBe(previous);
      previous = row.changes[0].after;
    }
  });

  it('finds reads by reader, person, role, kind and Lanzhou day, and exports the same entries as CSV', async () => {
    const edu = await api.login(demo('edu'));
    const schools = (await api.request<SchoolComplianceSummary[]>('GET', '/schools/compliance', { token: edu.accessToken })).body;
    const read = (
      await api.request<{ items: Array<{ id: string; name: string }> }>('GET', `/schools/${schools[0].schoolId}/students?limit=4`, {
        token: edu.accessToken,
      })
    ).body.items;
    const admin = await api.token(demo('admin'));
    const search = async (query: string) =>
      (await api.request<{ items: AccessLogEntryView[] }>('GET', `/admin/access-log?${query}`, { token: admin })).body.items;

    const byReader = await search(`actor=${encodeURIComponent('EDU@demo')}&what=schools.students&actorRole=bureau_officer`);
    expect(byReader.map((e) => e.subjectId).sort()).toEqual(read.map((s) => s.id).sort());
    expect(byReader[0]).toMatchObject({ actorEmail: demo('edu'), actorRole: 'bureau_officer', what: 'schools.students' });
    expect(await search(`subject=${encodeURIComponent(read[0].name)}&actor=edu`)).toHaveLength(
      read.filter((s) => s.name.includes(read[0].name)).length,
    );
    expect(await search('actorRole=enterprise_admin&actor=edu')).toEqual([]);
    // A LIKE wildcard is a character like any other.
    expect(await search('actor=%25')).toEqual([]);

    const [{ today }] = await api.db.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
    expect(await search(`actor=edu&from=${today}&to=${today}`)).toHaveLength(read.length);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await search(`actor=edu&from=${tomorrow}`)).toEqual([]);
    expect((await api.request('GET', '/admin/access-log?from=2026-02-30', { token: admin })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
    });

    const file = await api.request<string>('GET', `/admin/access-log/export?actor=edu&language=en`, { token: admin });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = file.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Time,Reader,Reader e-mail,Reader role,Person read,Person id,What was read,Purpose');
    expect(lines).toHaveLength(read.length + 1);
    for (const student of read) expect(lines.some((l) => l.includes(student.id) && l.includes(demo('edu')))).toBe(true);
    expect((await api.request('GET', '/admin/access-log/export', { token: edu.accessToken })).status).toBe(403);
  });
});
