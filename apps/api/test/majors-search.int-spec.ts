import type { ImportView, MajorView, Page, Problem, RecommendedSlot, SlotView } from '@skillbridge/contracts';
import { uniqueSuffix } from '../../../test/support/database';
import { STUDENT_HEADER, toCsv } from '../../../test/support/import-files';
import { RunningProcess } from '../../../test/support/processes';
import { eventually } from '../../../test/support/sinks';
import { TestApi, demo } from '../../../test/support/test-api';
import { startWorker } from '../../../test/support/test-worker';

/** Issue 17, "finding what they mean": majors as reference data and a search that finds majors, skills and synonyms. */
describe('majors and the search that finds what people mean (integration)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let worker: RunningProcess;
  let student: string;
  let teacher: string;
  let hr: string;
  let admin: string;
  let school: string;
  let schoolId: string;

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
    worker = await startWorker({ DATABASE_URL: api.database.url, QUEUE_PREFIX: queuePrefix });
    [student, teacher, hr, admin, school] = await Promise.all(
      ['student', 'teacher', 'hr', 'admin', 'school'].map((who) => api.token(demo(who))),
    );
    schoolId = await api.organisationOf(demo('school'));
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
  });

  /** Every open slot a search finds, page after page. */
  const searchAll = async (token: string, query: Record<string, string>): Promise<SlotView[]> => {
    const found: SlotView[] = [];
    let cursor: string | null | undefined;
    do {
      const params = new URLSearchParams({ ...query, limit: '50', ...(cursor ? { cursor } : {}) });
      const page = await api.request<Page<SlotView>>('GET', `/slots?${params}`, { token });
      expect(page.status).toBe(200);
      found.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return found;
  };

  /** Open slots of a type ($1: 'students' or 'teachers') naming a major ($2), or holding a search term ($3). */
  const openDemoSlots = async (audience: 'students' | 'teachers', major: string | null, term: string | null = null): Promise<number> =>
    (
      await api.db.query(
        `SELECT count(*)::int AS n FROM slots WHERE state = 'open' AND (type = 'teacher_practice') = ($1 = 'teachers')
            AND ($2::text IS NULL OR $2 = ANY(majors)) AND ($3::text IS NULL OR search_terms @> ARRAY[$3::text])`,
        [audience, major, term],
      )
    )[0].n;

  describe('the search looks at majors and skills, and knows synonyms', () => {
    it('"机电" finds every open student slot that names 机电一体化技术 (a major, not in its title)', async () => {
      const wanted = await openDemoSlots('students', '机电一体化技术');
      expect(wanted).toBeGreaterThanOrEqual(8);
      const found = await searchAll(student, { q: '机电' });
      expect(found.filter((s) => s.majors.includes('机电一体化技术'))).toHaveLength(wanted);
      // The old free-text name finds them too: its words are in the catalogue's name.
      expect((await searchAll(student, { q: '机电一体化' })).length).toBeGreaterThanOrEqual(wanted);
    });

    it('a teacher searching "机电" finds the teacher-practice months of those majors', async () => {
      const wanted = await openDemoSlots('teachers', '机电一体化技术');
      expect(wanted).toBeGreaterThan(0);
      const found = await searchAll(teacher, { q: '机电' });
      expect(found).toHaveLength(await openDemoSlots('teachers', null, '机电'));
      expect(found.filter((s) => s.majors.includes('机电一体化技术'))).toHaveLength(wanted);
    });

    it('a skill finds its slots: "PLC编程"', async () => {
      const found = await searchAll(student, { q: 'PLC编程' });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((s) => (s.skills ?? []).includes('PLC编程') || `${s.title}${s.description}`.includes('PLC'))).toBe(true);
    });

    it('"焊工", "welding" and "Welding" find the welding slots (焊接), by the synonym table', async () => {
      const wanted = await openDemoSlots('students', null, '焊接');
      expect(wanted).toBeGreaterThan(0);
      for (const q of ['焊工', 'welding', 'Welding', '焊接']) expect(await searchAll(student, { q })).toHaveLength(wanted);
    });

    it('a major’s English name finds it (the majors table is a synonym of its own)', async () => {
      const wanted = await openDemoSlots('students', '机电一体化技术');
      expect((await searchAll(student, { q: 'Mechatronics Technology' })).filter((s) => s.majors.includes('机电一体化技术'))).toHaveLength(
        wanted,
      );
    });

    it('a slot posted with a major is found by it at once; an unknown major is refused with UNKNOWN_MAJOR', async () => {
      const body = {
        type: 'internship',
        title: '产线实习生',
        description: '配备企业导师',
        majors: ['智能焊接技术'],
        skills: ['氩弧焊'],
        district: '七里河区',
        startDate: '2027-03-01',
        endDate: '2027-08-31',
        capacity: 2,
        stipend: '3000.00',
        postWage: '3600.00',
        hoursPerDay: '8',
        nightShift: false,
      };
      const created = await api.request<SlotView>('POST', '/slots', { token: hr, body });
      expect(created.status).toBe(201);
      expect((await api.request('POST', `/slots/${created.body.id}/publish`, { token: hr })).status).toBe(200);
      expect((await searchAll(student, { q: '氩弧焊' })).map((s) => s.id)).toEqual([created.body.id]);

      const refused = await api.request<Problem>('POST', '/slots', { token: hr, body: { ...body, majors: ['机电一体化'] } });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'UNKNOWN_MAJOR', facts: { majors: ['机电一体化'] } });
      const edited = await api.request<Problem>('PATCH', `/slots/${created.body.id}`, { token: hr, body: { majors: ['焊工'] } });
      expect(edited.body.code).toBe('UNKNOWN_MAJOR');
    });
  });

  describe('students and teachers each see their own slots only', () => {
    it('a student never finds a teacher-practice slot, nor opens one; a teacher never a student slot', async () => {
      const forStudent = await searchAll(student, {});
      expect(forStudent.length).toBeGreaterThan(0);
      expect(forStudent.filter((s) => s.type === 'teacher_practice')).toEqual([]);
      expect(await searchAll(student, { type: 'teacher_practice' })).toEqual([]);

      const forTeacher = await searchAll(teacher, {});
      expect(forTeacher.length).toBeGreaterThan(0);
      expect(forTeacher.filter((s) => s.type !== 'teacher_practice')).toEqual([]);

      const practice = forTeacher[0];
      expect((await api.request('GET', `/slots/${practice.id}`, { token: student })).status).toBe(404);
      expect((await api.request('GET', `/slots/${forStudent[0].id}`, { token: teacher })).status).toBe(404);
      expect((await api.request('GET', `/slots/${practice.id}`, { token: teacher })).status).toBe(200);
      // Everyone else still sees every type.
      expect((await searchAll(hr, {})).some((s) => s.type === 'teacher_practice')).toBe(true);
    });
  });

  describe('the major catalogue', () => {
    it('autocompletes by Chinese name, English name or code, for anyone signed in', async () => {
      const byName = await api.request<MajorView[]>('GET', '/majors?q=机电', { token: student });
      expect(byName.status).toBe(200);
      expect(byName.body[0]).toEqual({
        code: '460301',
        nameZh: '机电一体化技术',
        nameEn: 'Mechatronics Technology',
        level: 'associate',
        category: '自动化类',
      });
      expect((await api.request<MajorView[]>('GET', '/majors?q=mechatronics', { token: hr })).body.map((m) => m.code)).toContain('460301');
      expect((await api.request<MajorView[]>('GET', '/majors?q=4603', { token: teacher })).body.map((m) => m.code)).toContain('460301');
      expect((await api.request('GET', '/majors?level=doctor', { token: hr })).status).toBe(400);
    });

    it('"机电一体化" and "机电一体化技术" cannot both exist: a student’s major is a foreign key to the catalogue', async () => {
      const refused = await api.db
        .query(`UPDATE students SET major = '机电一体化' WHERE school_id = $1 RETURNING 1`, [schoolId])
        .catch((e: Error) => e);
      expect(refused).toBeInstanceOf(Error);
      const added = await api.request<Problem>('POST', `/schools/${schoolId}/students`, {
        token: school,
        body: {
          name: '张三',
          email: `z.${uniqueSuffix()}@example.cn`,
          dateOfBirth: '2008-05-01',
          major: '机电一体化',
          enrolmentYear: 2025,
        },
      });
      expect(added.status).toBe(422);
      expect(added.body.code).toBe('UNKNOWN_MAJOR');
    });

    const upload = async (path: string, token: string, csv: string, fields: Record<string, string> = {}) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'file.csv');
      const response = await fetch(api.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      return { status: response.status, body: (await response.json()) as ImportView };
    };
    const finished = (id: string, token: string) =>
      eventually(
        async () => (await api.request<ImportView>('GET', `/imports/${id}`, { token })).body,
        (view) => ['done', 'rejected', 'failed'].includes(view.status),
        60_000,
      );

    it('a student import naming a major the catalogue does not know is refused row by row with UNKNOWN_MAJOR', async () => {
      const tag = uniqueSuffix();
      const rows = [
        ['王一', `a.${tag}@import.example.cn`, '机电一体化技术', '2025', '2009-05-01', '', ''],
        ['王二', `b.${tag}@import.example.cn`, '机电一体化', '2025', '2009-05-01', '', ''],
        ['王三', `c.${tag}@import.example.cn`, '焊工', '2025', '2009-05-01', '', ''],
      ];
      const queued = await upload(`/schools/${schoolId}/imports`, school, toCsv([STUDENT_HEADER, ...rows]), { kind: 'students' });
      expect(queued.status).toBe(202);
      const done = await finished(queued.body.id, school);
      expect(done).toMatchObject({ status: 'rejected', errorCount: 2, importedRows: 0 });
      expect(done.errors).toEqual([
        { line: 3, field: 'major', reason: 'UNKNOWN_MAJOR', value: '机电一体化' },
        { line: 4, field: 'major', reason: 'UNKNOWN_MAJOR', value: '焊工' },
      ]);
    });

    it('the platform admin imports the catalogue: all rows or none, with a row report; then new majors are picked and found', async () => {
      const header = ['专业代码', '专业名称', '英文名称', '层次', '专业类'];
      const bad = toCsv([
        header,
        ['660301', '机电技术应用', 'Electromechanical Technology Application', '中职', '自动化类'],
        ['66030', '短代码', 'Short', '中职', '自动化类'],
        ['660302', '电气设备运行与控制', 'Electrical Equipment Operation and Control', '博士', '自动化类'],
        ['660303', '机电一体化技术', 'Another name', '中职', '自动化类'],
      ]);
      expect((await upload('/major-imports', school, bad)).status).toBe(403);
      const rejected = await finished((await upload('/major-imports', admin, bad)).body.id, admin);
      expect(rejected).toMatchObject({ kind: 'majors', status: 'rejected', importedRows: 0 });
      expect(rejected.errors.map((e) => [e.line, e.field, e.reason])).toEqual([
        [3, 'code', 'INVALID_MAJOR_CODE'],
        [4, 'level', 'INVALID_MAJOR_LEVEL'],
        [5, 'nameZh', 'MAJOR_NAME_TAKEN'],
      ]);
      expect((await api.request<MajorView[]>('GET', '/majors?q=660301', { token: admin })).body).toEqual([]);

      const good = toCsv([
        header,
        ['660301', '机电技术应用', 'Electromechanical Technology Application', '中职', '自动化类'],
        ['460301', '机电一体化技术', 'Mechatronics Technology', '高职专科', '自动化类'],
      ]);
      const done = await finished((await upload('/major-imports', admin, good)).body.id, admin);
      expect(done).toMatchObject({ kind: 'majors', status: 'done', importedRows: 2 });
      expect((await api.request<MajorView[]>('GET', '/majors?q=660301', { token: student })).body).toEqual([
        {
          code: '660301',
          nameZh: '机电技术应用',
          nameEn: 'Electromechanical Technology Application',
          level: 'secondary',
          category: '自动化类',
        },
      ]);
      const listed = await api.request<Page<ImportView>>('GET', '/major-imports', { token: admin });
      expect(listed.body.items.map((i) => i.id)).toContain(done.id);
    });
  });

  describe('recommendations say what their score is', () => {
    it('each carries its parts (points out of each weight), summing to the score out of 100', async () => {
      const reply = await api.request<RecommendedSlot[]>('GET', '/slots/recommended?limit=5', { token: student });
      expect(reply.status).toBe(200);
      expect(reply.body.length).toBeGreaterThan(0);
      for (const item of reply.body) {
        expect(item.parts.map((p) => p.part)).toEqual(['major', 'skills', 'district', 'calendar', 'seats']);
        expect(item.parts.map((p) => p.max)).toEqual([40, 25, 15, 10, 10]);
        expect(item.parts.reduce((sum, p) => sum + p.points, 0)).toBe(item.score);
        expect(item.slot.type).not.toBe('teacher_practice');
      }
    });
  });
});
