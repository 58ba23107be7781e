import type { ApplicationView, Page, PlacementView, RecommendedSlot, SlotView } from '@skillbridge/contracts';
import { scoreSlot } from '@skillbridge/domain';
import { insureAgreement, signAgreement } from '../../../test/support/agreements';
import { scrape, total } from '../../../test/support/metrics';
import { TestApi, demo } from '../../../test/support/test-api';

/** A lawful internship at hr@'s enterprise (860 staff: at most 86 concurrent interns). */
const internship = (overrides: Record<string, unknown> = {}) => ({
  type: 'internship',
  title: 'PLC 编程实习生',
  description: '汽车零部件产线的自动化改造，配备企业导师',
  majors: ['机电一体化技术'],
  skills: ['PLC编程'],
  district: '七里河区',
  startDate: '2027-03-01',
  endDate: '2027-08-31',
  capacity: 3,
  stipend: '3000.00',
  postWage: '3600.00',
  hoursPerDay: '8',
  nightShift: false,
  applicationDeadline: '2027-02-20',
  ...overrides,
});

describe('the marketplace (integration)', () => {
  let api: TestApi;
  let hr: string;
  let hrSoe: string;
  let student: string;
  let school: string;
  beforeAll(async () => {
    api = await TestApi.start();
    [hr, hrSoe, student, school] = await Promise.all(['hr', 'hr-soe', 'student', 'school'].map((who) => api.token(demo(who))));
  });
  afterAll(() => api.stop());

  const openSlot = async (overrides: Record<string, unknown> = {}, token = hr): Promise<SlotView> => {
    const created = await api.request<SlotView>('POST', '/slots', { token, body: internship(overrides) });
    if (created.status !== 201) throw new Error(`slot not created: ${JSON.stringify(created.body)}`);
    const published = await api.request<SlotView>('POST', `/slots/${created.body.id}/publish`, { token });
    if (published.status !== 200) throw new Error(`slot not published: ${JSON.stringify(published.body)}`);
    return published.body;
  };

  /** A student of the demo school with an offered, school-approved application to the slot (set up in SQL). */
  const offeredApplications = async (
    slot: SlotView,
    count: number,
    start = 0,
  ): Promise<Array<{ userId: string; applicationId: string; token: string }>> => {
    const schoolId = await api.organisationOf(demo('school'));
    const rows: Array<{ user_id: string; application_id: string }> = await api.db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, name, role, organisation_id)
         SELECT 'racer' || n || '-' || $4 || '@example.cn', 'x', '学生' || n, 'student', $1 FROM generate_series($5::int, $5::int + $3 - 1) n
         RETURNING id),
       s AS (INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year) SELECT id, $1, '2006-01-01', '机电一体化技术', 2024 FROM u RETURNING user_id)
       INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, school_approved_at, respond_by)
       SELECT $2, user_id, $1, $6, 'offered', now(), '2027-02-28' FROM s
       RETURNING student_id AS user_id, id AS application_id`,
      [schoolId, slot.id, count, slot.id.slice(0, 8), start, slot.enterpriseId],
    );
    return Promise.all(
      rows.map(async (row) => ({ userId: row.user_id, applicationId: row.application_id, token: await api.tokenFor(row.user_id) })),
    );
  };

  describe('posting slots under the internship rules', () => {
    it('posts a draft, publishes it, and shows seats left', async () => {
      const slot = await openSlot();
      expect(slot).toMatchObject({
        state: 'open',
        capacity: 3,
        taken: 0,
        seatsLeft: 3,
        enterpriseName: '兰州飞天智能装备有限公司',
        warnings: [],
      });
      const seen = await api.request<SlotView>('GET', `/slots/${slot.id}`, { token: student });
      expect(seen.body.seatsLeft).toBe(3);
    });

    it.each([
      ['pay below 80 % of the post’s wage', { stipend: '2879.99', postWage: '3600.00' }, 422, 'STIPEND_BELOW_FLOOR'],
      ['night shifts', { nightShift: true }, 422, 'NIGHT_SHIFT_NOT_ALLOWED'],
      ['more than 8 hours a day', { hoursPerDay: '9' }, 422, 'HOURS_EXCEEDED'],
      ['inverted dates', { startDate: '2027-09-01' }, 422, 'DATES_INVERTED'],
      ['capacity over 10 % of staff with the slots already open', { capacity: 81 }, 409, 'QUOTA_CAP_EXCEEDED'],
    ])('refuses %s', async (_, overrides, status, code) => {
      const reply = await api.request('POST', '/slots', { token: hr, body: internship(overrides) });
      expect(reply.status).toBe(status);
      expect(reply.body).toMatchObject({ code });
    });

    it('names the numbers of the broken rule, so a client can explain it', async () => {
      const reply = await api.request<{ facts: { cap: number; concurrentSeats: number } }>('POST', '/slots', {
        token: hr,
        body: internship({ capacity: 500 }),
      });
      expect(reply.body).toMatchObject({ code: 'QUOTA_CAP_EXCEEDED', facts: { cap: 86 } });
      expect(reply.body.facts.concurrentSeats).toBeGreaterThanOrEqual(0);
    });

    it('caps interns in one post at 20 % of its staff where the 10 % cap is checked (POST_CAP_EXCEEDED), on create, edit and publish, with the numbers', async () => {
      const over = await api.request<{ code: string; facts: Record<string, unknown> }>('POST', '/slots', {
        token: hr,
        body: internship({ capacity: 5, postStaff: 24 }),
      });
      expect(over).toMatchObject({ status: 409, body: { code: 'POST_CAP_EXCEEDED', facts: { cap: 4, postStaff: 24, capacity: 5 } } });
      const fits = await api.request<SlotView>('POST', '/slots', { token: hr, body: internship({ capacity: 4, postStaff: 24 }) });
      expect(fits.status).toBe(201);
      expect(fits.body.postStaff).toBe(24);
      const shrunk = await api.request('PATCH', `/slots/${fits.body.id}`, { token: hr, body: { postStaff: 19 } });
      expect(shrunk).toMatchObject({ status: 409, body: { code: 'POST_CAP_EXCEEDED', facts: { cap: 3 } } });
      expect((await api.request('POST', `/slots/${fits.body.id}/publish`, { token: hr })).status).toBe(200);
      const [{ post_staff }] = await api.db.query(`SELECT post_staff FROM slots WHERE id = $1`, [fits.body.id]);
      expect(post_staff).toBe(24);
    });

    it('warns, without refusing, when a post internship is far from six months', async () => {
      const reply = await api.request<SlotView>('POST', '/slots', { token: hr, body: internship({ endDate: '2027-04-15', capacity: 1 }) });
      expect(reply.status).toBe(201);
      expect(reply.body.warnings).toEqual(['POST_INTERNSHIP_LENGTH']);
    });

    it('refuses an unverified enterprise', async () => {
      const [row] = await api.db.query(
        `SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE o.verification = 'unverified' LIMIT 1`,
      );
      const reply = await api.request('POST', '/slots', { token: await api.tokenFor(row.id), body: internship() });
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ code: 'ENTERPRISE_NOT_VERIFIED' });
    });

    it('another enterprise cannot see, edit, publish or close a draft: 404', async () => {
      const draft = await api.request<SlotView>('POST', '/slots', { token: hr, body: internship({ capacity: 1 }) });
      for (const [method, path, body] of [
        ['GET', `/slots/${draft.body.id}`, undefined],
        ['PATCH', `/slots/${draft.body.id}`, { title: '被别人改了' }],
        ['POST', `/slots/${draft.body.id}/publish`, undefined],
        ['POST', `/slots/${draft.body.id}/close`, undefined],
      ] as const) {
        expect((await api.request(method, path, { token: hrSoe, body })).status).toBe(404);
      }
      expect((await api.request('GET', `/slots/${draft.body.id}`, { token: student })).status).toBe(404);
    });
  });

  describe('search and recommendations', () => {
    it('finds open slots by a Chinese phrase from the title or description', async () => {
      const slot = await openSlot({ title: '新能源电池检测实习生', description: '动力电池模组的质量检测', capacity: 1 });
      const byTitle = await api.request<Page<SlotView>>('GET', `/slots?q=${encodeURIComponent('电池检测')}`, { token: student });
      expect(byTitle.body.items.map((s) => s.id)).toContain(slot.id);
      const byDescription = await api.request<Page<SlotView>>('GET', `/slots?q=${encodeURIComponent('模组 质量')}`, { token: student });
      expect(byDescription.body.items.map((s) => s.id)).toEqual([slot.id]);
      const none = await api.request<Page<SlotView>>('GET', `/slots?q=${encodeURIComponent('烹饪')}`, { token: student });
      expect(none.body.items.map((s) => s.id)).not.toContain(slot.id);
    });

    it('pages through a phrase matching many slots in the full order, filters applied, each once', async () => {
      // More matches than a page: the search looks in a window of the next open slots first.
      const made: SlotView[] = [];
      for (let i = 0; i < 7; i++) {
        made.push(
          await openSlot({
            title: `琥珀鲸鱼装配实习生 ${i}`,
            capacity: 1,
            startDate: `2027-03-0${(i % 3) + 1}`,
            district: i < 4 ? '城关区' : '七里河区',
          }),
        );
      }
      const walk = async (filter: string): Promise<string[]> => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: Page<SlotView> } = await api.request<Page<SlotView>>(
            'GET',
            `/slots?q=${encodeURIComponent('琥珀鲸鱼')}&limit=2${filter}${cursor ? `&cursor=${cursor}` : ''}`,
            { token: student },
          );
          seen.push(...page.body.items.map((s) => s.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        return seen;
      };
      const order = (slots: SlotView[]) =>
        [...slots].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id)).map((s) => s.id);
      expect(await walk('')).toEqual(order(made));
      expect(await walk(`&district=${encodeURIComponent('城关区')}`)).toEqual(order(made.filter((s) => s.district === '城关区')));
      expect(await walk('&type=apprenticeship')).toEqual([]);
    });

    it('filters by type, major, district and dates', async () => {
      const reply = await api.request<Page<SlotView>>(
        'GET',
        `/slots?type=internship&major=${encodeURIComponent('护理')}&district=${encodeURIComponent('安宁区')}&from=2027-01-01&to=2027-12-31`,
        { token: student },
      );
      expect(reply.body.items.length).toBeGreaterThan(0);
      for (const slot of reply.body.items) {
        expect(slot).toMatchObject({ type: 'internship', district: '安宁区', state: 'open' });
        expect(slot.majors).toContain('护理');
        expect(slot.startDate >= '2027-01-01' && slot.endDate <= '2027-12-31').toBe(true);
      }
    });

    it('pages through every open student slot in a stable order, each once (a student never finds teacher practice)', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: Page<SlotView> } = await api.request<Page<SlotView>>(
          'GET',
          `/slots?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
          { token: student },
        );
        seen.push(...page.body.items.map((s) => s.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM slots WHERE state = 'open' AND type <> 'teacher_practice'`);
      expect(seen).toHaveLength(n);
      expect(new Set(seen).size).toBe(n);
    });

    it('recommends slots of the student’s major first, each with its score and reasons', async () => {
      const reply = await api.request<RecommendedSlot[]>('GET', '/slots/recommended?limit=5', { token: student });
      expect(reply.status).toBe(200);
      expect(reply.body.length).toBeGreaterThan(0);
      const scores = reply.body.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(reply.body[0].reasons).toContainEqual({ code: 'MAJOR_MATCH', major: '机电一体化技术' });
      expect(reply.body[0].slot.majors).toContain('机电一体化技术');
      expect((await api.request('GET', '/slots/recommended', { token: hr })).status).toBe(403);
    });

    it('each recommendation carries the domain’s score and reasons for the whole slot it shows', async () => {
      const [profile] = await api.db.query(
        `SELECT s.major, s.skills, s.preferred_districts AS "preferredDistricts",
                coalesce((SELECT json_agg(json_build_object('startDate', p.start_date, 'endDate', p.end_date)) FROM placements p
                           WHERE p.person_id = s.user_id AND p.status <> 'terminated'), '[]') AS busy
           FROM students s JOIN users u ON u.id = s.user_id WHERE u.email = $1`,
        [demo('student')],
      );
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const reply = await api.request<RecommendedSlot[]>('GET', '/slots/recommended?limit=10', { token: student });
      expect(reply.body.length).toBeGreaterThan(1);
      expect(reply.body.some((r) => r.reasons.some((reason) => reason.code === 'SKILLS_MATCH'))).toBe(true);
      for (const { slot, score, reasons, parts } of reply.body) {
        expect({ score, reasons, parts }).toEqual(scoreSlot(profile, slot, today));
      }
    });
  });

  describe('applying', () => {
    it('walks journey 2: apply, shortlist, offer, school approval, accept — and the hosted seat is taken', async () => {
      const slot = await openSlot();
      const applied = await api.request<ApplicationView>('POST', `/slots/${slot.id}/applications`, {
        token: student,
        body: { motivation: '我想学 PLC' },
      });
      expect(applied.status).toBe(201);
      expect(applied.body).toMatchObject({ status: 'submitted', slot: { id: slot.id }, student: { major: '机电一体化技术' } });
      const id = applied.body.id;

      expect((await api.request<ApplicationView>('POST', `/applications/${id}/shortlist`, { token: hr })).body.status).toBe('shortlisted');
      expect(
        (await api.request<ApplicationView>('POST', `/applications/${id}/offer`, { token: hr, body: { respondBy: '2027-02-25' } })).body,
      ).toMatchObject({
        status: 'offered',
        respondBy: '2027-02-25',
      });
      const early = await api.request('POST', `/applications/${id}/accept`, { token: student });
      expect(early.body).toMatchObject({ status: 409, code: 'SCHOOL_APPROVAL_REQUIRED' });

      const awaiting = await api.request<Page<ApplicationView>>('GET', '/applications?awaitingApproval=true', { token: school });
      expect(awaiting.body.items.map((a) => a.id)).toContain(id);
      expect(
        (await api.request<ApplicationView>('POST', `/applications/${id}/approve`, { token: school, body: {} })).body.schoolApprovedAt,
      ).not.toBeNull();

      const accepted = await api.request<ApplicationView>('POST', `/applications/${id}/accept`, { token: student });
      expect(accepted.body.status).toBe('accepted');
      // The accept answers with the application as it now stands: the same view a read gives.
      expect(accepted.body).toEqual((await api.request<ApplicationView>('GET', `/applications/${id}`, { token: student })).body);
      expect((await api.request<SlotView>('GET', `/slots/${slot.id}`, { token: student })).body).toMatchObject({ taken: 1, seatsLeft: 2 });

      const placements = await api.request<Page<PlacementView>>('GET', '/placements?year=2027', { token: hr });
      expect(placements.body.items.find((p) => p.applicationId === id)).toMatchObject({
        status: 'pending',
        kind: 'student',
        startDate: '2027-03-01',
      });

      // Every step told the student, the enterprise and the school, in the same transaction.
      const events = await api.db.query(`SELECT kind, cardinality(recipients) AS n FROM outbox_events WHERE subject_id = $1 ORDER BY id`, [
        id,
      ]);
      expect(events.map((e: { kind: string }) => e.kind)).toEqual([
        'application.submitted',
        'application.shortlisted',
        'application.offered',
        'application.approved',
        'application.accepted',
      ]);
      expect(events[0].n).toBe(3);
    });

    it('refuses a second live application to the same slot', async () => {
      const slot = await openSlot({ capacity: 1 });
      expect((await api.request('POST', `/slots/${slot.id}/applications`, { token: student, body: {} })).status).toBe(201);
      const again = await api.request('POST', `/slots/${slot.id}/applications`, { token: student, body: {} });
      expect(again.body).toMatchObject({ status: 409, code: 'ALREADY_APPLIED' });
    });

    it('refuses a student under 16 on the start date, and a first-year student in a post internship', async () => {
      const schoolId = await api.organisationOf(demo('school'));
      const slot = await openSlot({ capacity: 1 });
      const young = await api.request<{ person: { id: string }; initialPassword: string }>('POST', `/schools/${schoolId}/students`, {
        token: school,
        body: { name: '小明', email: 'young@example.cn', dateOfBirth: '2011-03-02', major: '数控技术', enrolmentYear: 2025 },
      });
      const tooYoung = await api.request('POST', `/slots/${slot.id}/applications`, {
        token: await api.tokenFor(young.body.person.id),
        body: {},
      });
      expect(tooYoung.body).toMatchObject({ status: 422, code: 'UNDER_MINIMUM_AGE' });

      const fresh = await api.request<{ person: { id: string } }>('POST', `/schools/${schoolId}/students`, {
        token: school,
        body: { name: '小红', email: 'fresh@example.cn', dateOfBirth: '2009-01-01', major: '数控技术', enrolmentYear: 2026 },
      });
      const firstYear = await api.request('POST', `/slots/${slot.id}/applications`, {
        token: await api.tokenFor(fresh.body.person.id),
        body: {},
      });
      expect(firstYear.body).toMatchObject({ status: 422, code: 'FIRST_YEAR_STUDENT' });
    });

    it('refuses applications to a closed slot or after the deadline', async () => {
      const closed = await openSlot({ capacity: 1 });
      await api.request('POST', `/slots/${closed.id}/close`, { token: hr });
      expect((await api.request('POST', `/slots/${closed.id}/applications`, { token: student, body: {} })).body).toMatchObject({
        code: 'SLOT_NOT_OPEN',
      });

      const late = await openSlot({ capacity: 1, startDate: '2026-12-15', endDate: '2027-05-31', applicationDeadline: '2026-11-01' });
      expect((await api.request('POST', `/slots/${late.id}/applications`, { token: student, body: {} })).body).toMatchObject({
        code: 'DEADLINE_PASSED',
      });
    });

    it('refuses illegal moves with 409 INVALID_TRANSITION', async () => {
      const slot = await openSlot({ capacity: 1 });
      const [racer] = await offeredApplications(slot, 1, 600);
      expect((await api.request('POST', `/applications/${racer.applicationId}/reject`, { token: hr })).status).toBe(200);
      const again = await api.request('POST', `/applications/${racer.applicationId}/shortlist`, { token: hr });
      expect(again.body).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
    });

    it('an offer past its respond-by date cannot be accepted', async () => {
      const slot = await openSlot({ capacity: 1 });
      const [racer] = await offeredApplications(slot, 1, 900);
      await api.db.query(`UPDATE applications SET respond_by = '2020-01-01' WHERE id = $1`, [racer.applicationId]);
      expect((await api.request('POST', `/applications/${racer.applicationId}/accept`, { token: racer.token })).body).toMatchObject({
        code: 'OFFER_EXPIRED',
      });
    });
  });

  describe('seats under contention', () => {
    it('200 students race for a 3-seat slot: exactly 3 win, 197 are told SLOT_FULL, nothing is oversold', async () => {
      const slot = await openSlot({ capacity: 3 });
      const racers = await offeredApplications(slot, 200);
      const replies = await Promise.all(
        racers.map((r) => api.request('POST', `/applications/${r.applicationId}/accept`, { token: r.token })),
      );
      expect(replies.filter((r) => r.status === 200)).toHaveLength(3);
      const refused = replies.filter((r) => r.status !== 200);
      expect(refused).toHaveLength(197);
      expect(refused.every((r) => (r.body as { code: string }).code === 'SLOT_FULL')).toBe(true);

      const [{ taken }] = await api.db.query('SELECT taken FROM slots WHERE id = $1', [slot.id]);
      const [{ placements }] = await api.db.query(`SELECT count(*)::int AS placements FROM placements WHERE slot_id = $1`, [slot.id]);
      const [{ accepted }] = await api.db.query(
        `SELECT count(*)::int AS accepted FROM applications WHERE slot_id = $1 AND status = 'accepted'`,
        [slot.id],
      );
      expect({ taken, placements, accepted }).toEqual({ taken: 3, placements: 3, accepted: 3 });
    });

    it('a student accepting offers for overlapping dates in parallel holds exactly one placement', async () => {
      const slots = await Promise.all([0, 1, 2, 3].map(() => openSlot({ capacity: 1 })));
      const [first] = await offeredApplications(slots[0], 1, 500);
      const applicationIds = [first.applicationId];
      for (const slot of slots.slice(1)) {
        const [{ id }] = await api.db.query(
          `INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, school_approved_at)
           SELECT $1, $2, school_id, $3, 'offered', now() FROM students WHERE user_id = $2 RETURNING id`,
          [slot.id, first.userId, slot.enterpriseId],
        );
        applicationIds.push(id);
      }
      const replies = await Promise.all(
        applicationIds.map((id) => api.request('POST', `/applications/${id}/accept`, { token: first.token })),
      );
      expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
      expect(replies.filter((r) => (r.body as { code?: string }).code === 'PLACEMENT_OVERLAP')).toHaveLength(3);
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM placements WHERE person_id = $1`, [first.userId]);
      const [{ taken }] = await api.db.query(`SELECT sum(taken)::int AS taken FROM slots WHERE id = ANY($1)`, [slots.map((s) => s.id)]);
      expect({ n, taken }).toEqual({ n: 1, taken: 1 });
    });
    it('accepts arriving together go to the database together, and each is answered for itself', async () => {
      const metrics = api.url.replace(/\/api\/v1$/, '/metrics');
      const before = await scrape(metrics);
      const small = await openSlot({ capacity: 2 });
      const roomy = await openSlot({ capacity: 40 });
      const [smallRacers, roomyRacers] = [await offeredApplications(small, 5, 1000), await offeredApplications(roomy, 30, 1100)];
      const [unapproved, expired, declined, overlapping, clicker] = roomyRacers.slice(25);
      await api.db.query(`UPDATE applications SET school_approved_at = NULL WHERE id = $1`, [unapproved.applicationId]);
      await api.db.query(`UPDATE applications SET respond_by = '2020-01-01' WHERE id = $1`, [expired.applicationId]);
      await api.db.query(`UPDATE applications SET status = 'declined' WHERE id = $1`, [declined.applicationId]);
      // This student already holds a placement for the same months: their accept fails inside a shared statement.
      const earlier = await openSlot({ capacity: 1 });
      const [{ id: earlierApplication }] = await api.db.query(
        `INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, school_approved_at)
         SELECT $1, $2, school_id, $3, 'offered', now() FROM students WHERE user_id = $2 RETURNING id`,
        [earlier.id, overlapping.userId, earlier.enterpriseId],
      );
      expect((await api.request('POST', `/applications/${earlierApplication}/accept`, { token: overlapping.token })).status).toBe(200);

      const calls = [
        ...[...smallRacers, ...roomyRacers].map((r) => ({ racer: r, token: r.token })),
        { racer: clicker, token: clicker.token }, // a double click
        { racer: smallRacers[0], token: roomyRacers[0].token }, // someone else's application
      ];
      const replies = await Promise.all(
        calls.map(({ racer, token }) =>
          api.request<ApplicationView & { code?: string }>('POST', `/applications/${racer.applicationId}/accept`, { token }),
        ),
      );
      const codeOf = (i: number) => (replies[i].status === 200 ? replies[i].body.status : replies[i].body.code);
      const outcomes = calls.map((_, i) => codeOf(i));

      // The small slot: two seats, five offers.
      expect(outcomes.slice(0, 5).filter((o) => o === 'accepted')).toHaveLength(2);
      expect(outcomes.slice(0, 5).filter((o) => o === 'SLOT_FULL')).toHaveLength(3);
      // The roomy slot: the 25 lawful offers all win; each refusal names its own reason.
      expect(outcomes.slice(5, 30)).toEqual(Array(25).fill('accepted'));
      expect(outcomes.slice(30, 35)).toEqual([
        'SCHOOL_APPROVAL_REQUIRED',
        'OFFER_EXPIRED',
        'INVALID_TRANSITION',
        'PLACEMENT_OVERLAP',
        expect.stringMatching(/^(accepted|INVALID_TRANSITION)$/),
      ]);
      expect([outcomes[34], outcomes[35]].sort()).toEqual(['INVALID_TRANSITION', 'accepted']);
      expect(replies[36].status).toBe(404);
      // Every acceptance answers with its own application, as a read of it shows it.
      for (const [i, reply] of replies.entries()) {
        if (reply.status !== 200) continue;
        expect(reply.body.id).toBe(calls[i].racer.applicationId);
        expect(reply.body).toEqual((await api.request('GET', `/applications/${reply.body.id}`, { token: calls[i].token })).body);
      }
      const [counts] = await api.db.query(
        `SELECT (SELECT taken FROM slots WHERE id = $1) AS small_taken, (SELECT taken FROM slots WHERE id = $2) AS roomy_taken,
                (SELECT count(*)::int FROM placements WHERE slot_id IN ($1, $2)) AS placements,
                (SELECT count(*)::int FROM outbox_events e JOIN applications a ON a.id = e.subject_id WHERE e.kind = 'application.accepted' AND a.slot_id IN ($1, $2)) AS events`,
        [small.id, roomy.id],
      );
      expect(counts).toEqual({ small_taken: 2, roomy_taken: 26, placements: 28, events: 28 });

      // And they did share statements: fewer statements than accepts.
      const after = await scrape(metrics);
      const statements = total(after, 'skillbridge_accepts_per_statement_count') - total(before, 'skillbridge_accepts_per_statement_count');
      const accepts = total(after, 'skillbridge_accepts_per_statement_sum') - total(before, 'skillbridge_accepts_per_statement_sum');
      expect(accepts).toBeGreaterThanOrEqual(calls.length);
      expect(statements).toBeLessThan(accepts);
    });
  });

  describe('placements', () => {
    it('starts only under its agreement signed by every party (a minor’s guardian too) with insurance; then completes with an evaluation', async () => {
      const slot = await openSlot({ capacity: 1 });
      const [racer] = await offeredApplications(slot, 1, 700);
      await api.db.query(`UPDATE students SET date_of_birth = '2009-06-01' WHERE user_id = $1`, [racer.userId]); // 17 on 2027-03-01
      expect((await api.request('POST', `/applications/${racer.applicationId}/accept`, { token: racer.token })).status).toBe(200);
      const [placement] = (await api.request<Page<PlacementView>>('GET', '/placements', { token: racer.token })).body.items;

      expect((await api.request('POST', `/placements/${placement.id}/activate`, { token: hr, body: {} })).body).toMatchObject({
        code: 'INSURANCE_NOT_COVERING',
      });
      await insureAgreement(api, placement.id, 'PICC-2027-0001');
      expect((await api.request('POST', `/placements/${placement.id}/activate`, { token: hr, body: {} })).body).toMatchObject({
        code: 'AGREEMENT_NOT_SIGNED',
        facts: { missing: ['school', 'enterprise', 'student', 'guardian'] },
      });
      await signAgreement(api, placement.id, { policyNo: 'PICC-2027-0001' });
      expect(
        (await api.request('POST', `/placements/${placement.id}/activate`, { token: hr, body: { insurancePolicyNo: 'PICC-2027-0002' } }))
          .body,
      ).toMatchObject({ code: 'INSURANCE_MISMATCH' });
      expect(
        (await api.request('POST', `/placements/${placement.id}/activate`, { token: hrSoe, body: { insurancePolicyNo: 'PICC-2027-0001' } }))
          .status,
      ).toBe(404);
      // Everything is in order but the calendar: it starts on 2027-03-01.
      expect(
        (await api.request('POST', `/placements/${placement.id}/activate`, { token: hr, body: { insurancePolicyNo: 'PICC-2027-0001' } }))
          .body,
      ).toMatchObject({
        code: 'PLACEMENT_NOT_STARTED',
        facts: { startDate: '2027-03-01' },
      });
      // Time passes (the dates moved back, as the clock cannot be): from its first day it starts, after its last it completes.
      await api.db.query(`UPDATE placements SET start_date = current_date - 40, end_date = current_date - 1 WHERE id = $1`, [placement.id]);
      const active = await api.request<PlacementView>('POST', `/placements/${placement.id}/activate`, {
        token: hr,
        body: { insurancePolicyNo: 'PICC-2027-0001' },
      });
      expect(active.body).toMatchObject({ status: 'active', insurancePolicyNo: 'PICC-2027-0001' });

      const done = await api.request<PlacementView>('POST', `/placements/${placement.id}/complete`, {
        token: hr,
        body: { evaluation: '认真负责，技能提升明显' },
      });
      expect(done.body).toMatchObject({ status: 'completed', evaluation: '认真负责，技能提升明显' });
      expect(
        (await api.request('POST', `/placements/${placement.id}/complete`, { token: hr, body: { evaluation: '再来一次' } })).body,
      ).toMatchObject({ code: 'INVALID_TRANSITION' });
    });
  });

  describe('object-level authorization: another tenant’s ids are 404', () => {
    it('for applications, whatever the role', async () => {
      const slot = await openSlot({ capacity: 1 });
      const [{ applicationId: id }] = await offeredApplications(slot, 1, 800);
      const otherStudent = await api.token(demo('student9'));
      const otherSchool = await api.token(demo('school2'));
      const attempts: Array<[string, string, string, unknown?]> = [
        [otherStudent, 'GET', `/applications/${id}`],
        [otherStudent, 'POST', `/applications/${id}/withdraw`],
        [otherStudent, 'POST', `/applications/${id}/decline`],
        [otherStudent, 'POST', `/applications/${id}/accept`],
        [hrSoe, 'GET', `/applications/${id}`],
        [hrSoe, 'POST', `/applications/${id}/shortlist`],
        [hrSoe, 'POST', `/applications/${id}/offer`, { respondBy: '2027-02-25' }],
        [hrSoe, 'POST', `/applications/${id}/reject`],
        [otherSchool, 'GET', `/applications/${id}`],
        [otherSchool, 'POST', `/applications/${id}/approve`, {}],
      ];
      for (const [token, method, path, body] of attempts) {
        const reply = await api.request(method, path, { token, body });
        expect({ path, status: reply.status }).toEqual({ path, status: 404 });
      }
      const [{ status }] = await api.db.query('SELECT status FROM applications WHERE id = $1', [id]);
      expect(status).toBe('offered');
    });

    it('lists hold only the asker’s side', async () => {
      const mine = await api.request<Page<ApplicationView>>('GET', '/applications', { token: student });
      expect(mine.body.items.every((a) => a.student.id === mine.body.items[0].student.id)).toBe(true);
      const hrId = await api.organisationOf(demo('hr'));
      const theirs = await api.request<Page<ApplicationView>>('GET', '/applications', { token: hr });
      expect(theirs.body.items.length).toBeGreaterThan(0);
      expect(theirs.body.items.every((a) => a.slot.enterpriseId === hrId)).toBe(true);
      // hr-soe@'s enterprise has the demo's interns of its own, and nothing of hr@'s.
      const soeId = await api.organisationOf(demo('hr-soe'));
      const soe = await api.request<Page<ApplicationView>>('GET', '/applications', { token: hrSoe });
      expect(soe.body.items.every((a) => a.slot.enterpriseId === soeId)).toBe(true);
      const schoolId = await api.organisationOf(demo('school2'));
      const schoolView = await api.request<Page<ApplicationView>>('GET', '/applications', { token: await api.token(demo('school2')) });
      expect(schoolView.body.items.every((a) => a.student.schoolId === schoolId)).toBe(true);
    });

    it('for placements', async () => {
      const [placement] = (await api.request<Page<PlacementView>>('GET', '/placements', { token: hr })).body.items;
      expect(placement).toBeDefined();
      for (const token of [hrSoe, await api.token(demo('student9')), await api.token(demo('school2'))]) {
        expect((await api.request('GET', `/placements/${placement.id}`, { token })).status).toBe(404);
      }
      const sasac = await api.request<Page<PlacementView>>('GET', '/placements?limit=200', { token: await api.token(demo('sasac')) });
      expect(sasac.body.items.map((p) => p.id)).not.toContain(placement.id);
      const miit = await api.request<Page<PlacementView>>('GET', `/placements?enterpriseId=${placement.enterprise.id}&limit=200`, {
        token: await api.token(demo('miit')),
      });
      expect(miit.body.items.map((p) => p.id)).toContain(placement.id);
    });
  });
});
