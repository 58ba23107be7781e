import type { ImportView, LoginResponse, Page } from '@skillbridge/contracts';
import { usccCheckCharacter } from '@skillbridge/domain';
import ExcelJS from 'exceljs';
import { uniqueSuffix } from '../../../test/support/database';
import { STUDENT_HEADER, studentRows, teacherRows, toCsv } from '../../../test/support/import-files';
import { RunningProcess } from '../../../test/support/processes';
import { eventually } from '../../../test/support/sinks';
import { TestApi, demo, isProblem } from '../../../test/support/test-api';
import { hostileXlsx } from '../../../test/support/hostile-xlsx'; // the worker's unit tests read the same workbooks
import { startWorker } from '../../../test/support/test-worker';

describe('bulk imports: upload → worker → all rows or none (integration)', () => {
  const queuePrefix = `sb-test-${uniqueSuffix()}`;
  let api: TestApi;
  let worker: RunningProcess;
  let school: string;
  let otherSchool: string;
  let schoolId: string;

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
    worker = await startWorker({ DATABASE_URL: api.database.url, QUEUE_PREFIX: queuePrefix });
    [school, otherSchool] = await Promise.all([api.token(demo('school')), api.token(demo('school2'))]);
    schoolId = await api.organisationOf(demo('school'));
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
  });

  const upload = async (
    path: string,
    token: string,
    file: { name: string; bytes: Buffer | string; type?: string },
    fields: Record<string, string> = {},
  ) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([file.bytes], { type: file.type ?? 'text/csv' }), file.name);
    const response = await fetch(api.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: response.status, body: (await response.json()) as ImportView };
  };
  const importStudents = (csv: string | Buffer, token = school, name = 'students.csv') =>
    upload(`/schools/${schoolId}/imports`, token, { name, bytes: csv }, { kind: 'students' });

  const finished = (id: string, token = school, seen?: number[]) =>
    eventually(
      async () => {
        const reply = await api.request<ImportView>('GET', `/imports/${id}`, { token });
        seen?.push(reply.body.processedRows);
        return reply.body;
      },
      (view) => ['done', 'rejected', 'failed'].includes(view.status),
      120_000,
    );

  const count = async (sql: string, params: unknown[] = []): Promise<number> => (await api.db.query(sql, params))[0].n;
  const studentsOf = () => count(`SELECT count(*)::int AS n FROM students WHERE school_id = $1`, [schoolId]);

  it('a good file of 10,000 students is written whole, its progress reaching the total; the school admin is told', async () => {
    const tag = uniqueSuffix();
    const before = await studentsOf();
    const queued = await importStudents(toCsv([STUDENT_HEADER, ...studentRows(10_000, tag)]));
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ kind: 'students', status: 'queued', schoolId, fileName: 'students.csv', format: 'csv' });

    const seen: number[] = [];
    const done = await finished(queued.body.id, school, seen);
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 10_000,
      processedRows: 10_000,
      importedRows: 10_000,
      errorCount: 0,
      errors: [],
      pendingActivations: 10_000,
    });
    expect(seen.every((n, i) => i === 0 || n >= seen[i - 1])).toBe(true);
    expect(await studentsOf()).toBe(before + 10_000);
    const [sample] = await api.db.query(
      `SELECT u.name, u.role, u.password_hash, s.major, s.enrolment_year, s.date_of_birth::text AS dob, s.skills FROM users u JOIN students s ON s.user_id = u.id WHERE u.email = $1`,
      [`s1.${tag}@import.example.cn`],
    );
    expect(sample).toEqual({
      name: studentRows(2, tag)[1][0],
      role: 'student',
      password_hash: null,
      major: '数控技术',
      enrolment_year: 2024,
      dob: '2008-02-02',
      skills: ['PLC编程', '电气装调'],
    });
    // The file is not kept once its rows are.
    expect(await count(`SELECT count(*)::int AS n FROM imports WHERE id = $1 AND file IS NOT NULL`, [queued.body.id])).toBe(0);
    await eventually(
      () => api.request<Page<{ kind: string }>>('GET', '/notifications', { token: school }).then((r) => r.body.items),
      (items) => items.some((n) => n.kind === 'import.done'),
    );

    const list = await api.request<Page<ImportView>>('GET', `/schools/${schoolId}/imports`, { token: school });
    expect(list.body.items[0]).toMatchObject({ id: queued.body.id, status: 'done' });
  }, 180_000);

  it('one bad row among 10,000 writes nothing and reports exactly that line, field and reason', async () => {
    const tag = uniqueSuffix();
    const rows = studentRows(10_000, tag);
    rows[4_999][4] = '2008-02-30'; // line 5,001
    const before = await studentsOf();
    const queued = await importStudents(toCsv([STUDENT_HEADER, ...rows]));
    const rejected = await finished(queued.body.id);
    expect(rejected).toMatchObject({ status: 'rejected', totalRows: 10_000, importedRows: 0, errorCount: 1 });
    expect(rejected.errors).toEqual([{ line: 5_001, field: 'dateOfBirth', reason: 'INVALID_DATE', value: '2008-02-30' }]);
    expect(await studentsOf()).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email LIKE $1`, [`%.${tag}@import.example.cn`])).toBe(0);
  }, 180_000);

  it('reports e-mails repeated within the file and e-mails that already have an account, every one of them', async () => {
    const tag = uniqueSuffix();
    const rows = studentRows(6, tag);
    rows[3][1] = rows[0][1].toUpperCase(); // line 5 repeats line 2
    rows[4][1] = demo('student'); // line 6: an existing account
    rows[5][0] = ''; // line 7: no name
    const rejected = await finished((await importStudents(toCsv([STUDENT_HEADER, ...rows], false))).body.id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.errors).toEqual([
      { line: 5, field: 'email', reason: 'DUPLICATE_IN_FILE', value: `${rows[0][1]} (2)` },
      { line: 6, field: 'email', reason: 'EMAIL_TAKEN', value: demo('student') },
      { line: 7, field: 'name', reason: 'REQUIRED' },
    ]);
  }, 60_000);

  it('a header without a required column is refused as a whole', async () => {
    const rejected = await finished(
      (
        await importStudents(
          toCsv([
            ['姓名', '邮箱'],
            ['王五', 'w5@x.cn'],
          ]),
        )
      ).body.id,
    );
    expect(rejected).toMatchObject({ status: 'rejected', errorCount: 3 });
    expect(rejected.errors.map((e) => `${e.line}:${e.field}:${e.reason}`)).toEqual([
      '1:major:MISSING_COLUMN',
      '1:enrolmentYear:MISSING_COLUMN',
      '1:dateOfBirth:MISSING_COLUMN',
    ]);
  }, 60_000);

  it('an unreadable file, a file with only its header, and a file with more errors than are kept', async () => {
    const unreadable = await finished((await importStudents(Buffer.from('PK\u0003\u0004 not a workbook'), school, 'x.xlsx')).body.id);
    expect(unreadable).toMatchObject({ status: 'rejected', errors: [{ line: 0, field: null, reason: 'UNREADABLE_FILE' }] });
    const empty = await finished((await importStudents(toCsv([STUDENT_HEADER]))).body.id);
    expect(empty).toMatchObject({ status: 'rejected', errors: [{ line: 0, field: null, reason: 'EMPTY_FILE' }] });

    const rows = studentRows(1_500, uniqueSuffix()).map((row) => [row[0], 'not-an-email', ...row.slice(2)]);
    const many = await finished((await importStudents(toCsv([STUDENT_HEADER, ...rows]))).body.id);
    expect(many).toMatchObject({ status: 'rejected', errorCount: 1_500 });
    expect(many.errors).toHaveLength(1_000);
    expect(many.errors[999]).toMatchObject({ line: 1_001, field: 'email', reason: 'INVALID_EMAIL' });
  }, 60_000);

  it('reads a CSV that Excel saved in GB 18030 (GBK), as Chinese offices often do', async () => {
    const tag = uniqueSuffix();
    // 姓名,邮箱,专业,入学年份,出生日期 and 王五,…,护理,2025,2009-05-01 as GB 18030 bytes
    const header = Buffer.from([
      0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd3, 0xca, 0xcf, 0xe4, 0x2c, 0xd7, 0xa8, 0xd2, 0xb5, 0x2c, 0xc8, 0xeb, 0xd1, 0xa7, 0xc4, 0xea, 0xb7,
      0xdd, 0x2c, 0xb3, 0xf6, 0xc9, 0xfa, 0xc8, 0xd5, 0xc6, 0xda, 0x0d, 0x0a,
    ]);
    const row = Buffer.concat([
      Buffer.from([0xcd, 0xf5, 0xce, 0xe5]),
      Buffer.from(`,gbk.${tag}@import.example.cn,`),
      Buffer.from([0xbb, 0xa4, 0xc0, 0xed]),
      Buffer.from(',2025,2009-05-01\r\n'),
    ]);
    const done = await finished((await importStudents(Buffer.concat([header, row]), school, 'gbk.csv')).body.id);
    expect(done).toMatchObject({ status: 'done', importedRows: 1 });
    const [student] = await api.db.query(`SELECT u.name, s.major FROM users u JOIN students s ON s.user_id = u.id WHERE u.email = $1`, [
      `gbk.${tag}@import.example.cn`,
    ]);
    expect(student).toEqual({ name: '王五', major: '护理' });
  }, 60_000);

  it('teachers from an XLSX workbook with English headers, hyperlinked e-mails and real date cells', async () => {
    const tag = uniqueSuffix();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Teachers');
    sheet.addRow(['Name', 'Email', 'Specialty', 'Specialty course teacher', 'Dual-qualified']);
    for (const row of teacherRows(300, tag)) sheet.addRow(row);
    sheet.getCell('B2').value = { text: `t0.${tag}@import.example.cn`, hyperlink: `mailto:t0.${tag}@import.example.cn` };
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await count(`SELECT count(*)::int AS n FROM teachers WHERE school_id = $1`, [schoolId]);
    const queued = await upload(
      `/schools/${schoolId}/imports`,
      school,
      { name: 'teachers.xlsx', bytes, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      { kind: 'teachers' },
    );
    expect(queued.body.format).toBe('xlsx');
    expect(await finished(queued.body.id)).toMatchObject({ status: 'done', importedRows: 300 });
    expect(await count(`SELECT count(*)::int AS n FROM teachers WHERE school_id = $1`, [schoolId])).toBe(before + 300);
    const [first] = await api.db.query(
      `SELECT t.specialty_course_teacher AS c, t.dual_qualified AS d FROM teachers t JOIN users u ON u.id = t.user_id WHERE u.email = $1`,
      [`t0.${tag}@import.example.cn`],
    );
    expect(first).toEqual({ c: false, d: false });
  }, 60_000);

  it('another school’s admin cannot import into this school or read its imports (404); a student may not import (403)', async () => {
    const csv = toCsv([STUDENT_HEADER, ...studentRows(2, uniqueSuffix())]);
    const other = await importStudents(csv, otherSchool);
    expect(other.status).toBe(404);
    expect(isProblem(other.body) && other.body.code).toBe('NOT_FOUND');
    const student = await importStudents(csv, await api.token(demo('student')));
    expect(student.status).toBe(403);

    const mine = await importStudents(csv);
    expect((await api.request('GET', `/imports/${mine.body.id}`, { token: otherSchool })).status).toBe(404);
    expect((await api.request('GET', `/schools/${schoolId}/imports`, { token: otherSchool })).status).toBe(404);
    expect((await api.request('POST', `/imports/${mine.body.id}/activation-codes`, { token: otherSchool })).status).toBe(404);
    await finished(mine.body.id);
  }, 60_000);

  it('refuses a form without a kind or a file, and a JSON body', async () => {
    const form = new FormData();
    form.append('kind', 'parents');
    form.append('file', new Blob(['x']), 'x.csv');
    const wrongKind = await fetch(`${api.url}/schools/${schoolId}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${school}` },
      body: form,
    });
    expect(wrongKind.status).toBe(400);
    expect(await wrongKind.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'kind' }] });

    const noFile = new FormData();
    noFile.append('kind', 'students');
    const missing = await fetch(`${api.url}/schools/${schoolId}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${school}` },
      body: noFile,
    });
    expect(await missing.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'file' }] });

    const json = await api.request('POST', `/schools/${schoolId}/imports`, { token: school, body: { kind: 'students' } });
    expect(json.status).toBe(415);
  });

  it('an imported student activates the account with the school’s one-time code, then signs in; the code works once', async () => {
    const tag = uniqueSuffix();
    const done = await finished((await importStudents(toCsv([STUDENT_HEADER, ...studentRows(3, tag)]))).body.id);
    expect(done.status).toBe('done');
    const email = `s2.${tag}@import.example.cn`;

    const refused = await api.request('POST', '/auth/login', { body: { email, password: 'Anything#1' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'ACCOUNT_NOT_ACTIVATED' });

    const response = await fetch(`${api.url}/imports/${done.id}/activation-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${school}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('姓名,邮箱,激活码');
    expect(lines).toHaveLength(4);
    const code = lines.find((line) => line.includes(email))!.split(',')[2];
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    const wrong = await api.request('POST', '/auth/activate', { body: { email, code: 'AAAAA-AAAAA', password: 'Mine#2026x' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'INVALID_ACTIVATION_CODE' });

    const activated = await api.request<LoginResponse>('POST', '/auth/activate', {
      body: { email, code: code.toLowerCase(), password: 'Mine#2026x' },
    });
    expect(activated.status).toBe(200);
    expect(activated.body.user).toMatchObject({ email, role: 'student' });
    const login = await api.request<LoginResponse>('POST', '/auth/login', { body: { email, password: 'Mine#2026x' } });
    expect(login.status).toBe(200);
    expect((await api.request('GET', '/students/me', { token: login.body.accessToken })).body).toMatchObject({ email, schoolId });

    expect((await api.request('POST', '/auth/activate', { body: { email, code, password: 'Other#2026x' } })).status).toBe(401);
    expect((await api.request<ImportView>('GET', `/imports/${done.id}`, { token: school })).body.pendingActivations).toBe(2);
  }, 60_000);

  describe('control characters', () => {
    /** A form written byte by byte, so that a file name or a field can hold exactly what a hostile client sends. */
    const rawForm = async (path: string, token: string, parts: Array<{ name: string; value: string; fileName?: string }>) => {
      const boundary = `----sb${uniqueSuffix()}`;
      const body = Buffer.concat([
        ...parts.map((part) =>
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
              (part.fileName === undefined ? '\r\n\r\n' : `; filename="${part.fileName}"\r\nContent-Type: text/csv\r\n\r\n`) +
              `${part.value}\r\n`,
          ),
        ),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      const response = await fetch(api.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: (await response.json()) as { code?: string; errors?: Array<{ field: string }> },
      };
    };
    const importsCount = () => count(`SELECT count(*)::int AS n FROM imports`);

    it('a NUL in a students CSV cell is rejected with CONTROL_CHARACTER at its line and column (the e-mail, or a cell that would pass), nothing written', async () => {
      const tag = uniqueSuffix();
      const rows = studentRows(4, tag);
      rows[0][1] = `s0.${tag}\u0000@import.example.cn`; // line 2: an e-mail, which its own check would refuse too
      rows[1][0] = '王\u0000五'; // line 3: a name, which would otherwise go to COPY as it is
      rows[2][5] = 'PLC编程\u0007'; // line 4: another control character, in a list
      const rejected = await finished((await importStudents(toCsv([STUDENT_HEADER, ...rows]))).body.id);
      expect(rejected).toMatchObject({ status: 'rejected', errorCount: 3, importedRows: 0, failure: null });
      expect(rejected.errors).toEqual([
        { line: 2, field: 'email', reason: 'CONTROL_CHARACTER', value: `s0.${tag}\u2400@import.example.cn` },
        { line: 3, field: 'name', reason: 'CONTROL_CHARACTER', value: '王\u2400五' },
        { line: 4, field: 'skills', reason: 'CONTROL_CHARACTER', value: 'PLC编程\u2407' },
      ]);
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE email LIKE $1`, [`%.${tag}@import.example.cn`])).toBe(0);
    }, 60_000);

    it('an XLSX cell holding a control character XML can carry (C1) is rejected the same way', async () => {
      const tag = uniqueSuffix();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Teachers');
      sheet.addRow(['Name', 'Email', 'Specialty', 'Specialty course teacher', 'Dual-qualified']);
      for (const row of teacherRows(3, tag)) sheet.addRow(row);
      sheet.getCell('A3').value = 'Li\u009bMing';
      sheet.getCell('C4').value = '数控\u0085技术';
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const queued = await upload(`/schools/${schoolId}/imports`, school, { name: 't.xlsx', bytes }, { kind: 'teachers' });
      const rejected = await finished(queued.body.id);
      expect(rejected.errors).toEqual([
        { line: 3, field: 'name', reason: 'CONTROL_CHARACTER', value: 'Li\ufffdMing' },
        { line: 4, field: 'specialty', reason: 'CONTROL_CHARACTER', value: '数控\ufffd技术' },
      ]);
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE email LIKE $1`, [`%.${tag}@import.example.cn`])).toBe(0);
    }, 60_000);

    it('a NUL in a headcount file’s credit code is rejected with CONTROL_CHARACTER, nothing written', async () => {
      const miit = await api.token(demo('miit'));
      const [mine]: Array<{ id: string; uscc: string }> = await api.db.query(
        `SELECT id, uscc FROM organisations WHERE kind = 'enterprise' AND ownership IS DISTINCT FROM 'municipal_soe' ORDER BY name LIMIT 1`,
      );
      const before = await count(`SELECT count(*)::int AS n FROM enterprise_headcounts WHERE organisation_id = $1 AND employees = 6543`, [
        mine.id,
      ]);
      const queued = await upload('/headcount-imports', miit, {
        name: 'h.csv',
        bytes: toCsv([
          ['统一社会信用代码', '年份', '职工人数'],
          [`${mine.uscc}\u0000`, '2026', '6543'],
        ]),
      });
      const rejected = await finished(queued.body.id, miit);
      expect(rejected).toMatchObject({
        status: 'rejected',
        errors: [{ line: 2, field: 'uscc', reason: 'CONTROL_CHARACTER', value: `${mine.uscc}\u2400` }],
      });
      expect(
        await count(`SELECT count(*)::int AS n FROM enterprise_headcounts WHERE organisation_id = $1 AND employees = 6543`, [mine.id]),
      ).toBe(before);
    }, 60_000);

    it('a file name or a field holding a NUL is a 400 naming it, and no import is made', async () => {
      const before = await importsCount();
      const csv = toCsv([STUDENT_HEADER, ...studentRows(1, uniqueSuffix())]);
      const badName = await rawForm(`/schools/${schoolId}/imports`, school, [
        { name: 'kind', value: 'students' },
        { name: 'file', value: csv, fileName: 'stu\u0000dents.csv' },
      ]);
      expect(badName).toMatchObject({
        status: 400,
        type: expect.stringContaining('application/problem+json'),
        body: { code: 'VALIDATION_FAILED', errors: [{ field: 'file' }] },
      });
      const badKind = await rawForm(`/schools/${schoolId}/imports`, school, [
        { name: 'kind', value: 'students\u0000' },
        { name: 'file', value: csv, fileName: 'students.csv' },
      ]);
      expect(badKind).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'kind' }] } });
      const badYear = await rawForm('/headcount-imports', await api.token(demo('miit')), [
        { name: 'year', value: '2026\u0000' },
        { name: 'file', value: 'x', fileName: 'h\u0001.csv' },
      ]);
      expect(badYear).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(badYear.body.errors?.map((e) => e.field).sort()).toEqual(['file', 'year']);
      expect(await importsCount()).toBe(before);
    }, 60_000);
  });

  describe('workbooks that unpack to too much', () => {
    const xlsx = { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

    it('a zip bomb (3 MB that unpack to 1.2 GB) is rejected FILE_TOO_LARGE_UNPACKED; the same bomb with a lying directory is refused as unreadable', async () => {
      const honest = await upload(
        `/schools/${schoolId}/imports`,
        school,
        { name: 'bomb.xlsx', bytes: hostileXlsx({ rows: 20_000_000 }), ...xlsx },
        { kind: 'students' },
      );
      expect(honest.status).toBe(202);
      expect(await finished(honest.body.id)).toMatchObject({
        status: 'rejected',
        errors: [{ line: 0, field: null, reason: 'FILE_TOO_LARGE_UNPACKED' }],
      });
      const lying = await upload(
        `/schools/${schoolId}/imports`,
        school,
        { name: 'bomb.xlsx', bytes: hostileXlsx({ rows: 20_000_000 }, () => 4096), ...xlsx },
        { kind: 'students' },
      );
      expect(await finished(lying.body.id)).toMatchObject({
        status: 'rejected',
        errors: [{ line: 0, field: null, reason: 'UNREADABLE_FILE' }],
      });
    }, 60_000);

    it('a 100 KB workbook holding one cell of 100 MB is rejected CELL_TOO_LONG', async () => {
      const bytes = hostileXlsx({ cellBytes: 100 * 2 ** 20 });
      expect(bytes.length).toBeLessThan(200 * 1024);
      const queued = await upload(`/schools/${schoolId}/imports`, school, { name: 'cell.xlsx', bytes, ...xlsx }, { kind: 'students' });
      expect(await finished(queued.body.id)).toMatchObject({
        status: 'rejected',
        errors: [{ line: 0, field: null, reason: 'CELL_TOO_LONG' }],
      });
    }, 60_000);
  });

  describe('headcounts from the bureaus (§13)', () => {
    const uscc = (body17: string) => body17 + usccCheckCharacter(body17);

    it('the MIIT officer’s file naming an enterprise outside the remit or awaiting verification is rejected whole; a good one updates headcounts and quotas', async () => {
      const miit = await api.token(demo('miit'));
      const enterprises: Array<{ id: string; uscc: string; ownership: string; verification: string }> = await api.db.query(
        `SELECT id, uscc, ownership, verification FROM organisations WHERE kind = 'enterprise' ORDER BY name`,
      );
      const mine = enterprises.filter((e) => e.ownership !== 'municipal_soe' && e.verification === 'verified').slice(0, 3);
      // Awaiting verification: in no officer's figures, so not theirs to report either.
      const pending = enterprises.find((e) => e.ownership !== 'municipal_soe' && e.verification === 'unverified')!;
      const soe = enterprises.find((e) => e.ownership === 'municipal_soe')!;
      const header = ['统一社会信用代码', '年份', '职工人数'];
      const unknown = uscc('91620100MA7XX0000');

      const bad = await upload('/headcount-imports', miit, {
        name: 'h.csv',
        bytes: toCsv([
          header,
          [mine[0].uscc, '2026', '5000'],
          [soe.uscc, '2026', '100'],
          [unknown, '2026', '10'],
          [pending.uscc, '2026', '20'],
        ]),
      });
      expect(bad.status).toBe(202);
      const rejected = await finished(bad.body.id, miit);
      expect(rejected.errors).toEqual([
        { line: 3, field: 'uscc', reason: 'UNKNOWN_ENTERPRISE', value: soe.uscc },
        { line: 4, field: 'uscc', reason: 'UNKNOWN_ENTERPRISE', value: unknown },
        { line: 5, field: 'uscc', reason: 'UNKNOWN_ENTERPRISE', value: pending.uscc },
      ]);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM enterprise_headcounts WHERE organisation_id = $1 AND year = 2026 AND employees = 5000`,
          [mine[0].id],
        ),
      ).toBe(0);

      const good = await upload('/headcount-imports', miit, {
        name: 'h.csv',
        bytes: toCsv([header, ...mine.map((e, i) => [e.uscc, '2026', String(5000 + i)])]),
      });
      expect(await finished(good.body.id, miit)).toMatchObject({ status: 'done', importedRows: 3 });
      const [quota] = await api.db.query(`SELECT employees, required FROM quota_years WHERE enterprise_id = $1 AND year = 2026`, [
        mine[0].id,
      ]);
      expect(quota).toEqual({ employees: 5000, required: 100 });

      expect((await upload('/headcount-imports', school, { name: 'h.csv', bytes: 'x' })).status).toBe(403);
      expect((await api.request('GET', `/imports/${good.body.id}`, { token: await api.token(demo('sasac')) })).status).toBe(404);
    }, 60_000);

    it('an officer downloads the year’s file filled in for the remit, fills the blanks and uploads it back whole; the list shows it', async () => {
      const [miit, sasac] = await Promise.all([api.token(demo('miit')), api.token(demo('sasac'))]);
      const remit = (soe: boolean): Promise<Array<{ uscc: string; name: string; employees: number | null }>> =>
        api.db.query(
          `SELECT o.uscc, o.name, q.employees FROM organisations o LEFT JOIN quota_years q ON q.enterprise_id = o.id AND q.year = 2026
            WHERE o.kind IN ('enterprise', 'training_base') AND o.uscc IS NOT NULL AND o.verification = 'verified'
              AND (o.ownership IS NOT DISTINCT FROM 'municipal_soe') = $1 ORDER BY o.name, o.id`,
          [soe],
        );
      const download = async (token: string, query: string) => {
        const response = await fetch(`${api.url}/headcount-imports/template?${query}`, { headers: { authorization: `Bearer ${token}` } });
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          lines: (await response.text())
            .replace(/^\uFEFF/, '')
            .trim()
            .split('\r\n'),
        };
      };

      const mine = await remit(false);
      const file = await download(miit, 'year=2026');
      expect(file.status).toBe(200);
      expect(file.type).toMatch(/^text\/csv/);
      expect(file.lines[0]).toBe('统一社会信用代码,企业名称,年份,职工人数');
      expect(file.lines.slice(1)).toEqual(mine.map((e) => `${e.uscc},${e.name},2026,${e.employees ?? ''}`));
      expect((await download(miit, 'year=2026&lang=en')).lines[0]).toBe('USCC,Enterprise name,Year,Employees');
      // SASAC's file holds the municipal SOEs only.
      expect((await download(sasac, 'year=2026')).lines.slice(1).map((l) => l.split(',')[0])).toEqual(
        (await remit(true)).map((e) => e.uscc),
      );

      const filled =
        [file.lines[0], ...file.lines.slice(1).map((line, i) => (line.endsWith(',') ? line + String(100 + i) : line))].join('\r\n') +
        '\r\n';
      const queued = await upload('/headcount-imports', miit, { name: '职工人数-2026.csv', bytes: '\uFEFF' + filled });
      expect(await finished(queued.body.id, miit)).toMatchObject({
        status: 'done',
        kind: 'headcounts',
        importedRows: mine.length,
        errorCount: 0,
      });
      expect((await remit(false)).every((e) => e.employees !== null)).toBe(true);
      const list = await api.request<Page<ImportView>>('GET', '/headcount-imports?limit=1', { token: miit });
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: queued.body.id, kind: 'headcounts', status: 'done', fileName: '职工人数-2026.csv' }),
      ]);
      expect((await api.request<Page<ImportView>>('GET', '/headcount-imports', { token: sasac })).body.items).toEqual([]);

      const edu = await api.request('GET', '/headcount-imports/template?year=2026', { token: await api.token(demo('edu')) });
      expect(edu.status).toBe(403);
      expect(isProblem(edu.body) && edu.body.code).toBe('FORBIDDEN');
      expect((await api.request('GET', '/headcount-imports/template?year=2026', { token: school })).status).toBe(403);
      const noYear = await api.request('GET', '/headcount-imports/template', { token: miit });
      expect(noYear.status).toBe(400);
      expect(noYear.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'year' })] });
    }, 60_000);

    it('an upload for one year refuses a row of another year, whole; a year no import may name is a 400', async () => {
      const miit = await api.token(demo('miit'));
      const [mine]: Array<{ id: string; uscc: string }> = await api.db.query(
        `SELECT id, uscc FROM organisations WHERE kind = 'enterprise' AND ownership IS DISTINCT FROM 'municipal_soe' ORDER BY name LIMIT 1`,
      );
      const header = ['统一社会信用代码', '年份', '职工人数'];
      const headcountOf = async (year: number) =>
        (await api.db.query(`SELECT employees FROM enterprise_headcounts WHERE organisation_id = $1 AND year = $2`, [mine.id, year]))[0]
          ?.employees ?? null;
      const before2025 = await headcountOf(2025);

      const mixed = await upload(
        '/headcount-imports',
        miit,
        { name: 'h.csv', bytes: toCsv([header, [mine.uscc, '2026', '7001'], [mine.uscc, '2025', '7002']]) },
        { year: '2026' },
      );
      expect(mixed.status).toBe(202);
      expect(mixed.body).toMatchObject({ kind: 'headcounts', year: 2026 });
      const rejected = await finished(mixed.body.id, miit);
      expect(rejected).toMatchObject({ status: 'rejected', year: 2026 });
      expect(rejected.errors).toEqual([{ line: 3, field: 'year', reason: 'NOT_THE_IMPORT_YEAR', value: '2025' }]);
      expect([await headcountOf(2026), await headcountOf(2025)]).not.toContain(7001);
      expect(await headcountOf(2025)).toBe(before2025);

      const right = await upload(
        '/headcount-imports',
        miit,
        { name: 'h.csv', bytes: toCsv([header, [mine.uscc, '2026', '7003']]) },
        { year: '2026' },
      );
      expect(await finished(right.body.id, miit)).toMatchObject({ status: 'done', importedRows: 1 });
      expect(await headcountOf(2026)).toBe(7003);

      for (const year of ['1999', '2200', 'next year']) {
        const refused = await upload(
          '/headcount-imports',
          miit,
          { name: 'h.csv', bytes: toCsv([header, [mine.uscc, '2026', '1']]) },
          { year },
        );
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'year' })] });
      }
    }, 60_000);
  });
});
