import type {
  EnterpriseView,
  NotificationView,
  Page,
  PendingEnterpriseView,
  QuotaRow,
  QuotaSummary,
  RegisterEnterpriseRequest,
} from '@skillbridge/contracts';
import { addDays, usccCheckCharacter } from '@skillbridge/domain';
import { hostedChangesOn, refreshQuotas, rulesForYear } from '@skillbridge/quotas';
import { draftAgreements } from '@skillbridge/agreements';
import { signAgreement } from '../../../test/support/agreements';
import { uniqueSuffix } from '../../../test/support/database';
import { RunningProcess } from '../../../test/support/processes';
import { newUscc, registerEnterprise } from '../../../test/support/registration';
import { SmtpSink, eventually } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

/** Issue 13: officers' figures are the truth — verified enterprises, lived days (domain.md §3). */
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));

const PASSWORD = 'Secret#2026';
const registration = (overrides: Record<string, unknown> = {}): RegisterEnterpriseRequest =>
  ({
    name: `兰州测试国资集团${uniqueSuffix()}有限公司`,
    uscc: newUscc(),
    ownership: 'municipal_soe',
    industry: '交通运输',
    district: '城关区',
    adminName: '钱经理',
    adminEmail: `soe-${uniqueSuffix()}@example.cn`,
    ...overrides,
  }) as RegisterEnterpriseRequest;

describe('officers’ figures count verified enterprises and lived days only (integration)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let worker: RunningProcess;
  let smtp: SmtpSink;
  let admin: string;
  let sasac: string;
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
    worker = await startWorker({ DATABASE_URL: api.database.url, QUEUE_PREFIX: queuePrefix, SMTP_URL: smtp.url });
    [admin, sasac] = await Promise.all([api.token(demo('admin')), api.token(demo('sasac'))]);
  });
  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await api.stop();
    await smtp?.stop();
  });

  /** Registers an enterprise (through its e-mailed link) and signs its admin in. */
  async function register(
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; body: RegisterEnterpriseRequest; token: string }> {
    const body = registration(overrides);
    const signedIn = await registerEnterprise(api.url, smtp, body, PASSWORD);
    return { id: signedIn.enterpriseId, body, token: signedIn.accessToken };
  }

  async function sasacTable(): Promise<QuotaRow[]> {
    const rows: QuotaRow[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page<QuotaRow> } = await api.request<Page<QuotaRow>>(
        'GET',
        `/quotas?year=${YEAR}&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        { token: sasac },
      );
      rows.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return rows;
  }
  const text = async (path: string): Promise<string> =>
    (await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${sasac}` } })).text();
  const summary = async (): Promise<QuotaSummary> =>
    (await api.request<QuotaSummary>('GET', `/quotas/summary?year=${YEAR}`, { token: sasac })).body;
  const reminderEvents = async (id: string): Promise<number> =>
    (await api.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'quota.reminder' AND subject_id = $1`, [id]))[0].n;

  it('a self-registered municipal SOE of 5,000 staff is in none of SASAC’s figures until verified, then in all of them at once', async () => {
    const soe = await register();
    expect(
      (await api.request('PUT', `/enterprises/${soe.id}/headcounts/${YEAR}`, { token: soe.token, body: { employees: 5000 } })).status,
    ).toBe(200);
    const before = await summary();

    expect((await sasacTable()).some((r) => r.enterpriseId === soe.id)).toBe(false);
    expect(await text(`/quotas/export?year=${YEAR}&format=csv`)).not.toContain(soe.body.uscc);
    expect(await text(`/headcount-imports/template?year=${YEAR}`)).not.toContain(soe.body.uscc);
    const listed = await api.request<Page<EnterpriseView>>('GET', `/enterprises?q=${soe.body.uscc}`, { token: sasac });
    expect(listed.body.items).toEqual([]);
    expect((await api.request('POST', '/quotas/reminders', { token: sasac, body: { year: YEAR, status: 'behind' } })).status).toBe(200);
    expect(await reminderEvents(soe.id)).toBe(0);
    // The platform admin sees it waiting, with its headcount.
    const pending = await api.request<Page<PendingEnterpriseView>>('GET', '/enterprises/pending?limit=200', { token: admin });
    expect(pending.body.items.find((e) => e.id === soe.id)).toMatchObject({
      verification: 'unverified',
      ownership: 'municipal_soe',
      headcounts: [{ year: YEAR, employees: 5000 }],
    });

    expect((await api.request('POST', `/enterprises/${soe.id}/verify`, { token: admin })).status).toBe(200);

    const after = await summary();
    expect(after.enterprises).toBe(before.enterprises + 1);
    expect(after.required).toBe(before.required + 100);
    expect((await sasacTable()).find((r) => r.enterpriseId === soe.id)).toMatchObject({ employees: 5000, required: 100, hosted: 0 });
    expect(await text(`/quotas/export?year=${YEAR}&format=csv`)).toContain(soe.body.uscc);
    expect(await text(`/headcount-imports/template?year=${YEAR}`)).toContain(soe.body.uscc);
    expect(
      (await api.request<Page<EnterpriseView>>('GET', `/enterprises?q=${soe.body.uscc}`, { token: sasac })).body.items.map((e) => e.id),
    ).toEqual([soe.id]);
    const reminded = await api.request<{ reminded: number }>('POST', '/quotas/reminders', {
      token: sasac,
      body: { year: YEAR, status: after.byStatus.behind > before.byStatus.behind ? 'behind' : 'at_risk' },
    });
    expect(reminded.status).toBe(200);
    expect(await reminderEvents(soe.id)).toBe(1);
    expect(
      (await api.request<Page<PendingEnterpriseView>>('GET', '/enterprises/pending?limit=200', { token: admin })).body.items.some(
        (e) => e.id === soe.id,
      ),
    ).toBe(false);
  });

  it('a refusal carries its reason to the applicant’s inbox and home page; correcting the profile applies again', async () => {
    const firm = await register({ ownership: 'private', name: `兰州拒绝测试${uniqueSuffix()}有限公司` });
    const blank = await api.request('POST', `/enterprises/${firm.id}/refuse`, { token: admin, body: { reason: '   ' } });
    expect(blank).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'reason' }] } });
    expect((await api.request('POST', `/enterprises/${firm.id}/refuse`, { token: firm.token, body: { reason: '自己拒绝' } })).status).toBe(
      403,
    );

    const reason = '营业执照上的名称与填写的企业名称不一致';
    const refused = await api.request<EnterpriseView>('POST', `/enterprises/${firm.id}/refuse`, { token: admin, body: { reason } });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ verification: 'refused', refusalReason: reason });
    const own = await api.request<EnterpriseView>('GET', `/enterprises/${firm.id}`, { token: firm.token });
    expect(own.body).toMatchObject({ verification: 'refused', refusalReason: reason });
    const inbox = await eventually(
      async () => (await api.request<Page<NotificationView>>('GET', '/notifications', { token: firm.token })).body.items,
      (items) => items.some((n) => n.kind === 'enterprise.refused'),
    );
    expect(inbox.find((n) => n.kind === 'enterprise.refused')?.body).toContain(reason);
    // Refused: out of the verifier's queue, and no slots.
    const slot = {
      type: 'internship',
      title: '实习',
      description: '—',
      majors: ['机电一体化技术'],
      district: '城关区',
      startDate: '2027-03-01',
      endDate: '2027-08-31',
      capacity: 1,
      stipend: '3000.00',
      postWage: '3600.00',
      hoursPerDay: '8',
      nightShift: false,
    };
    expect(await api.request('POST', '/slots', { token: firm.token, body: slot })).toMatchObject({
      status: 403,
      body: { code: 'ENTERPRISE_NOT_VERIFIED' },
    });
    expect(
      (await api.request<Page<PendingEnterpriseView>>('GET', '/enterprises/pending?limit=200', { token: admin })).body.items.some(
        (e) => e.id === firm.id,
      ),
    ).toBe(false);

    const corrected = await api.request<EnterpriseView>('PATCH', `/enterprises/${firm.id}`, {
      token: firm.token,
      body: { name: `${firm.body.name}（更正）` },
    });
    expect(corrected.body).toMatchObject({ verification: 'unverified', refusalReason: null });
    expect(
      (await api.request<Page<PendingEnterpriseView>>('GET', '/enterprises/pending?limit=200', { token: admin })).body.items.some(
        (e) => e.id === firm.id,
      ),
    ).toBe(true);
    expect((await api.request('POST', `/enterprises/${firm.id}/verify`, { token: admin })).status).toBe(200);
    const late = await api.request('POST', `/enterprises/${firm.id}/refuse`, { token: admin, body: { reason } });
    expect(late).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
  });

  it('an unverified registration blocks no code; two verifies of one code race and one wins (USCC_TAKEN); the verifier sees the twins', async () => {
    const uscc = newUscc();
    const [a, b] = await Promise.all([register({ uscc }), register({ uscc, name: '兰州同码测试有限公司' })]);
    const pending = (await api.request<Page<PendingEnterpriseView>>('GET', '/enterprises/pending?limit=200', { token: admin })).body.items;
    expect(pending.find((e) => e.id === a.id)?.similar).toEqual([
      expect.objectContaining({ id: b.id, same: ['uscc'], verification: 'unverified' }),
    ]);

    const replies = await Promise.all(
      [a, b].map((e) => api.request<{ code?: string }>('POST', `/enterprises/${e.id}/verify`, { token: admin })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(replies.find((r) => r.status === 409)?.body.code).toBe('USCC_TAKEN');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM organisations WHERE uscc = $1 AND verification = 'verified'`, [
      uscc,
    ]);
    expect(n).toBe(1);
    // And afterwards, one at a time: the loser's verify is refused again, and it stays out of the figures.
    const loser = replies[0].status === 409 ? a : b;
    expect(await api.request('POST', `/enterprises/${loser.id}/verify`, { token: admin })).toMatchObject({
      status: 409,
      body: { code: 'USCC_TAKEN' },
    });
    expect((await api.db.query(`SELECT verification FROM organisations WHERE id = $1`, [loser.id]))[0].verification).toBe('unverified');

    // Now the code is held: a third registration is refused, and nothing of it is written.
    const third = registration({ uscc });
    expect(await api.request('POST', '/enterprises', { body: third })).toMatchObject({ status: 409, body: { code: 'USCC_TAKEN' } });
    expect((await api.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [third.adminEmail]))[0].n).toBe(0);
  });

  it('refuses a code that passes its check character but cannot have been issued (USCC_VOID)', async () => {
    for (const uscc of [
      '000000000000000000',
      'B1620100MA7100000' + usccCheckCharacter('B1620100MA7100000'),
      '91000000MA7100000' + usccCheckCharacter('91000000MA7100000'),
    ]) {
      const body = registration({ uscc });
      expect(await api.request('POST', '/enterprises', { body })).toMatchObject({ status: 422, body: { code: 'USCC_VOID' } });
      expect((await api.db.query('SELECT count(*)::int AS n FROM organisations WHERE uscc = $1', [uscc]))[0].n).toBe(0);
    }
  });

  describe('placements: no day served before it is lived', () => {
    let hr: string;
    let enterpriseId: string;
    const hostedIn = async (year: number): Promise<number> =>
      (await api.db.query(`SELECT hosted FROM quota_years WHERE enterprise_id = $1 AND year = $2`, [enterpriseId, year]))[0]?.hosted ?? 0;
    /** A placement of an adult student with none yet, at the demo HR's enterprise, from an accepted application the school approved. */
    async function placement(status: string, startDate: string, endDate: string, activatedAt: string | null = null): Promise<string> {
      const [{ id }] = await api.db.query(
        `WITH student AS (
           SELECT s.id AS slot_id, s.enterprise_id, st.user_id, st.school_id FROM slots s, students st
            WHERE s.enterprise_id = $1 AND s.type = 'internship' AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.person_id = st.user_id)
              AND st.date_of_birth < current_date - 365 * 19 LIMIT 1),
         application AS (
           INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, school_approved_at, decided_at)
           SELECT slot_id, user_id, school_id, enterprise_id, 'accepted', now(), now() FROM student RETURNING id)
         INSERT INTO placements (kind, application_id, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date, status, activated_at)
         SELECT 'student', a.id, s.slot_id, s.enterprise_id, s.user_id, s.school_id, 'internship', $2, $3, $4, $5::timestamptz FROM student s, application a
         RETURNING id`,
        [enterpriseId, startDate, endDate, status, activatedAt],
      );
      // Its agreement drafted, as accepting drafts it; one already under way counts as signed (the subject here is the calendar).
      await api.db.transaction((tx) => draftAgreements(tx, [id]));
      if (status !== 'pending') await api.db.query(`UPDATE placements SET agreement_signed_at = now() WHERE id = $1`, [id]);
      return id;
    }
    beforeAll(async () => {
      hr = await api.token(demo('hr'));
      enterpriseId = await api.organisationOf(demo('hr'));
    });

    it('refuses to start a placement before its start date and to complete one before its end date; hosted stays', async () => {
      const next = YEAR + 1;
      const [thisYear, nextYear] = [await hostedIn(YEAR), await hostedIn(next)];
      const future = await placement('pending', `${next}-03-01`, `${next}-08-31`);
      await signAgreement(api, future, { policyNo: 'PICC-2027-0001' });
      // The paperwork is in order (approved, agreement signed and insured, of age): only the calendar refuses.
      const early = await api.request('POST', `/placements/${future}/activate`, {
        token: hr,
        body: { insurancePolicyNo: 'PICC-2027-0001' },
      });
      expect(early).toMatchObject({
        status: 422,
        body: { code: 'PLACEMENT_NOT_STARTED', facts: { startDate: `${next}-03-01`, today: TODAY } },
      });

      const running = await placement('active', addDays(TODAY, -10), `${next}-06-30`, new Date().toISOString());
      const unfinished = await api.request('POST', `/placements/${running}/complete`, { token: hr, body: { evaluation: '良好' } });
      expect(unfinished).toMatchObject({ status: 422, body: { code: 'PLACEMENT_NOT_ENDED' } });
      const [{ status }] = await api.db.query(`SELECT status FROM placements WHERE id = $1`, [future]);
      expect(status).toBe('pending');
      expect([await hostedIn(YEAR), await hostedIn(next)]).toEqual([thisYear, nextYear]);
    });

    it('counts a placement from max(start, activation) to its end, only on days already lived; a new year counts from its first day', async () => {
      const next = YEAR + 1;
      const [newYear, lastOfFebruary, firstOfMarch] = [`${next}-01-01`, `${next}-02-28`, `${next}-03-01`];
      const refresh = async (year: number, day: string) =>
        api.db.transaction(async (tx) => refreshQuotas(tx, await rulesForYear(api.db, year), [enterpriseId], day));
      /** Hosted in `year` as its row would read on `day`. */
      const hostedOn = async (year: number, day: string) => {
        await refresh(year, day);
        return hostedIn(year);
      };
      const before = [
        await hostedOn(YEAR, TODAY),
        await hostedOn(next, TODAY),
        await hostedOn(next, newYear),
        await hostedOn(next, lastOfFebruary),
        await hostedOn(next, firstOfMarch),
      ];

      // Seen in the field: completed today for a placement starting next March. Not a day of it is lived.
      await placement('completed', firstOfMarch, `${next}-08-31`, new Date().toISOString());
      // Started six days ago, running into next year.
      const started = addDays(TODAY, -6);
      await placement('active', started, lastOfFebruary, `${started}T09:00:00+08:00`);

      const after = [
        await hostedOn(YEAR, TODAY),
        await hostedOn(next, TODAY),
        await hostedOn(next, newYear),
        await hostedOn(next, lastOfFebruary),
        await hostedOn(next, firstOfMarch),
      ];
      expect(after).toEqual([before[0] + 1, before[1], before[2] + 1, before[3] + 1, before[4] + 2]);
      // The daily refresh finds this enterprise among those the date moves on those days.
      expect(await hostedChangesOn(api.db.manager, newYear)).toContain(enterpriseId);
      expect(await hostedChangesOn(api.db.manager, firstOfMarch)).toContain(enterpriseId);
      await refresh(next, TODAY);
    });
  });
});
