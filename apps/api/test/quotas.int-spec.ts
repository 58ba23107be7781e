import { LANZHOU_DISTRICTS, QUOTA_STATUSES, type Page, type QuotaRow, type QuotaSummary } from '@skillbridge/contracts';
import { displayWidth, quotaPace, quotaStatus, yearElapsed } from '@skillbridge/domain';
import ExcelJS from 'exceljs';
import { TestApi, demo } from '../../../test/support/test-api';

const YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** Every row of the quota table the officer sees, page by page (small pages: the cursor is exercised). */
async function wholeTable(api: TestApi, token: string, year: number, filter: string, limit: number): Promise<QuotaRow[]> {
  const rows: QuotaRow[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: Page<QuotaRow> } = await api.request<Page<QuotaRow>>(
      'GET',
      `/quotas?year=${year}&limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ''}`,
      { token },
    );
    rows.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return rows;
}

describe('quota monitoring (integration)', () => {
  let api: TestApi;
  let miit: string;
  let sasac: string;
  beforeAll(async () => {
    api = await TestApi.start();
    [miit, sasac] = await Promise.all([api.token(demo('miit')), api.token(demo('sasac'))]);
  });
  afterAll(() => api.stop());

  const everything = (token: string, filter = ''): Promise<QuotaRow[]> => wholeTable(api, token, YEAR, filter, 7);

  it('MIIT and SASAC together see every verified enterprise exactly once: no overlap, no gap', async () => {
    const [ofMiit, ofSasac] = await Promise.all([everything(miit), everything(sasac)]);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM organisations WHERE kind IN ('enterprise', 'training_base') AND verification = 'verified'`,
    );
    const ids = new Set([...ofMiit, ...ofSasac].map((r) => r.enterpriseId));
    expect(ofMiit.length + ofSasac.length).toBe(n);
    expect(ids.size).toBe(n);
    expect(ofSasac.every((r) => r.ownership === 'municipal_soe')).toBe(true);
    expect(ofMiit.some((r) => r.ownership === 'municipal_soe')).toBe(false);
  });

  it('shows required = ceil(2 % × staff), hosted, what is left, the cap and a status', async () => {
    const rows = await everything(miit);
    const firm = rows.find((r) => r.name === '兰州飞天智能装备有限公司');
    expect(firm).toMatchObject({ employees: 860, required: 18, cap: 86 });
    for (const r of rows) {
      expect(r.remaining).toBe(Math.max(r.required - r.hosted, 0));
      if (r.hosted >= r.required) expect(r.status).toBe('met');
    }
    const filtered = await everything(miit, '&status=met');
    expect(filtered.every((r) => r.status === 'met')).toBe(true);
    expect(filtered.length).toBe(rows.filter((r) => r.status === 'met').length);
  });

  it('hosted rises when a placement starts, and follows a new headcount at once', async () => {
    const hr = await api.token(demo('hr'));
    const id = await api.organisationOf(demo('hr'));
    await api.request('PUT', `/enterprises/${id}/headcounts/${YEAR}`, { token: hr, body: { employees: 100 } });
    const before = (await api.request<QuotaRow>('GET', `/enterprises/${id}/quota?year=${YEAR}`, { token: hr })).body;
    expect(before).toMatchObject({ employees: 100, required: 2, cap: 10 });

    const [{ slot_id, person_id }] = await api.db.query(
      `SELECT s.id AS slot_id, st.user_id AS person_id FROM slots s, students st
        WHERE s.enterprise_id = $1 AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.person_id = st.user_id) LIMIT 1`,
      [id],
    );
    const [{ id: placementId }] = await api.db.query(
      `INSERT INTO placements (kind, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date, status, agreement_signed_at)
       SELECT 'student', $1, $2, $3, school_id, 'internship', make_date($4, 1, 10), make_date($4, 6, 30), 'active', now() FROM students WHERE user_id = $3 RETURNING id`,
      [slot_id, id, person_id, YEAR],
    );
    // An active placement made outside the API (its agreement signed: issue 18) counts only once something refreshes the figures:
    // completing it through the API does.
    expect((await api.request('POST', `/placements/${placementId}/complete`, { token: hr, body: { evaluation: '良好' } })).status).toBe(
      200,
    );
    const after = (await api.request<QuotaRow>('GET', `/enterprises/${id}/quota?year=${YEAR}`, { token: hr })).body;
    expect(after.hosted).toBe(before.hosted + 1);
    expect((await api.request('GET', `/enterprises/${id}/quota`, { token: await api.token(demo('hr-soe')) })).status).toBe(404);
  });

  it('an officer drills into an enterprise of the remit: its placements, each look at a student logged; another remit’s stay hidden', async () => {
    const [hosting] = await api.db.query(
      `SELECT q.enterprise_id AS id, q.hosted, o.ownership FROM quota_years q JOIN organisations o ON o.id = q.enterprise_id
        WHERE q.year = $1 AND q.hosted > 0 AND o.ownership IS DISTINCT FROM 'municipal_soe' ORDER BY q.hosted DESC LIMIT 1`,
      [YEAR],
    );
    const ofMiit = await api.request<Page<{ person: { id: string }; enterprise: { id: string } }>>(
      'GET',
      `/placements?enterpriseId=${hosting.id}&year=${YEAR}`,
      { token: miit },
    );
    expect(ofMiit.status).toBe(200);
    expect(ofMiit.body.items.length).toBe(hosting.hosted);
    expect(ofMiit.body.items.every((p) => p.enterprise.id === hosting.id)).toBe(true);
    const [{ logged }] = await api.db.query(
      `SELECT count(DISTINCT subject_id)::int AS logged FROM access_log WHERE what = 'placements' AND subject_id = ANY($1::uuid[])`,
      [ofMiit.body.items.map((p) => p.person.id)],
    );
    expect(logged).toBe(hosting.hosted);

    // Not in SASAC's remit: nothing, rather than another authority's interns.
    const ofSasac = await api.request<Page<unknown>>('GET', `/placements?enterpriseId=${hosting.id}&year=${YEAR}`, { token: sasac });
    expect(ofSasac.body).toEqual({ items: [], nextCursor: null });
    const malformed = await api.request<{ code: string; errors: Array<{ field: string }> }>('GET', '/placements?enterpriseId=not-an-id', {
      token: miit,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('enterpriseId');
  });

  it('summarises by status, district and industry, adding up to the table', async () => {
    const summary = (await api.request<QuotaSummary>('GET', `/quotas/summary?year=${YEAR}`, { token: miit })).body;
    const rows = await everything(miit);
    expect(summary.enterprises).toBe(rows.length);
    expect(Object.values(summary.byStatus).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(summary.byDistrict.reduce((a, d) => a + d.enterprises, 0)).toBe(rows.length);
    expect(summary.byIndustry.reduce((a, d) => a + d.enterprises, 0)).toBe(rows.length);
    expect(summary.required).toBe(rows.reduce((a, r) => a + r.required, 0));
  });

  it('reminds every enterprise behind, once a day', async () => {
    const behind = (await everything(sasac)).filter((r) => r.status === 'behind');
    const first = await api.request<{ reminded: number }>('POST', '/quotas/reminders', {
      token: sasac,
      body: { year: YEAR, status: 'behind' },
    });
    expect(first.body.reminded).toBe(behind.length);
    const again = await api.request<{ reminded: number; skipped: number }>('POST', '/quotas/reminders', {
      token: sasac,
      body: { year: YEAR, status: 'behind' },
    });
    expect(again.body).toEqual({ reminded: 0, skipped: behind.length });
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'quota.reminder'`);
    expect(n).toBe(behind.length);
    expect(
      (await api.request('POST', '/quotas/reminders', { token: await api.token(demo('hr')), body: { year: YEAR, status: 'behind' } }))
        .status,
    ).toBe(403);
  });

  it('exports the table as CSV with Chinese headers, and as XLSX', async () => {
    // An enterprise names itself: a name Excel would run as a formula must arrive as text.
    const [{ id, name }] = await api.db.query(`SELECT id, name FROM organisations WHERE ownership = 'municipal_soe' ORDER BY name LIMIT 1`);
    await api.db.query(`UPDATE organisations SET name = '=HYPERLINK("http://evil.example","点我")' WHERE id = $1`, [id]);
    const response = await fetch(`${api.url}/quotas/export?year=${YEAR}&format=csv`, { headers: { authorization: `Bearer ${sasac}` } });
    // The export streams: the name goes back only once the whole file has been read.
    const body = await response.text();
    await api.db.query(`UPDATE organisations SET name = $2 WHERE id = $1`, [id, name]);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('企业名称,统一社会信用代码,企业性质,区县,行业,年度,职工人数,应接收,已接收,尚需接收,同时在岗上限,状态');
    expect(lines.length - 1).toBe((await everything(sasac)).length);
    expect(lines[1]).toContain('市属国有企业');
    expect(lines.find((l) => l.includes('HYPERLINK'))).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""点我""\)",/);

    const xlsx = await fetch(`${api.url}/quotas/export?year=${YEAR}&format=xlsx`, { headers: { authorization: `Bearer ${miit}` } });
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip container, as XLSX is
    expect(bytes.length).toBeGreaterThan(3000);
  });

  it('exports what the officer sees: the filters in view, the screen’s labels in its language, columns wide enough for Chinese names', async () => {
    const all = await everything(miit);
    const district = all[0].district;
    const status = all[0].status;
    const seen = await everything(miit, `&district=${encodeURIComponent(district)}&status=${status}`);
    const download = async (query: string) => {
      const reply = await fetch(`${api.url}/quotas/export?year=${YEAR}&${query}`, { headers: { authorization: `Bearer ${miit}` } });
      expect(reply.status).toBe(200);
      return reply;
    };
    const filter = `district=${encodeURIComponent(district)}&status=${status}`;
    const csv = (await (await download(`format=csv&${filter}`)).text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(csv.length - 1).toBe(seen.length);
    expect(csv.slice(1).map((line) => line.split(',')[1])).toEqual(seen.map((r) => r.uscc));

    const english = await download(`format=csv&lang=en&${filter}`);
    expect(english.headers.get('content-disposition')).toContain(encodeURIComponent('Intern quotas'));
    const en = (await english.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(en[0]).toBe(
      'Enterprise,Unified social credit code,Ownership,District,Industry,Year,Staff,Required,Hosted,Still to host,Concurrent cap,Status',
    );
    const statusWords = { met: 'Met', on_track: 'On track', at_risk: 'At risk', behind: 'Behind' };
    expect(en.slice(1).every((line) => line.endsWith(`,${statusWords[status]}`))).toBe(true);
    expect(en.slice(1).every((line) => !/[\u4e00-\u9fff]/.test(line.split(',')[3]))).toBe(true); // the district in English

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await download(`format=xlsx&${filter}`)).arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount - 1).toBe(seen.length);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csv[0].split(','));
    // The name column is as wide as the longest name, each Chinese character two widths.
    const longest = Math.max(...seen.map((r) => displayWidth(r.name)));
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(longest);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(18);
    // A filter outside what the table takes is refused, as the table refuses it.
    const bad = await fetch(`${api.url}/quotas/export?year=${YEAR}&status=nope`, { headers: { authorization: `Bearer ${miit}` } });
    expect(bad.status).toBe(400);
  });
});

describe('the quota table and summary follow every change at once (integration)', () => {
  let api: TestApi;
  let miit: string;
  let sasac: string;
  beforeAll(async () => {
    api = await TestApi.start();
    [miit, sasac] = await Promise.all([api.token(demo('miit')), api.token(demo('sasac'))]);
  });
  afterAll(() => api.stop());

  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const table = (token: string, year: number, filter = ''): Promise<QuotaRow[]> => wholeTable(api, token, year, filter, 4);
  const ids = (rows: QuotaRow[]) => rows.map((r) => r.enterpriseId);
  const summary = async (token: string, year: number) =>
    (await api.request<QuotaSummary>('GET', `/quotas/summary?year=${year}`, { token })).body;

  /** The summary, read now, says what the whole table says, line by line. */
  const expectSummaryAgrees = async (token: string, year: number): Promise<QuotaSummary> => {
    const [s, rows] = await Promise.all([summary(token, year), table(token, year)]);
    const countBy = (key: (r: QuotaRow) => string) => {
      const out = new Map<string, Record<string, number>>();
      for (const r of rows) {
        const line = out.get(key(r)) ?? { enterprises: 0, required: 0, hosted: 0, met: 0, on_track: 0, at_risk: 0, behind: 0 };
        line.enterprises++;
        line.required += r.required;
        line.hosted += r.hosted;
        line[r.status]++;
        out.set(key(r), line);
      }
      return Object.fromEntries(out);
    };
    expect({ enterprises: s.enterprises, required: s.required, hosted: s.hosted, ...s.byStatus }).toEqual(
      countBy(() => 'all').all ?? { enterprises: 0, required: 0, hosted: 0, met: 0, on_track: 0, at_risk: 0, behind: 0 },
    );
    expect(Object.fromEntries(s.byDistrict.map(({ district, ...line }) => [district, line]))).toEqual(countBy((r) => r.district));
    expect(Object.fromEntries(s.byIndustry.map(({ industry, ...line }) => [industry, line]))).toEqual(countBy((r) => r.industry));
    return s;
  };

  it('filters by status exactly, on either side of each threshold, for last year (all of it passed), this year and next (none of it)', async () => {
    const firms: Array<{ id: string }> = await api.db.query(
      `SELECT id FROM organisations WHERE kind = 'enterprise' AND ownership <> 'municipal_soe' ORDER BY name LIMIT 6`,
    );
    for (const year of [YEAR - 1, YEAR, YEAR + 1]) {
      const elapsed = yearElapsed(year, today());
      const required = 1000;
      const pace = quotaPace(required, elapsed);
      // met; exactly on pace; one short (at risk); half the pace; one below half (behind); none.
      const hosted = [required, pace, pace - 1, Math.floor(pace / 2), Math.floor(pace / 2) - 1, 0].map((h) => Math.max(h, 0));
      for (const [i, firm] of firms.entries()) {
        await api.db.query(`UPDATE quota_years SET required = $3, hosted = $4 WHERE enterprise_id = $1 AND year = $2`, [
          firm.id,
          year,
          required,
          hosted[i],
        ]);
      }
      const rows = await table(miit, year);
      for (const [i, firm] of firms.entries())
        expect(rows.find((r) => r.enterpriseId === firm.id)?.status).toBe(quotaStatus(required, hosted[i], elapsed));
      for (const r of rows) expect(r.status).toBe(quotaStatus(r.required, r.hosted, elapsed));
      const district = rows.find((r) => r.enterpriseId === firms[2].id)!.district;
      for (const status of QUOTA_STATUSES) {
        expect(ids(await table(miit, year, `&status=${status}`))).toEqual(ids(rows.filter((r) => r.status === status)));
        expect(ids(await table(miit, year, `&district=${encodeURIComponent(district)}&status=${status}`))).toEqual(
          ids(rows.filter((r) => r.status === status && r.district === district)),
        );
      }
      await expectSummaryAgrees(miit, year);
    }
  });

  it('a district, industry or name change moves the enterprise in the filters, the name order and the summary; an ownership change moves it to the other remit', async () => {
    const hr = await api.token(demo('hr'));
    const id = await api.organisationOf(demo('hr'));
    const before = await expectSummaryAgrees(miit, YEAR);
    const row = (await table(miit, YEAR)).find((r) => r.enterpriseId === id)!;
    const to = LANZHOU_DISTRICTS.find((d) => d !== row.district)!;
    const patched = await api.request('PATCH', `/enterprises/${id}`, {
      token: hr,
      body: { district: to, industry: '测试新兴产业', name: '阿阿测试更名企业' },
    });
    expect(patched.status).toBe(200);

    expect((await table(miit, YEAR, `&district=${encodeURIComponent(to)}`)).find((r) => r.enterpriseId === id)).toMatchObject({
      name: '阿阿测试更名企业',
      district: to,
      industry: '测试新兴产业',
      required: row.required,
      status: row.status,
    });
    expect(ids(await table(miit, YEAR, `&district=${encodeURIComponent(row.district)}`))).not.toContain(id);
    expect(ids(await table(miit, YEAR, `&industry=${encodeURIComponent('测试新兴产业')}&status=${row.status}`))).toEqual([id]);
    const names = (await table(miit, YEAR)).map((r) => r.name);
    expect(names.indexOf('阿阿测试更名企业')).toBeGreaterThanOrEqual(0);
    expect(names).not.toContain(row.name);

    const after = await expectSummaryAgrees(miit, YEAR);
    const inDistrict = (s: QuotaSummary, d: string) => s.byDistrict.find((x) => x.district === d)?.enterprises ?? 0;
    expect(inDistrict(after, to)).toBe(inDistrict(before, to) + 1);
    expect(inDistrict(after, row.district)).toBe(inDistrict(before, row.district) - 1);

    // No API changes an ownership; an operator fixing a record might.
    const sasacBefore = await expectSummaryAgrees(sasac, YEAR);
    await api.db.query(`UPDATE organisations SET ownership = 'municipal_soe' WHERE id = $1`, [id]);
    expect(ids(await table(miit, YEAR))).not.toContain(id);
    expect(ids(await table(sasac, YEAR, `&status=${row.status}`))).toContain(id);
    expect((await expectSummaryAgrees(miit, YEAR)).enterprises).toBe(after.enterprises - 1);
    expect((await expectSummaryAgrees(sasac, YEAR)).enterprises).toBe(sasacBefore.enterprises + 1);
  });

  it('the summary follows a headcount, a changed figure and a removed row at once, asked again and again', async () => {
    const hr = await api.token(demo('hr-soe'));
    const id = await api.organisationOf(demo('hr-soe'));
    const own = async () => (await api.request<QuotaRow>('GET', `/enterprises/${id}/quota?year=${YEAR}`, { token: hr })).body;
    const s0 = await expectSummaryAgrees(sasac, YEAR);
    expect(await summary(sasac, YEAR)).toEqual(s0);
    const was = await own();

    await api.request('PUT', `/enterprises/${id}/headcounts/${YEAR}`, {
      token: hr,
      body: { employees: was.employees === 5000 ? 6000 : 5000 },
    });
    const now = await own();
    expect(now.required).not.toBe(was.required);
    expect((await expectSummaryAgrees(sasac, YEAR)).required).toBe(s0.required - was.required + now.required);

    await api.db.query(`UPDATE quota_years SET hosted = hosted + 3 WHERE enterprise_id = $1 AND year = $2`, [id, YEAR]);
    expect((await expectSummaryAgrees(sasac, YEAR)).hosted).toBe(s0.hosted + 3);

    await api.db.query(`DELETE FROM quota_years WHERE enterprise_id = $1 AND year = $2`, [id, YEAR]);
    expect((await expectSummaryAgrees(sasac, YEAR)).enterprises).toBe(s0.enterprises - 1);
    expect((await summary(miit, YEAR)).enterprises).toBe((await table(miit, YEAR)).length);
  });
});

describe('the year’s rules (integration)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('the platform admin changes next year’s intake rate and the dashboards follow without a deploy', async () => {
    const admin = await api.token(demo('admin'));
    const miit = await api.token(demo('miit'));
    const year = YEAR + 1;
    const current = (await api.request<Record<string, unknown>>('GET', `/rules/${year}`, { token: miit })).body;
    expect(current).toMatchObject({ year, internIntakeRate: '0.02', practiceDaysRequired: 30 });
    const firm = async () =>
      (await api.request<Page<QuotaRow>>('GET', `/quotas?year=${year}&limit=200`, { token: miit })).body.items.find(
        (r) => r.name === '兰州飞天智能装备有限公司',
      );
    expect((await firm())?.required).toBe(18); // ceil(2 % × 860)

    const { year: _, ...rest } = current;
    const changed = await api.request('PUT', `/rules/${year}`, { token: admin, body: { ...rest, internIntakeRate: '0.03' } });
    expect(changed.status).toBe(200);
    expect((await firm())?.required).toBe(26); // ceil(3 % × 860)

    expect((await api.request('PUT', `/rules/${year}`, { token: miit, body: { ...rest } })).status).toBe(403);
    expect((await api.request('PUT', `/rules/${year}`, { token: admin, body: { ...rest, internIntakeRate: '2%' } })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'internIntakeRate' }],
    });
  });
});
