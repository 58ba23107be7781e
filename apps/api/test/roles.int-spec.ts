import type { ApplicationFilterOptions, ApplicationView, BulkApproveResult, Page, SlotView, StudentView } from '@skillbridge/contracts';
import { TestApi, demo } from '../../../test/support/test-api';

/** Issue 17, "each role's work, done where they are": HR reads an applicant, the school sends back and approves many, refusals say their numbers. */

const internship = (overrides: Record<string, unknown> = {}) => ({
  type: 'internship',
  title: '数控加工实习生',
  description: '数控车间的加工与质检',
  majors: ['数控技术'],
  skills: ['数控编程'],
  district: '七里河区',
  startDate: '2027-03-01',
  endDate: '2027-08-31',
  capacity: 3,
  stipend: '3600.00',
  postWage: '4500.00',
  hoursPerDay: '8',
  nightShift: false,
  applicationDeadline: '2027-02-20',
  ...overrides,
});

describe('each role’s work (integration)', () => {
  let api: TestApi;
  let hr: string;
  let hrSoe: string;
  let student: string;
  let school: string;
  let school2: string;
  let schoolId: string;
  beforeAll(async () => {
    api = await TestApi.start();
    [hr, hrSoe, student, school, school2] = await Promise.all(
      ['hr', 'hr-soe', 'student', 'school', 'school2'].map((who) => api.token(demo(who))),
    );
    schoolId = await api.organisationOf(demo('school'));
  });
  afterAll(() => api.stop());

  const openSlot = async (token = hr, overrides: Record<string, unknown> = {}): Promise<SlotView> => {
    const created = await api.request<SlotView>('POST', '/slots', { token, body: internship(overrides) });
    if (created.status !== 201) throw new Error(`slot not created: ${JSON.stringify(created.body)}`);
    return (await api.request<SlotView>('POST', `/slots/${created.body.id}/publish`, { token })).body;
  };

  /** Students of the demo school (class, major as given) with a submitted application each to the slot, set up in SQL. */
  const applicants = async (slot: SlotView, count: number, tag: string, className = '', major = '数控技术'): Promise<string[]> => {
    const rows: Array<{ id: string }> = await api.db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, name, role, organisation_id)
         SELECT 'roles-' || $4 || '-' || n || '@example.cn', 'x', '申请人' || $4 || n, 'student', $1 FROM generate_series(1, $3::int) n
         RETURNING id),
       s AS (INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year, class_name)
             SELECT id, $1, '2006-01-01', $6, 2024, $5 FROM u RETURNING user_id)
       INSERT INTO applications (slot_id, student_id, school_id, enterprise_id)
       SELECT $2, user_id, $1, $7 FROM s RETURNING id`,
      [schoolId, slot.id, count, tag, className, major, slot.enterpriseId],
    );
    return rows.map((r) => r.id);
  };

  const events = async (kind: string, subjectId: string): Promise<Array<{ payload: Record<string, unknown>; recipients: string[] }>> =>
    api.db.query(`SELECT payload, recipients FROM outbox_events WHERE kind = $1 AND subject_id = $2`, [kind, subjectId]);

  describe('refusals of numeric rules say their numbers', () => {
    it('a stipend below the floor names the floor, the share and the post’s wage: ¥3,600 for ¥4,500', async () => {
      const refused = await api.request('POST', '/slots', { token: hr, body: internship({ stipend: '3000.00' }) });
      expect(refused).toMatchObject({
        status: 422,
        body: {
          code: 'STIPEND_BELOW_FLOOR',
          facts: { floor: '3600.00', floorPercent: '80', floorRate: '0.80', postWage: '4500.00', stipend: '3000.00' },
        },
      });
    });

    it('too many hours a day names the limit and the hours given; a capacity under the seats taken names both', async () => {
      expect(await api.request('POST', '/slots', { token: hr, body: internship({ hoursPerDay: '9' }) })).toMatchObject({
        status: 422,
        body: { code: 'HOURS_EXCEEDED', facts: { maxHours: 8, hoursPerDay: '9' } },
      });
      const slot = await openSlot();
      await api.db.query(`UPDATE slots SET taken = 2 WHERE id = $1`, [slot.id]);
      expect(await api.request('PATCH', `/slots/${slot.id}`, { token: hr, body: { capacity: 1 } })).toMatchObject({
        status: 409,
        body: { code: 'CAPACITY_BELOW_TAKEN', facts: { taken: 2, capacity: 1 } },
      });
    });
  });

  describe('HR opens an applicant', () => {
    it('reads major, year, school, class, skills, certificates, self-introduction and motivation — and the read is logged', async () => {
      const profile = await api.request<StudentView>('PATCH', '/students/me', {
        token: student,
        body: { selfIntroduction: '  我在校期间参加过数控技能竞赛，希望到一线车间实习。  ', certificates: ['数控车铣加工（中级）'] },
      });
      expect(profile.status).toBe(200);
      expect(profile.body.selfIntroduction).toBe('我在校期间参加过数控技能竞赛，希望到一线车间实习。');
      const slot = await openSlot();
      const applied = await api.request<ApplicationView>('POST', `/slots/${slot.id}/applications`, {
        token: student,
        body: { motivation: '想把课堂上学的数控编程用在真实产线上' },
      });
      expect(applied.status).toBe(201);
      const hrUser = await api.userId(demo('hr'));
      const [{ n: before }] = await api.db.query(
        `SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1 AND what = 'applications.get'`,
        [hrUser],
      );
      const seen = await api.request<ApplicationView>('GET', `/applications/${applied.body.id}`, { token: hr });
      expect(seen.status).toBe(200);
      expect(seen.body.motivation).toBe('想把课堂上学的数控编程用在真实产线上');
      expect(seen.body.student).toMatchObject({
        name: profile.body.name,
        major: profile.body.major,
        enrolmentYear: profile.body.enrolmentYear,
        schoolName: '兰州新区职业技术学校',
        skills: profile.body.skills,
        certificates: ['数控车铣加工（中级）'],
        selfIntroduction: '我在校期间参加过数控技能竞赛，希望到一线车间实习。',
      });
      const logged = await api.db.query(
        `SELECT subject_id, what FROM access_log WHERE actor_id = $1 AND what = 'applications.get' ORDER BY id DESC LIMIT 1`,
        [hrUser],
      );
      expect(logged).toEqual([{ subject_id: profile.body.id, what: 'applications.get' }]);
      const [{ n: after }] = await api.db.query(
        `SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1 AND what = 'applications.get'`,
        [hrUser],
      );
      expect(after).toBe(before + 1);
      // The list HR reviews carries the same, and is logged too.
      const list = await api.request<Page<ApplicationView>>('GET', `/applications?slotId=${slot.id}`, { token: hr });
      expect(list.body.items[0].student.selfIntroduction).toBe('我在校期间参加过数控技能竞赛，希望到一线车间实习。');
      // Another enterprise cannot read it.
      expect((await api.request('GET', `/applications/${applied.body.id}`, { token: hrSoe })).status).toBe(404);
      // A self-introduction over 1,000 characters is refused by name.
      const long = await api.request('PATCH', '/students/me', { token: student, body: { selfIntroduction: '长'.repeat(1001) } });
      expect(long).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    });
  });

  describe('the school sends back with a reason', () => {
    it('records the reason, tells the student and the enterprise, and an approval later supersedes it', async () => {
      const slot = await openSlot();
      const [id] = await applicants(slot, 1, 'sb');
      const blank = await api.request('POST', `/applications/${id}/send-back`, { token: school, body: { reason: '   ' } });
      expect(blank).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect((await api.request('POST', `/applications/${id}/send-back`, { token: hr, body: { reason: '不行' } })).status).toBe(403);
      expect((await api.request('POST', `/applications/${id}/send-back`, { token: school2, body: { reason: '不行' } })).status).toBe(404);

      const sent = await api.request<ApplicationView>('POST', `/applications/${id}/send-back`, {
        token: school,
        body: { reason: ' 请补充监护人知情同意书 ' },
      });
      expect(sent.status).toBe(200);
      expect(sent.body.schoolSentBack).toMatchObject({ reason: '请补充监护人知情同意书' });
      expect(sent.body.schoolApprovedAt).toBeNull();
      const told = await events('application.sent-back', id);
      expect(told).toHaveLength(1);
      expect(told[0].payload).toEqual({ reason: '请补充监护人知情同意书' });
      const [{ student_id }] = await api.db.query(`SELECT student_id FROM applications WHERE id = $1`, [id]);
      expect(told[0].recipients).toContain(student_id);
      // The enterprise sees it too, with the reason.
      const asHr = await api.request<ApplicationView>('GET', `/applications/${id}`, { token: hr });
      expect(asHr.body.schoolSentBack?.reason).toBe('请补充监护人知情同意书');

      const approved = await api.request<ApplicationView>('POST', `/applications/${id}/approve`, { token: school, body: {} });
      expect(approved.body.schoolSentBack).toBeNull();
      expect(approved.body.schoolApprovedAt).not.toBeNull();
      expect(await api.request('POST', `/applications/${id}/send-back`, { token: school, body: { reason: '再退回' } })).toMatchObject({
        status: 409,
        body: { code: 'ALREADY_APPROVED' },
      });
      await api.db.query(`UPDATE applications SET status = 'withdrawn', school_approved_at = NULL WHERE id = $1`, [id]);
      expect(await api.request('POST', `/applications/${id}/send-back`, { token: school, body: { reason: '再退回' } })).toMatchObject({
        status: 409,
        body: { code: 'INVALID_TRANSITION' },
      });
    });
  });

  describe('the school approves many at once', () => {
    it('each moves or is reported with its reason: nothing half-done', async () => {
      const slot = await openSlot();
      const [a, b, c, d] = await applicants(slot, 4, 'bulk');
      await api.db.query(`UPDATE applications SET status = 'withdrawn' WHERE id = $1`, [c]);
      await api.db.query(`UPDATE applications SET school_approved_at = now() WHERE id = $1`, [d]);
      const otherSlot = await openSlot();
      const [foreign] = await api.db.query(
        `INSERT INTO applications (slot_id, student_id, school_id, enterprise_id)
         SELECT $1, st.user_id, st.school_id, $2 FROM students st WHERE st.school_id <> $3 LIMIT 1 RETURNING id`,
        [otherSlot.id, otherSlot.enterpriseId, schoolId],
      );
      const missing = '00000000-0000-4000-8000-000000000000';
      const result = await api.request<BulkApproveResult>('POST', '/applications/approvals', {
        token: school,
        body: { applicationIds: [a, b, c, d, foreign.id, missing, a] },
      });
      expect(result.status).toBe(200);
      expect(result.body.approved.sort()).toEqual([a, b].sort());
      expect(result.body.refused).toEqual(
        expect.arrayContaining([
          { id: c, code: 'INVALID_TRANSITION', status: 'withdrawn' },
          { id: d, code: 'ALREADY_APPROVED', status: 'submitted' },
          { id: foreign.id, code: 'NOT_FOUND' },
          { id: missing, code: 'NOT_FOUND' },
        ]),
      );
      expect(result.body.refused).toHaveLength(4);
      for (const id of [a, b]) expect(await events('application.approved', id)).toHaveLength(1);
      for (const id of [c, d]) expect(await events('application.approved', id)).toHaveLength(0);
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM applications WHERE id = ANY($1) AND school_approved_at IS NOT NULL`,
        [[a, b, c, d]],
      );
      expect(n).toBe(3);
    });

    it('two bulk approvals of the same applications at once approve each exactly once, with one event each', async () => {
      const slot = await openSlot(hr, { capacity: 8 });
      const ids = await applicants(slot, 30, 'race');
      const [first, second] = await Promise.all([
        api.request<BulkApproveResult>('POST', '/applications/approvals', { token: school, body: { applicationIds: ids } }),
        api.request<BulkApproveResult>('POST', '/applications/approvals', { token: school, body: { applicationIds: [...ids].reverse() } }),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      const approved = [...first.body.approved, ...second.body.approved];
      expect(approved.sort()).toEqual([...ids].sort());
      const already = [...first.body.refused, ...second.body.refused];
      expect(already.every((r) => r.code === 'ALREADY_APPROVED')).toBe(true);
      expect(already).toHaveLength(ids.length);
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'application.approved' AND subject_id = ANY($1)`,
        [ids],
      );
      expect(n).toBe(ids.length);
    });

    it('refuses what is not a list of ids, and everyone but a school admin', async () => {
      for (const body of [
        { applicationIds: [] },
        { applicationIds: ['nope'] },
        { applicationIds: Array(201).fill('00000000-0000-4000-8000-000000000000') },
        {},
      ]) {
        expect((await api.request('POST', '/applications/approvals', { token: school, body })).status).toBe(400);
      }
      for (const token of [hr, student]) {
        expect((await api.request('POST', '/applications/approvals', { token, body: { applicationIds: [] } })).status).toBe(403);
      }
    });
  });

  describe('the school filters by major, enterprise and class', () => {
    it('lists only what matches, and offers the values its applications have', async () => {
      const slot = await openSlot();
      const soeSlot = await openSlot(hrSoe);
      const [inClass] = await applicants(slot, 1, 'fa', '数控2401班', '数控技术');
      const [otherClass] = await applicants(slot, 1, 'fb', '数控2402班', '数控技术');
      const [otherMajor] = await applicants(soeSlot, 1, 'fc', '汽修2401班', '汽车检测与维修技术');
      const ids = async (query: string) =>
        (await api.request<Page<ApplicationView>>('GET', `/applications?limit=100&${query}`, { token: school })).body.items.map(
          (a) => a.id,
        );

      const byClass = await ids(`className=${encodeURIComponent('数控2401班')}`);
      expect(byClass).toContain(inClass);
      expect(byClass).not.toContain(otherClass);
      const byMajor = await ids(`major=${encodeURIComponent('汽车检测与维修技术')}`);
      expect(byMajor).toContain(otherMajor);
      expect(byMajor).not.toContain(inClass);
      const byEnterprise = await ids(`enterpriseId=${soeSlot.enterpriseId}&awaitingApproval=true`);
      expect(byEnterprise).toContain(otherMajor);
      expect(byEnterprise).not.toContain(inClass);

      const options = await api.request<ApplicationFilterOptions>('GET', '/applications/filter-options', { token: school });
      expect(options.body.classes).toEqual(expect.arrayContaining(['数控2401班', '数控2402班', '汽修2401班']));
      expect(options.body.majors).toEqual(expect.arrayContaining(['数控技术', '汽车检测与维修技术']));
      expect(options.body.enterprises.map((e) => e.id)).toEqual(expect.arrayContaining([slot.enterpriseId, soeSlot.enterpriseId]));
      // Another school's admin sees none of these values; other roles are refused.
      const other = await api.request<ApplicationFilterOptions>('GET', '/applications/filter-options', { token: school2 });
      expect(other.body.classes).not.toContain('数控2401班');
      expect((await api.request('GET', '/applications/filter-options', { token: hr })).status).toBe(403);
      expect((await api.request('GET', `/applications?enterpriseId=nope`, { token: school })).status).toBe(400);
    });
  });
});
