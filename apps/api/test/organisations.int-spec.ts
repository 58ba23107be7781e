import type {
  CreatedPerson,
  EnterpriseView,
  Page,
  RegisterEnterpriseRequest,
  SchoolView,
  StudentView,
  TeacherView,
} from '@skillbridge/contracts';
import { uniqueSuffix } from '../../../test/support/database';
import { RunningProcess } from '../../../test/support/processes';
import { newUscc, registerEnterprise } from '../../../test/support/registration';
import { SmtpSink } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

const PASSWORD = 'Secret#2026';
const registration = (overrides: Record<string, unknown> = {}): RegisterEnterpriseRequest =>
  ({
    name: '兰州测试机械有限公司',
    uscc: newUscc(),
    ownership: 'private',
    industry: '装备制造',
    district: '七里河区',
    adminName: '赵经理',
    adminEmail: `hr-${uniqueSuffix()}@example.cn`,
    ...overrides,
  }) as RegisterEnterpriseRequest;

describe('organisations and tenancy (integration)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let worker: RunningProcess;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
    worker = await startWorker({ DATABASE_URL: api.database.url, QUEUE_PREFIX: queuePrefix, SMTP_URL: smtp.url });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await smtp?.stop();
  });
  const register = (body: RegisterEnterpriseRequest) => registerEnterprise(api.url, smtp, body, PASSWORD);

  describe('enterprise self-registration', () => {
    it('registers an unverified enterprise whose admin can sign in; the platform admin verifies it', async () => {
      const body = registration();
      const signedIn = await register(body);
      expect(signedIn.user).toMatchObject({ email: body.adminEmail, role: 'enterprise_admin', organisationId: signedIn.enterpriseId });

      const hr = await api.login(body.adminEmail, PASSWORD);
      const own = await api.request<EnterpriseView>('GET', `/enterprises/${signedIn.enterpriseId}`, { token: hr.accessToken });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ name: body.name, uscc: body.uscc, verification: 'unverified', verifiedAt: null });

      const selfVerify = await api.request('POST', `/enterprises/${signedIn.enterpriseId}/verify`, { token: hr.accessToken });
      expect(selfVerify.status).toBe(403);

      const admin = await api.token(demo('admin'));
      const verified = await api.request<EnterpriseView>('POST', `/enterprises/${signedIn.enterpriseId}/verify`, { token: admin });
      expect(verified.status).toBe(200);
      expect(verified.body.verification).toBe('verified');
      expect(verified.body.verifiedAt).not.toBeNull();
    });

    it('refuses a USCC with a wrong check character, naming the field', async () => {
      const good = newUscc();
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const reply = await api.request('POST', '/enterprises', { body: registration({ uscc: bad }) });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'uscc', message: 'uscc has a wrong check character (GB 32100)' }],
      });
    });

    it('an unverified registration never holds a code; a verified enterprise’s code is refused (409) and nothing of it is written', async () => {
      const first = registration();
      const registered = await register(first);
      // Anyone may register anything: a pretender must not block the real holder of the code.
      await register(registration({ uscc: first.uscc }));
      expect(
        (await api.request('POST', `/enterprises/${registered.enterpriseId}/verify`, { token: await api.token(demo('admin')) })).status,
      ).toBe(200);
      const second = registration({ uscc: first.uscc.toLowerCase() });
      const reply = await api.request('POST', '/enterprises', { body: second });
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({ code: 'USCC_TAKEN' });
      const users = await api.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [second.adminEmail]);
      expect(users[0].n).toBe(0);
    });

    it('refuses a bad e-mail and an unknown ownership, and a password at registration (it is chosen with the link)', async () => {
      const reply = await api.request('POST', '/enterprises', { body: registration({ adminEmail: 'not-an-email', ownership: 'state' }) });
      expect(reply.status).toBe(400);
      const fields = (reply.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort();
      expect(fields).toEqual(['adminEmail', 'ownership']);
      expect(await api.request('POST', '/enterprises', { body: { ...registration(), adminPassword: 'Secret#2026' } })).toMatchObject({
        status: 400,
      });
    });
  });

  describe('headcounts and the required intake', () => {
    it('the enterprise states its headcount and sees 2 % of it, rounded up, as its required intake', async () => {
      const token = await api.token(demo('hr'));
      const id = await api.organisationOf(demo('hr'));
      const reply = await api.request<EnterpriseView>('PUT', `/enterprises/${id}/headcounts/2027`, { token, body: { employees: 1201 } });
      expect(reply.status).toBe(200);
      expect(reply.body.headcounts.find((h) => h.year === 2027)).toEqual({
        year: 2027,
        employees: 1201,
        requiredIntake: 25,
        internCap: 120,
      });

      const again = await api.request<EnterpriseView>('PUT', `/enterprises/${id}/headcounts/2027`, { token, body: { employees: 50 } });
      expect(again.body.headcounts.find((h) => h.year === 2027)).toMatchObject({ employees: 50, requiredIntake: 1 });
    });

    it('refuses a negative headcount and a nonsense year', async () => {
      const token = await api.token(demo('hr'));
      const id = await api.organisationOf(demo('hr'));
      expect((await api.request('PUT', `/enterprises/${id}/headcounts/2027`, { token, body: { employees: -1 } })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect((await api.request('PUT', `/enterprises/${id}/headcounts/abc`, { token, body: { employees: 1 } })).body).toMatchObject({
        code: 'INVALID_YEAR',
      });
    });

    it('officers read but cannot set a headcount', async () => {
      const id = await api.organisationOf(demo('hr'));
      const reply = await api.request('PUT', `/enterprises/${id}/headcounts/2027`, {
        token: await api.token(demo('miit')),
        body: { employees: 1 },
      });
      expect(reply.status).toBe(403);
    });
  });

  describe('tenancy', () => {
    it('an enterprise admin gets 404 on another enterprise, for reads and writes alike', async () => {
      const hr = await api.token(demo('hr'));
      const other = await api.organisationOf(demo('hr-soe'));
      expect((await api.request('GET', `/enterprises/${other}`, { token: hr })).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await api.request('PATCH', `/enterprises/${other}`, { token: hr, body: { name: '被改名' } })).status).toBe(404);
      expect((await api.request('PUT', `/enterprises/${other}/headcounts/2027`, { token: hr, body: { employees: 1 } })).status).toBe(404);
      const [row] = await api.db.query('SELECT name FROM organisations WHERE id = $1', [other]);
      expect(row.name).toBe('兰州市公共交通集团有限公司');
    });

    it('SASAC sees a municipal SOE that MIIT cannot, and MIIT sees a private firm that SASAC cannot', async () => {
      const soe = await api.organisationOf(demo('hr-soe'));
      const firm = await api.organisationOf(demo('hr'));
      const sasac = await api.token(demo('sasac'));
      const miit = await api.token(demo('miit'));
      expect((await api.request('GET', `/enterprises/${soe}`, { token: sasac })).status).toBe(200);
      expect((await api.request('GET', `/enterprises/${soe}`, { token: miit })).status).toBe(404);
      expect((await api.request('GET', `/enterprises/${firm}`, { token: miit })).status).toBe(200);
      expect((await api.request('GET', `/enterprises/${firm}`, { token: sasac })).status).toBe(404);
      expect((await api.request('GET', `/enterprises/${firm}`, { token: await api.token(demo('edu')) })).status).toBe(404);
    });

    it('officers’ lists hold exactly the verified enterprises of their remit', async () => {
      const all = async (token: string): Promise<EnterpriseView[]> => {
        const items: EnterpriseView[] = [];
        let cursor: string | null = null;
        do {
          const query: string = cursor ? `?limit=7&cursor=${cursor}` : '?limit=7';
          const page: { body: Page<EnterpriseView> } = await api.request<Page<EnterpriseView>>('GET', `/enterprises${query}`, { token });
          items.push(...page.body.items);
          cursor = page.body.nextCursor;
        } while (cursor);
        return items;
      };
      const sasac = await all(await api.token(demo('sasac')));
      const miit = await all(await api.token(demo('miit')));
      const [{ soes, others }] = await api.db.query(
        `SELECT count(*) FILTER (WHERE ownership = 'municipal_soe')::int AS soes, count(*) FILTER (WHERE ownership <> 'municipal_soe')::int AS others
           FROM organisations WHERE kind IN ('enterprise', 'training_base') AND verification = 'verified'`,
      );
      expect(sasac).toHaveLength(soes);
      expect(sasac.every((e) => e.ownership === 'municipal_soe')).toBe(true);
      expect(miit).toHaveLength(others);
      expect(miit.some((e) => e.ownership === 'municipal_soe')).toBe(false);
      expect(new Set(miit.map((e) => e.id)).size).toBe(miit.length); // no row twice across pages
    });

    it('filters an officer’s list by district and name', async () => {
      const token = await api.token(demo('miit'));
      const page = await api.request<Page<EnterpriseView>>('GET', `/enterprises?district=${encodeURIComponent('西固区')}`, { token });
      expect(page.body.items.length).toBeGreaterThan(0);
      expect(page.body.items.every((e) => e.district === '西固区')).toBe(true);
      const byName = await api.request<Page<EnterpriseView>>('GET', `/enterprises?q=${encodeURIComponent('石化')}`, { token });
      expect(byName.body.items.map((e) => e.name)).toEqual(['中石油兰州石化分公司']);
    });

    it('refuses a forged cursor with 400', async () => {
      const reply = await api.request('GET', '/enterprises?cursor=bm90LWEtY3Vyc29y', { token: await api.token(demo('miit')) });
      expect(reply.body).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
    });

    it('students and enterprises cannot list enterprises at all', async () => {
      for (const who of ['student', 'hr']) {
        expect((await api.request('GET', '/enterprises', { token: await api.token(demo(who)) })).status).toBe(403);
      }
    });

    it('a malformed id is a 404, not an error', async () => {
      expect((await api.request('GET', '/enterprises/not-a-uuid', { token: await api.token(demo('admin')) })).status).toBe(404);
    });
  });

  describe('schools, students and teachers', () => {
    it('the platform admin creates a school; EDU sees it; MIIT does not', async () => {
      const admin = await api.token(demo('admin'));
      const created = await api.request<SchoolView>('POST', '/schools', {
        token: admin,
        body: { name: '兰州榆中职业中专', level: 'secondary', district: '榆中县' },
      });
      expect(created.status).toBe(201);
      expect((await api.request('GET', `/schools/${created.body.id}`, { token: await api.token(demo('edu')) })).status).toBe(200);
      expect((await api.request('GET', `/schools/${created.body.id}`, { token: await api.token(demo('miit')) })).status).toBe(404);
    });

    it('a school admin adds a student without a password, gets an initial password once, and the student signs in with it', async () => {
      const token = await api.token(demo('school'));
      const schoolId = await api.organisationOf(demo('school'));
      const reply = await api.request<CreatedPerson<StudentView>>('POST', `/schools/${schoolId}/students`, {
        token,
        body: { name: '陈一诺', email: 'chen.yinuo@example.cn', dateOfBirth: '2009-03-14', major: '数控技术', enrolmentYear: 2025 },
      });
      expect(reply.status).toBe(201);
      expect(reply.body.person).toMatchObject({ name: '陈一诺', schoolId, major: '数控技术', skills: [] });
      expect(reply.body.initialPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);

      const session = await api.login('chen.yinuo@example.cn', reply.body.initialPassword);
      const profile = await api.request<StudentView>('GET', '/students/me', { token: session.accessToken });
      expect(profile.body).toMatchObject({ name: '陈一诺', dateOfBirth: '2009-03-14', enrolmentYear: 2025 });
    });

    it('with a password given, none is returned', async () => {
      const token = await api.token(demo('school'));
      const schoolId = await api.organisationOf(demo('school'));
      const reply = await api.request<CreatedPerson<TeacherView>>('POST', `/schools/${schoolId}/teachers`, {
        token,
        body: {
          name: '李建国',
          email: 'li.jianguo@example.cn',
          password: 'Teacher#2026',
          specialty: '数控技术',
          specialtyCourseTeacher: true,
          dualQualified: true,
        },
      });
      expect(reply.status).toBe(201);
      expect(reply.body.initialPassword).toBeUndefined();
      expect(reply.body.person).toMatchObject({ specialtyCourseTeacher: true, dualQualified: true });
    });

    it('refuses an impossible date of birth and a taken e-mail', async () => {
      const token = await api.token(demo('school'));
      const schoolId = await api.organisationOf(demo('school'));
      const badDate = await api.request('POST', `/schools/${schoolId}/students`, {
        token,
        body: { name: '某', email: 'x1@example.cn', dateOfBirth: '2009-02-30', major: '护理', enrolmentYear: 2025 },
      });
      expect(badDate.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'dateOfBirth' }] });
      const taken = await api.request('POST', `/schools/${schoolId}/students`, {
        token,
        body: { name: '某', email: demo('student'), dateOfBirth: '2009-02-28', major: '护理', enrolmentYear: 2025 },
      });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'EMAIL_TAKEN' });
    });

    it('a school admin cannot add people to another school, nor see it', async () => {
      const token = await api.token(demo('school'));
      const otherSchool = await api.organisationOf(demo('school2'));
      const reply = await api.request('POST', `/schools/${otherSchool}/students`, {
        token,
        body: { name: '某', email: 'x2@example.cn', dateOfBirth: '2008-02-28', major: '护理', enrolmentYear: 2025 },
      });
      expect(reply.status).toBe(404);
      expect((await api.request('GET', `/schools/${otherSchool}/students`, { token })).status).toBe(404);
    });

    it('lists a school’s students page by page to its admin and EDU, not to its teachers', async () => {
      const schoolId = await api.organisationOf(demo('school'));
      const admin = await api.token(demo('school'));
      const first = await api.request<Page<StudentView>>('GET', `/schools/${schoolId}/students?limit=60`, { token: admin });
      expect(first.body.items).toHaveLength(60);
      const second = await api.request<Page<StudentView>>('GET', `/schools/${schoolId}/students?limit=60&cursor=${first.body.nextCursor}`, {
        token: admin,
      });
      const ids = new Set([...first.body.items, ...second.body.items].map((s) => s.id));
      expect(ids.size).toBe(first.body.items.length + second.body.items.length);
      expect(second.body.items.every((s) => s.schoolId === schoolId)).toBe(true);

      expect((await api.request('GET', `/schools/${schoolId}/students`, { token: await api.token(demo('edu')) })).status).toBe(200);
      expect((await api.request('GET', `/schools/${schoolId}/students`, { token: await api.token(demo('teacher')) })).status).toBe(403);
    });

    it('a student edits skills and preferred districts; an unknown district is refused', async () => {
      const token = await api.token(demo('student'));
      const updated = await api.request<StudentView>('PATCH', '/students/me', {
        token,
        body: { skills: ['PLC编程', ' PLC编程 ', '电气装调'], preferredDistricts: ['安宁区'] },
      });
      expect(updated.status).toBe(200);
      expect(updated.body.skills).toEqual(['PLC编程', '电气装调']);
      expect(updated.body.preferredDistricts).toEqual(['安宁区']);
      const bad = await api.request('PATCH', '/students/me', { token, body: { preferredDistricts: ['北京'] } });
      expect(bad.status).toBe(400);
    });

    it('a teacher reads their own profile', async () => {
      const reply = await api.request<TeacherView>('GET', '/teachers/me', { token: await api.token(demo('teacher')) });
      expect(reply.status).toBe(200);
      expect(reply.body.email).toBe(demo('teacher'));
    });
  });
});
