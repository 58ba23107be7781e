import type { MatchApplicantsView, MatchResultView, MatchRoundView, NotificationView, Page, SlotView } from '@skillbridge/contracts';
import { deferredAcceptance, hrInstanceFromLists, rankByCriteria } from '@skillbridge/domain';
import { uniqueSuffix } from '../../../test/support/database';
import { RunningProcess } from '../../../test/support/processes';
import { eventually } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

/**
 * Journey 5 (domain §4) on a small round, end to end through the HTTP API and the worker: the education
 * bureau creates and opens a round, students submit rank-order lists, enterprises rank (or let the round
 * rank by criteria), the worker runs deferred acceptance, the bureau publishes, everyone is told, and a
 * second round takes the seats left.
 */
describe('match rounds (integration)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let worker: RunningProcess;
  let edu: string;
  let hr: string;
  let hrSoe: string;
  let school2: string;
  let schoolAdmin: string;
  let demoStudent: string;
  let students: Array<{ id: string; token: string; major: string }>;
  /** Slots: A (hr, 2 seats), B (hr, 1), C (hr-soe, 1), D (hr-soe, 2, listed by nobody), E (hr, not in the round). */
  const slots: Record<'A' | 'B' | 'C' | 'D' | 'E', SlotView> = {} as never;
  let round: MatchRoundView;

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
    worker = await startWorker({ DATABASE_URL: api.database.url, QUEUE_PREFIX: queuePrefix });
    [edu, hr, hrSoe, school2, schoolAdmin, demoStudent] = await Promise.all(
      ['edu', 'hr', 'hr-soe', 'school2', 'school', 'student'].map((who) => api.token(demo(who))),
    );
    const post = async (token: string, title: string, capacity: number, majors: string[]): Promise<SlotView> => {
      const created = await api.request<SlotView>('POST', '/slots', {
        token,
        body: {
          type: 'internship',
          title,
          description: '撮合轮次岗位',
          majors,
          district: '兰州新区',
          startDate: '2027-03-01',
          endDate: '2027-08-31',
          capacity,
          stipend: '3000',
          postWage: '3600',
          hoursPerDay: '8',
          nightShift: false,
        },
      });
      expect(created.status).toBe(201);
      return (await api.request<SlotView>('POST', `/slots/${created.body.id}/publish`, { token })).body;
    };
    slots.A = await post(hr, '数控加工实习生（撮合）', 2, ['数控技术']);
    slots.B = await post(hr, '工业机器人运维（撮合）', 1, ['机电一体化技术']);
    slots.C = await post(hrSoe, '车辆检修实习生（撮合）', 1, ['汽车检测与维修技术']);
    slots.D = await post(hrSoe, '调度中心实习生（撮合）', 2, ['现代物流管理']);
    slots.E = await post(hr, '不在轮次中的岗位', 1, ['数控技术']);
    // Six second-year students of the demo school, made in SQL (signing each in would cost seconds).
    const schoolId = await api.organisationOf(demo('school'));
    const majors = ['数控技术', '机电一体化技术', '数控技术', '汽车检测与维修技术', '机电一体化技术', '数控技术'];
    const rows: Array<{ id: string }> = await api.db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id)
                  SELECT 'round-student-' || n || '@example.cn', 'x', '撮合学生' || n, 'student', $1 FROM generate_series(0, 5) n RETURNING id, email)
       INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year)
       SELECT u.id, $1, '2006-05-01', ($2::text[])[substring(u.email FROM 'round-student-(\\d)')::int + 1], 2025 FROM u
       RETURNING user_id AS id, major`,
      [schoolId, majors],
    );
    const byMajorOrder = await api.db.query(
      `SELECT user_id AS id, major FROM students WHERE user_id = ANY($1) ORDER BY (SELECT email FROM users WHERE id = user_id)`,
      [rows.map((r) => r.id)],
    );
    students = await Promise.all(
      byMajorOrder.map(async (r: { id: string; major: string }) => ({ id: r.id, major: r.major, token: await api.tokenFor(r.id) })),
    );
    // Two processes to start and six sign-ins (argon2): more than the default on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.stop();
  });

  const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
  const problem = (reply: { status: number; body: unknown }) => ({ status: reply.status, code: (reply.body as { code?: string }).code });
  const ranUntil = async (id: string, token = edu): Promise<MatchRoundView> =>
    eventually(
      async () => (await api.request<MatchRoundView>('GET', `/match-rounds/${id}`, { token })).body,
      (view) => !view.running && view.status === 'ran',
      20_000,
    );

  it('the education bureau creates a round over open slots; a draft is the owner’s alone', async () => {
    const created = await api.request<MatchRoundView>('POST', '/match-rounds', {
      token: edu,
      body: {
        name: '2027 届岗位实习撮合',
        slotIds: [slots.A.id, slots.B.id, slots.C.id, slots.D.id],
        preferenceDeadline: tomorrow(),
        seed: 'seed-2027',
      },
    });
    expect({ status: created.status, body: created.status === 201 ? null : created.body }).toEqual({ status: 201, body: null });
    round = created.body;
    expect(round).toMatchObject({ status: 'draft', seed: 'seed-2027', canManage: true, slotCount: 4, owner: { authority: 'EDU' } });
    expect(round.slots?.map((s) => s.capacity).sort()).toEqual([1, 1, 2, 2]);

    // Refusals at creation: a slot that is not open, a deadline passed, a role that runs no rounds.
    const draftSlot = await api.request<SlotView>('POST', '/slots', {
      token: hr,
      body: {
        type: 'internship',
        title: '草稿岗位',
        description: '',
        majors: ['数控技术'],
        district: '兰州新区',
        startDate: '2027-03-01',
        endDate: '2027-08-31',
        capacity: 1,
        stipend: '3000',
        postWage: '3600',
        hoursPerDay: '8',
        nightShift: false,
      },
    });
    expect(
      problem(
        await api.request('POST', '/match-rounds', {
          token: edu,
          body: { name: 'x', slotIds: [draftSlot.body.id], preferenceDeadline: tomorrow() },
        }),
      ),
    ).toEqual({ status: 422, code: 'SLOT_NOT_ELIGIBLE' });
    expect(
      problem(
        await api.request('POST', '/match-rounds', {
          token: edu,
          body: { name: 'x', slotIds: [slots.A.id], preferenceDeadline: '2020-01-01' },
        }),
      ),
    ).toEqual({ status: 422, code: 'DEADLINE_IN_PAST' });
    expect(
      problem(
        await api.request('POST', '/match-rounds', {
          token: hr,
          body: { name: 'x', slotIds: [slots.A.id], preferenceDeadline: tomorrow() },
        }),
      ),
    ).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(
      problem(
        await api.request('POST', '/match-rounds', {
          token: edu,
          body: { name: 'x', slotIds: [slots.A.id], preferenceDeadline: tomorrow(), extra: 1 },
        }),
      ),
    ).toEqual({ status: 400, code: 'VALIDATION_FAILED' });

    // Nobody else sees a draft; running it is an illegal move.
    expect(problem(await api.request('GET', `/match-rounds/${round.id}`, { token: students[0].token }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(problem(await api.request('GET', `/match-rounds/${round.id}`, { token: hr }))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(problem(await api.request('POST', `/match-rounds/${round.id}/run`, { token: edu }))).toEqual({
      status: 409,
      code: 'INVALID_TRANSITION',
    });
  });

  it('opens for lists: students rank up to 10 slots of the round, once each, before the deadline', async () => {
    expect((await api.request<MatchRoundView>('POST', `/match-rounds/${round.id}/open`, { token: edu })).body.status).toBe('collecting');
    expect(problem(await api.request('POST', `/match-rounds/${round.id}/open`, { token: edu }))).toEqual({
      status: 409,
      code: 'INVALID_TRANSITION',
    });
    // Another school's admin sees the bureau's round but cannot steer it.
    expect((await api.request('GET', `/match-rounds/${round.id}`, { token: school2 })).status).toBe(200);
    expect(problem(await api.request('POST', `/match-rounds/${round.id}/close`, { token: school2 }))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });

    const { A, B, C, E } = slots;
    const lists = [[A, B, C], [A], [B, A], [C, A], [A, C], [B]];
    for (const [i, list] of lists.entries()) {
      const reply = await api.request<MatchRoundView>('PUT', `/match-rounds/${round.id}/preferences`, {
        token: students[i].token,
        body: { slotIds: list.map((s) => s.id) },
      });
      expect(reply.status).toBe(200);
      expect(reply.body.myPreferences).toEqual(list.map((s) => s.id));
    }
    const eleven = Array.from({ length: 11 }, () => crypto.randomUUID());
    const refusals: Array<[string[], number, string]> = [
      [eleven, 422, 'TOO_MANY_PREFERENCES'],
      [[A.id, E.id], 422, 'SLOT_NOT_IN_ROUND'],
      [[A.id, B.id, A.id], 422, 'DUPLICATE_PREFERENCE'],
      [[], 422, 'PREFERENCES_EMPTY'],
      [['not-a-uuid'], 400, 'VALIDATION_FAILED'],
    ];
    for (const [slotIds, status, code] of refusals) {
      expect({
        code,
        got: problem(await api.request('PUT', `/match-rounds/${round.id}/preferences`, { token: students[1].token, body: { slotIds } })),
      }).toEqual({ code, got: { status, code } });
    }
    expect(problem(await api.request('PUT', `/match-rounds/${round.id}/preferences`, { token: hr, body: { slotIds: [A.id] } }))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    // Enterprises rank once collecting is over.
    expect(
      problem(
        await api.request('PUT', `/match-rounds/${round.id}/rankings/${A.id}`, { token: hr, body: { studentIds: [students[0].id] } }),
      ),
    ).toEqual({ status: 409, code: 'ROUND_NOT_RANKING' });

    // Past the deadline no list is taken (the deadline moved into the past, then back).
    await api.db.query(`UPDATE match_rounds SET preference_deadline = now() - interval '1 minute' WHERE id = $1`, [round.id]);
    const late = await api.request('PUT', `/match-rounds/${round.id}/preferences`, { token: students[1].token, body: { slotIds: [B.id] } });
    await api.db.query(`UPDATE match_rounds SET preference_deadline = now() + interval '1 day' WHERE id = $1`, [round.id]);
    expect(problem(late)).toEqual({ status: 409, code: 'PREFERENCE_DEADLINE_PASSED' });
    const [{ slot_ids }] = await api.db.query(`SELECT slot_ids FROM match_preferences WHERE round_id = $1 AND student_id = $2`, [
      round.id,
      students[1].id,
    ]);
    expect(slot_ids).toEqual([A.id]);
  });

  it('closes collecting; each enterprise ranks only its own slots’ applicants', async () => {
    expect((await api.request<MatchRoundView>('POST', `/match-rounds/${round.id}/close`, { token: edu })).body.status).toBe('ranking');
    expect(
      problem(
        await api.request('PUT', `/match-rounds/${round.id}/preferences`, { token: students[1].token, body: { slotIds: [slots.B.id] } }),
      ),
    ).toEqual({ status: 409, code: 'ROUND_NOT_COLLECTING' });

    const applicants = await api.request<MatchApplicantsView>('GET', `/match-rounds/${round.id}/applicants/${slots.A.id}`, { token: hr });
    expect(applicants.status).toBe(200);
    expect(applicants.body.applicants.map((a) => a.studentId).sort()).toEqual([0, 1, 2, 3, 4].map((i) => students[i].id).sort());
    expect(applicants.body.ranking).toBeNull();
    expect(applicants.body.suggested).toHaveLength(5);
    // Another enterprise cannot see or rank hr@'s slot.
    expect(problem(await api.request('GET', `/match-rounds/${round.id}/applicants/${slots.A.id}`, { token: hrSoe }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(
      problem(await api.request('PUT', `/match-rounds/${round.id}/rankings/${slots.A.id}`, { token: hrSoe, body: { studentIds: [] } })),
    ).toEqual({ status: 404, code: 'NOT_FOUND' });
    // Only students who listed the slot may be ranked (students[5] listed B only); students[3] is left out: unacceptable to A.
    expect(
      problem(
        await api.request('PUT', `/match-rounds/${round.id}/rankings/${slots.A.id}`, {
          token: hr,
          body: { studentIds: [students[4].id, students[5].id] },
        }),
      ),
    ).toEqual({ status: 422, code: 'NOT_AN_APPLICANT' });

    const ranked = await api.request<MatchApplicantsView>('PUT', `/match-rounds/${round.id}/rankings/${slots.A.id}`, {
      token: hr,
      body: { studentIds: [4, 2, 0, 1].map((i) => students[i].id) },
    });
    expect(ranked.status).toBe(200);
    expect(ranked.body.ranking).toEqual([4, 2, 0, 1].map((i) => students[i].id));
  });

  /** The assignment the engine gives for the inputs as this test knows them: student index → slot letter. */
  const expected = (): Record<number, string | null> => {
    const letters = ['A', 'B', 'C', 'D'] as const;
    const lists = [['A', 'B', 'C'], ['A'], ['B', 'A'], ['C', 'A'], ['A', 'C'], ['B']];
    const applicantsOf = (l: string) => students.map((s, i) => ({ s, i })).filter(({ i }) => lists[i].includes(l));
    const ranking = (l: (typeof letters)[number]): number[] => {
      if (l === 'A') return [4, 2, 0, 1];
      const order = rankByCriteria(
        applicantsOf(l).map(({ s }) => ({ studentId: s.id, major: s.major, skills: [] })),
        { majors: slots[l].majors, skills: slots[l].skills },
        { seed: 'seed-2027', slotId: slots[l].id },
      );
      return order.map((id) => students.findIndex((s) => s.id === id));
    };
    const instance = hrInstanceFromLists({
      choices: lists.map((list) => list.map((l) => letters.indexOf(l as never))),
      slots: letters.map((l) => ({ capacity: slots[l].capacity, ranking: ranking(l) })),
    });
    const { assignment } = deferredAcceptance(instance);
    return Object.fromEntries(students.map((_, i) => [i, assignment[i] < 0 ? null : letters[assignment[i]]]));
  };
  const assignmentOf = (result: MatchResultView): Record<number, string | null> =>
    Object.fromEntries(
      students.map((s, i) => {
        const line = result.lines.find((l) => l.studentId === s.id);
        const letter = (Object.keys(slots) as Array<keyof typeof slots>).find((l) => slots[l].id === line?.slot?.id);
        return [i, letter ?? null];
      }),
    );

  let firstRun: MatchResultView;

  it('runs in the worker: a stable result equal to the engine’s, figures for the owner, nothing for participants yet', async () => {
    expect(problem(await api.request('POST', `/match-rounds/${round.id}/run`, { token: school2 }))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    const started = await api.request<MatchRoundView>('POST', `/match-rounds/${round.id}/run`, { token: edu });
    expect(started.status).toBe(202);
    const ran = await ranUntil(round.id);
    expect(ran.algorithmVersion).toMatch(/deferred acceptance/);
    // Each slot's applicants, as the run counted them from the closed lists.
    const view = (await api.request<MatchRoundView>('GET', `/match-rounds/${round.id}`, { token: edu })).body;
    const applicants = Object.fromEntries((view.slots ?? []).map((s) => [s.id, s.applicants]));
    expect(applicants).toEqual({ [slots.A.id]: 5, [slots.B.id]: 3, [slots.C.id]: 3, [slots.D.id]: 0 });

    const result = await api.request<MatchResultView>('GET', `/match-rounds/${round.id}/result`, { token: edu });
    expect(result.status).toBe(200);
    firstRun = result.body;
    expect(firstRun).toMatchObject({ stable: true, blockingPairs: 0, problems: 0, published: false, seed: 'seed-2027', totalLines: 6 });
    expect(assignmentOf(firstRun)).toEqual(expected());
    const matched = Object.values(expected()).filter((v) => v !== null).length;
    expect(firstRun.figures).toMatchObject({
      students: 6,
      slots: 4,
      seats: 6,
      matched,
      unmatched: 6 - matched,
      automaticSlots: 3,
      excludedPairs: 0,
    });
    expect(firstRun.figures!.firstChoice).toBe(firstRun.lines.filter((l) => l.choice === 1).length);

    // The stored instance is hr-instance v1, for any other solver.
    const instance = await api.request<string>('GET', `/match-rounds/${round.id}/instance`, { token: edu });
    expect(instance.status).toBe(200);
    expect(String(instance.body)).toMatch(/^hr-instance v1\nstudents 6 slots 4\n/);

    expect(problem(await api.request('GET', `/match-rounds/${round.id}/result`, { token: students[0].token }))).toEqual({
      status: 409,
      code: 'RESULT_NOT_PUBLISHED',
    });
  });

  it('re-running the same inputs gives the same result', async () => {
    expect((await api.request('POST', `/match-rounds/${round.id}/run`, { token: edu })).status).toBe(202);
    await ranUntil(round.id);
    const again = (await api.request<MatchResultView>('GET', `/match-rounds/${round.id}/result`, { token: edu })).body;
    expect(again.runId).not.toBe(firstRun.runId);
    expect(again.inputsSha256).toBe(firstRun.inputsSha256);
    expect(again.lines).toEqual(firstRun.lines);
    const runs = await api.db.query(`SELECT assignment FROM match_runs WHERE round_id = $1 ORDER BY request`, [round.id]);
    expect(runs).toHaveLength(2);
    expect(runs[1].assignment).toEqual(runs[0].assignment);
  });

  it('a publish that fails leaves nothing behind; then publishing makes every placement and notification at once', async () => {
    const matchedLine = firstRun.lines.find((l) => l.slot)!;
    // The matched student took an overlapping placement after the run (E, outside the round).
    const [{ id: clash }] = await api.db.query(
      `INSERT INTO placements (kind, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date)
       SELECT 'student', s.id, s.enterprise_id, st.user_id, st.school_id, 'internship', '2027-04-01', '2027-05-31' FROM slots s, students st WHERE s.id = $1 AND st.user_id = $2 RETURNING id`,
      [slots.E.id, matchedLine.studentId],
    );
    const count = async () => {
      const [row] = await api.db.query(
        `SELECT (SELECT count(*) FROM placements WHERE slot_id = ANY($1))::int AS placements, (SELECT count(*) FROM applications WHERE slot_id = ANY($1))::int AS applications,
                (SELECT count(*) FROM outbox_events WHERE subject_id = $2)::int AS events, (SELECT sum(taken) FROM slots WHERE id = ANY($1))::int AS taken`,
        [[slots.A.id, slots.B.id, slots.C.id, slots.D.id], round.id],
      );
      return row;
    };
    const before = await count();
    expect(problem(await api.request('POST', `/match-rounds/${round.id}/publish`, { token: edu }))).toEqual({
      status: 409,
      code: 'PLACEMENT_OVERLAP',
    });
    expect(await count()).toEqual(before);
    expect((await api.request<MatchRoundView>('GET', `/match-rounds/${round.id}`, { token: edu })).body.status).toBe('ran');
    await api.db.query(`DELETE FROM placements WHERE id = $1`, [clash]);

    expect(problem(await api.request('POST', `/match-rounds/${round.id}/publish`, { token: school2 }))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    const published = await api.request<MatchRoundView>('POST', `/match-rounds/${round.id}/publish`, { token: edu });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.slots).toBeUndefined(); // GET /match-rounds/:id has them
    const matched = firstRun.lines.filter((l) => l.slot).length;
    expect(await count()).toEqual({ placements: matched, applications: matched, events: 6 + 2, taken: matched });
    const placements = await api.db.query(
      `SELECT p.person_id, p.slot_id, p.status, a.status AS application FROM placements p JOIN applications a ON a.id = p.application_id WHERE p.slot_id = ANY($1)`,
      [[slots.A.id, slots.B.id, slots.C.id, slots.D.id]],
    );
    expect(placements.map((p: { person_id: string; slot_id: string }) => `${p.person_id}>${p.slot_id}`).sort()).toEqual(
      firstRun.lines
        .filter((l) => l.slot)
        .map((l) => `${l.studentId}>${l.slot!.id}`)
        .sort(),
    );
    expect(placements.every((p: { status: string; application: string }) => p.status === 'pending' && p.application === 'accepted')).toBe(
      true,
    );
    const kinds = await api.db.query(
      `SELECT kind, count(*)::int AS n FROM outbox_events WHERE subject_id = $1 GROUP BY kind ORDER BY kind`,
      [round.id],
    );
    expect(kinds).toEqual([
      { kind: 'round.matched', n: matched },
      { kind: 'round.published', n: 2 },
      { kind: 'round.unmatched', n: 6 - matched },
    ]);
    expect(problem(await api.request('POST', `/match-rounds/${round.id}/publish`, { token: edu }))).toEqual({
      status: 409,
      code: 'INVALID_TRANSITION',
    });

    // The worker delivers: a matched student's inbox names the slot.
    const token = students.find((s) => s.id === matchedLine.studentId)!.token;
    const inbox = await eventually(
      async () =>
        (await api.request<Page<NotificationView>>('GET', '/notifications', { token })).body.items.find((n) => n.kind === 'round.matched'),
      (hit) => hit !== undefined,
      20_000,
    );
    expect(inbox!.body).toContain(matchedLine.slot!.title);
  });

  it('each participant sees only their own line; outsiders see nothing', async () => {
    for (const [i, s] of students.entries()) {
      const mine = await api.request<MatchResultView>('GET', `/match-rounds/${round.id}/result`, { token: s.token });
      expect({ i, status: mine.status }).toEqual({ i, status: 200 });
      expect(mine.body.lines.map((l) => l.studentId)).toEqual([s.id]);
      expect(mine.body.figures).toBeNull();
    }
    const soe = await api.request<MatchResultView>('GET', `/match-rounds/${round.id}/result`, { token: hrSoe });
    expect(soe.body.lines.every((l) => l.slot && [slots.C.id, slots.D.id].includes(l.slot.id))).toBe(true);
    // student@ listed nothing in this round: no line of theirs.
    expect(problem(await api.request('GET', `/match-rounds/${round.id}/result`, { token: demoStudent }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const teacher = await api.token(demo('teacher'));
    expect((await api.request<MatchRoundView[]>('GET', '/match-rounds', { token: teacher })).body).toEqual([]);
    expect(problem(await api.request('GET', `/match-rounds/${round.id}`, { token: teacher }))).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('a second round opens over the seats left for the students left unmatched; a clashing placement is left out at run time', async () => {
    const second = await api.request<MatchRoundView>('POST', `/match-rounds/${round.id}/second-round`, {
      token: edu,
      body: { name: '第二轮撮合', preferenceDeadline: tomorrow() },
    });
    expect(second.status).toBe(201);
    expect(second.body.parentRoundId).toBe(round.id);
    const seatsLeft = await api.db.query(
      `SELECT id, capacity - taken AS left FROM slots WHERE id = ANY($1) AND capacity > taken ORDER BY id`,
      [[slots.A.id, slots.B.id, slots.C.id, slots.D.id]],
    );
    expect(second.body.slots!.map((s) => ({ id: s.id, left: s.capacity })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(seatsLeft);
    expect(second.body.slots!.some((s) => s.id === slots.D.id && s.capacity === 2)).toBe(true);
    await api.request('POST', `/match-rounds/${second.body.id}/open`, { token: edu });

    const [unmatched, other] = firstRun.lines.filter((l) => !l.slot);
    expect(other).toBeDefined();
    const matchedLine = firstRun.lines.find((l) => l.slot)!;
    const token = (id: string) => students.find((s) => s.id === id)!.token;
    // The other unmatched student meanwhile took a placement overlapping D's dates: the run leaves the pair out.
    await api.db.query(
      `INSERT INTO placements (kind, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date)
       SELECT 'student', s.id, s.enterprise_id, st.user_id, st.school_id, 'internship', '2027-04-01', '2027-05-31' FROM slots s, students st WHERE s.id = $1 AND st.user_id = $2`,
      [slots.E.id, other.studentId],
    );
    for (const line of [unmatched, other]) {
      expect(
        (
          await api.request('PUT', `/match-rounds/${second.body.id}/preferences`, {
            token: token(line.studentId),
            body: { slotIds: [slots.D.id] },
          })
        ).status,
      ).toBe(200);
    }
    expect(
      problem(
        await api.request('PUT', `/match-rounds/${second.body.id}/preferences`, {
          token: token(matchedLine.studentId),
          body: { slotIds: [slots.D.id] },
        }),
      ),
    ).toEqual({
      status: 422,
      code: 'NOT_ELIGIBLE_FOR_ROUND',
    });
    await api.request('POST', `/match-rounds/${second.body.id}/close`, { token: edu });
    await api.request('POST', `/match-rounds/${second.body.id}/run`, { token: edu });
    await ranUntil(second.body.id);
    const result = (await api.request<MatchResultView>('GET', `/match-rounds/${second.body.id}/result`, { token: edu })).body;
    // D has two seats, yet only the student without a clashing placement gets one.
    expect(result.figures).toMatchObject({ students: 2, matched: 1, excludedPairs: 1 });
    expect(result.lines.find((l) => l.studentId === unmatched.studentId)).toMatchObject({
      slot: expect.objectContaining({ id: slots.D.id }),
      choice: 1,
    });
    expect(result.lines.find((l) => l.studentId === other.studentId)).toMatchObject({ slot: null, choice: null });
    expect((await api.request('POST', `/match-rounds/${second.body.id}/publish`, { token: edu })).status).toBe(200);
  });

  it('a school’s round is that school’s: another school’s admin and its students do not see it', async () => {
    const own = await api.request<MatchRoundView>('POST', '/match-rounds', {
      token: school2,
      body: { name: '二校校内撮合', slotIds: [slots.D.id], preferenceDeadline: tomorrow() },
    });
    expect(own.status).toBe(201);
    expect(own.body.owner.organisationId).toBe(await api.organisationOf(demo('school2')));
    await api.request('POST', `/match-rounds/${own.body.id}/open`, { token: school2 });
    expect(problem(await api.request('GET', `/match-rounds/${own.body.id}`, { token: schoolAdmin }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(problem(await api.request('POST', `/match-rounds/${own.body.id}/cancel`, { token: schoolAdmin }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    // A student of the first school (and of the bureau's round) cannot take part.
    expect(
      problem(
        await api.request('PUT', `/match-rounds/${own.body.id}/preferences`, { token: students[0].token, body: { slotIds: [slots.D.id] } }),
      ),
    ).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect((await api.request<MatchRoundView[]>('GET', '/match-rounds', { token: students[0].token })).body.map((r) => r.id)).not.toContain(
      own.body.id,
    );
    expect((await api.request<MatchRoundView>('POST', `/match-rounds/${own.body.id}/cancel`, { token: school2 })).body.status).toBe(
      'cancelled',
    );
  });
});
