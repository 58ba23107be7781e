import type { ApplicationView, BookingView, Page, PlacementView, SlotView } from '@skillbridge/contracts';
import { TestApi, demo } from '../../../test/support/test-api';
import {
  RawReply,
  Route,
  Schema,
  databaseFingerprint,
  documentedRoutes,
  fillPath,
  inParallel,
  problemShapeFault,
  multipartForm,
  requiredQuery,
  sampleOf,
  send,
} from './support/openapi';

/**
 * Every role × every documented route, aimed at another tenant's objects: another enterprise's
 * slot, application, placement and booking; another school's students and teachers; the other
 * authority's enterprises for MIIT and SASAC. The answer is 403 or 404, never 2xx, and no answer
 * carries the other tenant's data. Then mass assignment: `role`, `status`, `organisationId`… in a
 * body are refused, naming the field, and nothing changes.
 *
 * Two tenants, A and B, built through the API: A is hr@'s private enterprise (MIIT's remit) and the
 * demo school; B is hr-soe@'s municipal SOE (SASAC's remit) and the second school.
 */

type Tenant = 'A' | 'B';

interface TenantFixture {
  enterpriseId: string;
  uscc: string;
  schoolId: string;
  studentId: string;
  studentEmail: string;
  teacherId: string;
  teacherEmail: string;
  draftSlot: SlotView;
  openSlot: SlotView;
  applicationId: string;
  placementId: string;
  bookingId: string;
  notificationId: string;
}

/** Who acts, and which objects are not theirs to see. */
interface Actor {
  name: string;
  token: string;
  /** Ids to aim each kind of route at (first path segment → id); a kind left out is not tested for this actor. */
  foreignIds: Partial<Record<string, string>>;
  /** Strings that must never appear in this actor's answers. */
  foreignMarkers: string[];
}

const MASS_ASSIGNMENT_FIELDS: Record<string, unknown> = {
  role: 'platform_admin',
  status: 'accepted',
  organisationId: '6f1c1b2a-3d4e-4f50-8a9b-0c1d2e3f4a5b',
  taken: 0,
  enterpriseId: '6f1c1b2a-3d4e-4f50-8a9b-0c1d2e3f4a5b',
  verification: 'verified',
  authority: 'MIIT',
};

/** Routes whose path ids are not tenant data. */
const NOT_TENANT_DATA = new Set(['rules', 'admin']);

describe('authorization matrix: every role × every route × another tenant’s objects', () => {
  let api: TestApi;
  let routes: Route[];
  let schemas: Record<string, Schema>;
  const tenants = {} as Record<Tenant, TenantFixture>;
  const tokens: Record<string, string> = {};
  let actors: Actor[];

  /** A tenant's objects, made through the API as its own people would make them. */
  async function buildTenant(
    tenant: Tenant,
    who: { hr: string; school: string; student: string; teacher: string },
  ): Promise<TenantFixture> {
    const ok = <T>(reply: { status: number; body: T }, what: string): T => {
      if (reply.status >= 300) throw new Error(`fixture ${tenant} ${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    };
    const slot = (title: string, type = 'internship') => ({
      type,
      title,
      description: `租户 ${tenant} 的岗位`,
      majors: ['机电一体化技术'],
      district: '七里河区',
      startDate: '2027-03-01',
      endDate: type === 'teacher_practice' ? '2027-12-31' : '2027-08-31',
      capacity: 3,
      ...(type === 'teacher_practice' ? {} : { stipend: '3000.00', postWage: '3600.00', applicationDeadline: '2027-02-20' }),
      hoursPerDay: '8',
      nightShift: false,
    });
    const enterpriseId = await api.organisationOf(demo(who.hr));
    const hr = tokens[who.hr];
    const draftSlot = ok(await api.request<SlotView>('POST', '/slots', { token: hr, body: slot(`机密草稿-${tenant}-岗位`) }), 'draft slot');
    const opened = ok(await api.request<SlotView>('POST', '/slots', { token: hr, body: slot(`公开岗位-${tenant}`) }), 'open slot');
    const openSlot = ok(await api.request<SlotView>('POST', `/slots/${opened.id}/publish`, { token: hr }), 'publish');
    const practice = ok(
      await api.request<SlotView>('POST', '/slots', { token: hr, body: slot(`教师实践-${tenant}`, 'teacher_practice') }),
      'practice slot',
    );
    ok(await api.request('POST', `/slots/${practice.id}/publish`, { token: hr }), 'publish practice');

    // An application taken all the way to a placement: applied, shortlisted, offered, approved, accepted.
    const student = tokens[who.student];
    const application = ok(
      await api.request<ApplicationView>('POST', `/slots/${openSlot.id}/applications`, {
        token: student,
        body: { motivation: `租户 ${tenant}` },
      }),
      'application',
    );
    ok(await api.request('POST', `/applications/${application.id}/shortlist`, { token: hr }), 'shortlist');
    ok(await api.request('POST', `/applications/${application.id}/offer`, { token: hr, body: { respondBy: '2027-02-28' } }), 'offer');
    ok(await api.request('POST', `/applications/${application.id}/approve`, { token: tokens[who.school] }), 'approve');
    ok(await api.request('POST', `/applications/${application.id}/accept`, { token: student }), 'accept');
    const placements = ok(await api.request<Page<PlacementView>>('GET', '/placements', { token: student }), 'placements').items;
    const placement = placements.find((p) => p.applicationId === application.id);
    if (!placement) throw new Error(`fixture ${tenant}: no placement`);
    const booking = ok(
      await api.request<BookingView>('POST', `/slots/${practice.id}/bookings`, {
        token: tokens[who.teacher],
        body: { startDate: '2027-07-01', endDate: '2027-07-30' },
      }),
      'booking',
    );

    const studentId = application.student.id;
    const [{ id: notificationId }] = await api.db.query(
      // The worker writes inboxes; here the offer's event goes straight into the student's.
      `INSERT INTO notifications (user_id, event_id, kind, subject_id, title, body)
       SELECT $1, id, kind, $2, $3, '' FROM outbox_events WHERE subject_id = $2 AND kind = 'application.offered' RETURNING id`,
      [studentId, application.id, `机密通知-${tenant}`],
    );
    const [{ uscc }] = await api.db.query(`SELECT uscc FROM organisations WHERE id = $1`, [enterpriseId]);
    const [{ email: studentEmail }] = await api.db.query(`SELECT email FROM users WHERE id = $1`, [studentId]);
    return {
      enterpriseId,
      uscc,
      schoolId: await api.organisationOf(demo(who.school)),
      studentId,
      studentEmail,
      teacherId: booking.teacher.id,
      teacherEmail: demo(who.teacher),
      draftSlot,
      openSlot,
      applicationId: application.id,
      placementId: placement.id,
      bookingId: booking.id,
      notificationId,
    };
  }

  /** What only the tenant's own people (and their officers) may see. */
  const markersOf = (t: TenantFixture, parts: Array<'enterprise' | 'school' | 'personal'>): string[] => [
    ...(parts.includes('enterprise') ? [t.draftSlot.id, t.draftSlot.title, t.uscc, t.applicationId, t.placementId, t.bookingId] : []),
    ...(parts.includes('school') ? [t.studentEmail, t.teacherEmail, t.applicationId, t.placementId, t.bookingId] : []),
    ...(parts.includes('personal') ? [t.notificationId, `机密通知-${t === tenants.A ? 'A' : 'B'}`] : []),
  ];

  /** The other tenant's objects, by the first segment of the routes that take them. */
  const idsOf = (t: TenantFixture, kinds: string[]): Partial<Record<string, string>> => {
    const all: Record<string, string> = {
      slots: t.draftSlot.id,
      applications: t.applicationId,
      placements: t.placementId,
      bookings: t.bookingId,
      enterprises: t.enterpriseId,
      schools: t.schoolId,
      teachers: t.teacherId,
      notifications: t.notificationId,
    };
    return Object.fromEntries(kinds.map((k) => [k, all[k]]));
  };

  beforeAll(async () => {
    api = await TestApi.start({ RATE_LIMIT_APPLICATIONS: '100000', RATE_LIMIT_MESSAGES: '100000', RATE_LIMIT_REMINDERS: '100000' });
    ({ routes, schemas } = await documentedRoutes(api));
    for (const who of ['admin', 'miit', 'sasac', 'edu', 'school', 'school2', 'teacher', 'teacher11', 'student', 'hr', 'hr-soe'])
      tokens[who] = await api.token(demo(who));

    // Tenant B's student: a second-year of the second school, eligible for a post internship.
    const schoolB = await api.organisationOf(demo('school2'));
    const [{ id: studentB }] = await api.db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, name, role, organisation_id) VALUES ('tenant-b-student@example.cn', 'x', '乙方学生', 'student', $1) RETURNING id)
       INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year) SELECT id, $1, '2005-01-01', '机电一体化技术', 2024 FROM u RETURNING user_id AS id`,
      [schoolB],
    );
    tokens.studentB = await api.tokenFor(studentB);
    // Tenant B's enterprise must be able to post, whatever the demo data says of it.
    await api.db.query(`UPDATE organisations SET verification = 'verified', verified_at = now() WHERE id = $1`, [
      await api.organisationOf(demo('hr-soe')),
    ]);

    tenants.A = await buildTenant('A', { hr: 'hr', school: 'school', student: 'student', teacher: 'teacher' });
    tenants.B = await buildTenant('B', { hr: 'hr-soe', school: 'school2', student: 'studentB', teacher: 'teacher11' });
    const { A, B } = tenants;
    const everyKind = ['slots', 'applications', 'placements', 'bookings', 'enterprises', 'schools', 'teachers', 'notifications'];
    const member = (name: string, other: TenantFixture): Actor => ({
      name,
      token: tokens[name],
      foreignIds: idsOf(other, everyKind),
      foreignMarkers: markersOf(other, ['enterprise', 'school', 'personal']),
    });
    actors = [
      ...['student', 'teacher', 'school', 'hr'].map((name) => member(name, B)),
      ...['studentB', 'teacher11', 'school2', 'hr-soe'].map((name) => member(name, A)),
      // MIIT: every enterprise but municipal SOEs; SASAC: the municipal SOEs. Neither sees schools,
      // nor anyone's applications or inbox.
      {
        name: 'miit',
        token: tokens.miit,
        foreignIds: {
          ...idsOf(B, ['slots', 'placements', 'bookings', 'enterprises', 'notifications']),
          ...idsOf(A, ['applications', 'schools', 'teachers']),
        },
        // A's application id is on A's placement, which MIIT sees: not a marker.
        foreignMarkers: [...markersOf(B, ['enterprise', 'personal']), A.studentEmail, A.teacherEmail, A.notificationId],
      },
      {
        name: 'sasac',
        token: tokens.sasac,
        foreignIds: {
          ...idsOf(A, ['slots', 'placements', 'bookings', 'enterprises', 'notifications']),
          ...idsOf(B, ['applications', 'schools', 'teachers']),
        },
        foreignMarkers: [...markersOf(A, ['enterprise', 'personal']), B.studentEmail, B.teacherEmail, B.notificationId],
      },
      // EDU: schools, their teachers and their students' placements; not enterprises' drafts or
      // profiles, nor anyone's applications or inbox.
      {
        name: 'edu',
        token: tokens.edu,
        foreignIds: { ...idsOf(A, ['slots', 'applications', 'enterprises', 'notifications']) },
        foreignMarkers: [
          A.draftSlot.id,
          B.draftSlot.id,
          A.draftSlot.title,
          B.draftSlot.title,
          A.uscc,
          B.uscc,
          A.notificationId,
          B.notificationId,
        ],
      },
    ];
  }, 180_000);

  afterAll(() => api?.stop());

  const kindOf = (route: Route): string => route.path.split('/')[1];

  /** A body that passes validation, so that the answer is about who asks, not about what is sent. */
  const validBody = (route: Route): string | undefined => (route.body ? JSON.stringify(sampleOf(route.body, schemas)) : undefined);

  const leaks = (reply: RawReply, markers: string[]): string[] => markers.filter((marker) => reply.text.includes(marker));

  it('aimed at another tenant’s objects, every route answers 403 or 404 and shows none of their data', async () => {
    const requests: Array<{ actor: Actor; route: Route; path: string }> = [];
    for (const route of routes) {
      if (!route.pathParams.length || NOT_TENANT_DATA.has(kindOf(route))) continue;
      for (const actor of actors) {
        const id = actor.foreignIds[kindOf(route)];
        if (!id) continue;
        const path =
          fillPath(route.path, Object.fromEntries(route.pathParams.map((name) => [name, name === 'year' ? '2027' : id]))) +
          requiredQuery(route, schemas);
        requests.push({ actor, route, path });
      }
    }
    const before = await databaseFingerprint(api, ['refresh_tokens', 'access_log']);
    const replies = await inParallel(requests, 6, async ({ actor, route, path }) => ({
      actor,
      route,
      path,
      reply: await send(api, {
        method: route.method,
        path,
        token: actor.token,
        raw: validBody(route),
        contentType: route.body ? 'application/json' : undefined,
      }),
    }));
    const after = await databaseFingerprint(api, ['refresh_tokens', 'access_log']);

    const faults: string[] = [];
    for (const { actor, route, path, reply } of replies) {
      const where = `${route.label} as ${actor.name} (${path})`;
      if (reply.status !== 403 && reply.status !== 404) faults.push(`${where}: ${reply.status} ${reply.text.slice(0, 200)}`);
      const leaked = leaks(reply, actor.foreignMarkers);
      if (leaked.length) faults.push(`${where}: shows ${leaked.join(', ')}`);
      const shape = problemShapeFault(reply);
      if (shape) faults.push(`${where}: ${shape}`);
    }
    expect(faults).toEqual([]);
    expect(Object.keys(before).filter((table) => before[table] !== after[table])).toEqual([]);
    // Every kind of tenant object was aimed at, by members of both tenants and by officers.
    expect(new Set(requests.map((r) => kindOf(r.route)))).toEqual(
      new Set(['slots', 'applications', 'placements', 'bookings', 'enterprises', 'schools', 'teachers', 'notifications']),
    );
    expect(requests.length).toBeGreaterThan(300);
  }, 300_000);

  it('lists, filtered by another tenant’s ids or not, show none of that tenant’s data', async () => {
    const requests: Array<{ actor: Actor; route: Route; path: string }> = [];
    for (const route of routes) {
      if (route.method !== 'GET' || route.pathParams.length) continue;
      for (const actor of actors) {
        requests.push({ actor, route, path: route.path + requiredQuery(route, schemas) });
        // Each `…Id` filter of the route, set to the other tenant's object of that kind.
        for (const { name } of route.query.filter((q) => q.name.endsWith('Id'))) {
          const kind = `${name.replace(/Id$/, '')}s`;
          const id = actor.foreignIds[kind];
          if (id) requests.push({ actor, route, path: `${route.path}?${name}=${id}` });
        }
      }
    }
    const replies = await inParallel(requests, 6, async (r) => ({
      ...r,
      reply: await send(api, { method: 'GET', path: r.path, token: r.actor.token }),
    }));
    const faults: string[] = [];
    for (const { actor, route, path, reply } of replies) {
      if (reply.status >= 500) faults.push(`${route.label} as ${actor.name} (${path}): ${reply.status}`);
      const leaked = leaks(reply, actor.foreignMarkers);
      if (leaked.length) faults.push(`${route.label} as ${actor.name} (${path}): shows ${leaked.join(', ')}`);
    }
    expect(faults).toEqual([]);
  }, 300_000);

  it('own objects stay reachable: the matrix refuses because of tenancy, not because every request fails', async () => {
    const { A, B } = tenants;
    const own: Array<[string, string]> = [
      ['hr', `/slots/${A.draftSlot.id}`],
      ['hr-soe', `/applications/${B.applicationId}`],
      ['studentB', `/applications/${B.applicationId}`],
      ['student', `/placements/${A.placementId}`],
      ['teacher11', `/bookings/${B.bookingId}`],
      ['school', `/schools/${A.schoolId}/students`],
      ['miit', `/enterprises/${A.enterpriseId}`],
      ['sasac', `/enterprises/${B.enterpriseId}`],
      ['edu', `/teachers/${B.teacherId}/compliance`],
      ['school', '/applications/filter-options'],
    ];
    for (const [who, path] of own) {
      const reply = await api.request('GET', path, { token: tokens[who] });
      expect({ who, path, status: reply.status }).toEqual({ who, path, status: 200 });
    }
  });

  it('the school’s approvals (issue 17): another school cannot send back or bulk-approve a tenant’s application; other roles are refused these routes', async () => {
    const { A } = tenants;
    const before = await api.db.query(`SELECT school_approved_at, school_sent_back_at, updated_at FROM applications WHERE id = $1`, [
      A.applicationId,
    ]);
    const sentBack = await api.request('POST', `/applications/${A.applicationId}/send-back`, {
      token: tokens.school2,
      body: { reason: '越权' },
    });
    expect(sentBack.status).toBe(404);
    const bulk = await api.request<{ approved: string[]; refused: Array<{ id: string; code: string }> }>(
      'POST',
      '/applications/approvals',
      {
        token: tokens.school2,
        body: { applicationIds: [A.applicationId] },
      },
    );
    expect(bulk.body).toEqual({ approved: [], refused: [{ id: A.applicationId, code: 'NOT_FOUND' }] });
    for (const who of ['hr', 'student', 'teacher', 'miit', 'edu', 'admin']) {
      for (const [method, path, body] of [
        ['POST', `/applications/${A.applicationId}/send-back`, { reason: '越权' }],
        ['POST', '/applications/approvals', { applicationIds: [A.applicationId] }],
        ['GET', '/applications/filter-options', undefined],
      ] as const) {
        const reply = await api.request(method, path, { token: tokens[who], body });
        expect({ who, path, status: reply.status }).toEqual({ who, path, status: 403 });
      }
    }
    expect(
      await api.db.query(`SELECT school_approved_at, school_sent_back_at, updated_at FROM applications WHERE id = $1`, [A.applicationId]),
    ).toEqual(before);
  });

  it('quotas are MIIT’s and SASAC’s: the education bureau may not list, export or remind (its remit holds training bases, which have quota rows)', async () => {
    for (const [method, path, body] of [
      ['GET', '/quotas', undefined],
      ['GET', '/quotas/summary', undefined],
      ['GET', '/quotas/export?format=csv', undefined],
      ['POST', '/quotas/reminders', { year: 2027, status: 'behind' }],
    ] as const) {
      const reply = await api.request(method, path, { token: tokens.edu, body });
      expect({ path, status: reply.status, code: (reply.body as { code?: string }).code }).toEqual({
        path,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
  });

  it('mass assignment: role, status, organisationId, taken, enterpriseId, verification or authority in a body is refused, naming it, and nothing changes', async () => {
    const { A } = tenants;
    // Each write route as its own (tenant A) caller, aimed at its own objects.
    const ownIds: Record<string, string> = {
      slots: A.draftSlot.id,
      applications: A.applicationId,
      placements: A.placementId,
      bookings: A.bookingId,
      enterprises: A.enterpriseId,
      schools: A.schoolId,
      teachers: A.teacherId,
      notifications: A.notificationId,
      rules: '2027',
      admin: '6f1c1b2a-3d4e-4f50-8a9b-0c1d2e3f4a5b',
    };
    const callers = ['hr', 'school', 'student', 'teacher', 'miit', 'admin'];
    const attempts: Array<{ route: Route; who: string; path: string; field: string; raw: string; contentType: string }> = [];
    for (const route of routes.filter((r) => r.method !== 'GET' && !r.path.startsWith('/auth/'))) {
      const path = fillPath(
        route.path,
        Object.fromEntries(route.pathParams.map((name) => [name, name === 'year' ? '2027' : ownIds[kindOf(route)]])),
      );
      // The caller the route is for: the first whose role passes its role check.
      let caller: string | undefined;
      for (const who of callers) {
        const probe = await send(api, {
          method: route.method,
          path,
          token: tokens[who],
          raw: '{"role": 1}',
          contentType: 'application/json',
        });
        if (probe.status !== 403 || !/role may not/.test(probe.text)) {
          caller = who;
          break;
        }
      }
      if (!caller) continue;
      for (const [field, value] of Object.entries(MASS_ASSIGNMENT_FIELDS)) {
        if (route.multipart) {
          // An upload's fields come as form parts: the extra one goes in as a part of its own.
          attempts.push({ route, who: caller, path, field, ...multipartForm({ [field]: String(value) }) });
          continue;
        }
        const body = { ...((route.body ? sampleOf(route.body, schemas) : {}) as object), [field]: value };
        attempts.push({ route, who: caller, path, field, raw: JSON.stringify(body), contentType: 'application/json' });
      }
    }
    const before = await databaseFingerprint(api, ['refresh_tokens', 'access_log']);
    const replies = await inParallel(attempts, 6, async (a) => ({
      ...a,
      reply: await send(api, { method: a.route.method, path: a.path, token: tokens[a.who], raw: a.raw, contentType: a.contentType }),
    }));
    const after = await databaseFingerprint(api, ['refresh_tokens', 'access_log']);
    const faults: string[] = [];
    for (const { route, who, field, reply } of replies) {
      const body = reply.body as { code?: string; errors?: Array<{ field: string }> };
      if (reply.status !== 400 || body?.code !== 'VALIDATION_FAILED' || !body.errors?.some((e) => e.field === field)) {
        faults.push(`${route.label} as ${who} with ${field}: ${reply.status} ${reply.text.slice(0, 200)}`);
      }
    }
    expect(faults).toEqual([]);
    expect(Object.keys(before).filter((table) => before[table] !== after[table])).toEqual([]);
    expect(new Set(replies.map((r) => r.route.label)).size).toBeGreaterThan(25);
  }, 300_000);
});
