import { csvField, parseCsv, detectDelimiter } from './csv';
import { ImportRowValidator, checkHeader, parseImportDate, sortImportErrors, visibleText } from './validate';
import { templateHeaders } from './columns';
import { usccCheckCharacter } from '../uscc';

const today = '2026-11-29';
/** A CSV line of the cells exactly (no neutralising): what a school's own spreadsheet program writes. */
const csvLine = (cells: string[]): string => cells.map(csvField).join(',') + '\r\n';
const records = (text: string) => [...parseCsv(text)];

describe('CSV as spreadsheets write it', () => {
  it('strips the byte-order mark and reads CRLF, LF and quoted fields with commas, quotes and newlines', () => {
    const sut = records('\uFEFF姓名,备注\r\n王五,"说""好"",的"\r\n"李\n四",x\n');
    expect(sut).toEqual([
      { line: 1, cells: ['姓名', '备注'] },
      { line: 2, cells: ['王五', '说"好",的'] },
      { line: 3, cells: ['李\n四', 'x'] },
    ]);
  });

  it('numbers records by the line they start on and keeps empty cells', () => {
    expect(records('a,b\n"x\ny",\n,\nlast,1').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', '']],
      [4, ['', '']],
      [5, ['last', '1']],
    ]);
  });

  it('reads the delimiter off the header line', () => {
    expect(detectDelimiter('姓名;邮箱;专业\n')).toBe(';');
    expect(detectDelimiter('姓名\t邮箱\n')).toBe('\t');
    expect(detectDelimiter('姓名\n')).toBe(',');
    expect(records('a;b\n1;2')[1].cells).toEqual(['1', '2']);
  });

  it('writes fields back so that they read the same', () => {
    const cells = ['a,b', 'say "hi"', 'two\nlines', '', '普通'];
    expect(records(csvLine(cells))[0].cells).toEqual(cells);
  });
});

describe('dates in a spreadsheet', () => {
  it.each([
    ['2008-05-01', '2008-05-01'],
    ['2008/5/1', '2008-05-01'],
    ['2008.05.01', '2008-05-01'],
    ['20080501', '2008-05-01'],
    ['2008年5月1日', '2008-05-01'],
    ['2008-02-30', null],
    ['01/05/2008', null],
    ['2008-5', null],
  ])('%s → %s', (text, expected) => expect(parseImportDate(text)).toBe(expected));
});

describe('the header line', () => {
  it('finds Chinese or English headers in any order, ignoring case, spaces and notes', () => {
    const sut = checkHeader('students', ['Email', ' 姓名 ', '出生日期（YYYY-MM-DD）', 'MAJOR', '入学年份']);
    expect(sut.errors).toEqual([]);
    expect(sut.indexes).toEqual([1, 0, 3, 4, 2, -1, -1]);
  });

  it('names every missing required column and a column given twice', () => {
    const sut = checkHeader('teachers', ['姓名', 'Name', '邮箱']);
    expect(sut.errors).toEqual([
      { line: 1, field: 'name', reason: 'DUPLICATE_COLUMN' },
      { line: 1, field: 'specialty', reason: 'MISSING_COLUMN' },
      { line: 1, field: 'specialtyCourseTeacher', reason: 'MISSING_COLUMN' },
      { line: 1, field: 'dualQualified', reason: 'MISSING_COLUMN' },
    ]);
  });

  it('the template header is a valid header in both languages', () => {
    for (const kind of ['students', 'teachers', 'headcounts'] as const) {
      expect(checkHeader(kind, templateHeaders(kind)).errors).toEqual([]);
      expect(checkHeader(kind, templateHeaders(kind, 'en')).errors).toEqual([]);
    }
  });
});

describe('student rows', () => {
  const header = templateHeaders('students');
  const sut = () => new ImportRowValidator('students', header, { today });

  it('types a good row: trimmed, e-mail in lower case, lists split on Chinese and Latin separators', () => {
    const result = sut().validate(
      [' 王子涵 ', 'Wang.ZiHan@School.CN', '机电一体化技术', '2025', '2009/3/7', 'PLC编程、电气装调, PLC编程', ''],
      2,
    );
    expect(result).toEqual({
      errors: [],
      row: {
        name: '王子涵',
        email: 'wang.zihan@school.cn',
        major: '机电一体化技术',
        enrolmentYear: 2025,
        dateOfBirth: '2009-03-07',
        skills: ['PLC编程', '电气装调'],
        certificates: [],
      },
    });
  });

  it('reports every bad cell of a row with its line, field and reason', () => {
    const result = sut().validate(['', 'not-an-email', 'x'.repeat(51), '25', '2009-02-30', '', ''], 7);
    expect(result.row).toBeNull();
    expect(result.errors).toEqual([
      { line: 7, field: 'name', reason: 'REQUIRED' },
      { line: 7, field: 'email', reason: 'INVALID_EMAIL', value: 'not-an-email' },
      { line: 7, field: 'major', reason: 'TOO_LONG', value: 'x'.repeat(51) },
      { line: 7, field: 'enrolmentYear', reason: 'INVALID_YEAR', value: '25' },
      { line: 7, field: 'dateOfBirth', reason: 'INVALID_DATE', value: '2009-02-30' },
    ]);
  });

  it('refuses a year beyond next year or before 1990, and a birth date in the future or of a child', () => {
    const v = sut();
    const reasons = (cells: string[]) => v.validate(cells, 2).errors.map((e) => `${e.field}:${e.reason}`);
    expect(reasons(['甲', 'a@x.cn', 'm', '2028', '2009-01-01'])).toEqual(['enrolmentYear:YEAR_OUT_OF_RANGE']);
    expect(reasons(['甲', 'b@x.cn', 'm', '1989', '2009-01-01'])).toEqual(['enrolmentYear:YEAR_OUT_OF_RANGE']);
    expect(reasons(['甲', 'c@x.cn', 'm', '2027', '2027-01-01'])).toEqual(['dateOfBirth:DATE_OUT_OF_RANGE']);
    expect(reasons(['甲', 'd@x.cn', 'm', '2025', '2020-01-01'])).toEqual(['dateOfBirth:DATE_OUT_OF_RANGE']);
  });

  it('reports an e-mail given twice in the file at the later line, naming the first', () => {
    const v = sut();
    expect(v.validate(['甲', 'same@x.cn', 'm', '2025', '2009-01-01'], 2).errors).toEqual([]);
    expect(v.validate(['乙', 'SAME@x.cn', 'm', '2025', '2009-01-01'], 9).errors).toEqual([
      { line: 9, field: 'email', reason: 'DUPLICATE_IN_FILE', value: 'same@x.cn (2)' },
    ]);
  });

  it('refuses a cell holding a control character (NUL first of all), with the character made visible in the report', () => {
    const v = sut();
    const reasons = (cells: string[]) => v.validate(cells, 4).errors;
    expect(reasons(['甲', 'a\u0000@x.cn', 'm', '2025', '2009-01-01'])).toEqual([
      { line: 4, field: 'email', reason: 'CONTROL_CHARACTER', value: 'a\u2400@x.cn' },
    ]);
    // A cell that would otherwise pass (a name goes to COPY as it is) is refused the same way.
    expect(reasons(['王\u0000五', 'b@x.cn', 'm', '2025', '2009-01-01'])).toEqual([
      { line: 4, field: 'name', reason: 'CONTROL_CHARACTER', value: '王\u2400五' },
    ]);
    for (const bad of ['\u0001', '\u001b', '\u007f', '\u0085', '\ud800', 'x\udc00']) {
      expect(reasons([`乙${bad}`, 'c@x.cn', 'm', '2025', '2009-01-01']).map((e) => e.reason)).toEqual(['CONTROL_CHARACTER']);
    }
    expect(reasons(['技\u0000', 'd@x.cn', 'm', '2025', '2009-01-01', 'PLC\u0000编程']).map((e) => `${e.field}:${e.reason}`)).toEqual([
      'name:CONTROL_CHARACTER',
      'skills:CONTROL_CHARACTER',
    ]);
    // Tabs and line breaks inside a cell are text (COPY escapes them), and a whole emoji is one character.
    expect(reasons(['丙😀', 'e@x.cn', 'm', '2025', '2009-01-01', 'PLC编程\n电气装调\t'])).toEqual([]);
  });

  it('makes control characters visible and storable in a report', () => {
    expect(visibleText('a\u0000b\u001fc\u007fd\u0085e\ud800')).toBe('a\u2400b\u241fc\u2421d\ufffde\ufffd');
    expect(visibleText('王五 😀')).toBe('王五 😀');
  });

  it('skips blank rows', () => {
    expect(ImportRowValidator.isBlank(['', ' ', ''])).toBe(true);
    expect(ImportRowValidator.isBlank(['', 'x'])).toBe(false);
  });
});

describe('teacher rows', () => {
  const v = new ImportRowValidator('teachers', ['姓名', '邮箱', '专业方向', '专业课教师', '双师型'], { today });

  it.each([
    ['是', '否', true, false],
    ['Y', 'n', true, false],
    ['yes', '√', true, true],
    ['1', '0', true, false],
  ])('reads %s / %s as yes or no', (course, dual, expectedCourse, expectedDual) => {
    const { row } = v.validate(['张老师', `t${encodeURIComponent(course + dual).replace(/%/g, '')}@x.cn`, '数控技术', course, dual], 2);
    expect(row).toMatchObject({ specialtyCourseTeacher: expectedCourse, dualQualified: expectedDual });
  });

  it('refuses anything else, and an empty answer', () => {
    expect(v.validate(['张老师', 'q@x.cn', '数控技术', '也许', ''], 5).errors).toEqual([
      { line: 5, field: 'specialtyCourseTeacher', reason: 'INVALID_YES_NO', value: '也许' },
      { line: 5, field: 'dualQualified', reason: 'REQUIRED' },
    ]);
  });
});

describe('headcount rows', () => {
  const v = new ImportRowValidator('headcounts', ['统一社会信用代码', '年份', '职工人数'], { today });

  it('checks the USCC check character, the year and the count; one row per enterprise and year', () => {
    const body = '91620100MA7XQ5D8Y';
    const good = body + usccCheckCharacter(body);
    const bad = body + (good.endsWith('0') ? '1' : '0');
    expect(v.validate([bad, '2026', '10'], 2).errors.map((e) => e.reason)).toEqual(['INVALID_USCC']);
    expect(v.validate([good.toLowerCase(), '2026', '1,200'], 3)).toEqual({ errors: [], row: { uscc: good, year: 2026, employees: 1200 } });
    expect(v.validate([good, '1999', '-3'], 4).errors.map((e) => `${e.field}:${e.reason}`)).toEqual([
      'year:YEAR_OUT_OF_RANGE',
      'employees:INVALID_NUMBER',
    ]);
    expect(v.validate([good, '2026', '12'], 5).errors).toEqual([
      { line: 5, field: 'uscc', reason: 'DUPLICATE_IN_FILE', value: `${good} (3)` },
    ]);
    expect(v.validate([good, '2025', '12'], 6).errors).toEqual([]);
  });

  it('holds every row to the import’s year when the uploader named one', () => {
    const body = '91620100MA7XQ5D8Y';
    const good = body + usccCheckCharacter(body);
    const of2026 = new ImportRowValidator('headcounts', ['统一社会信用代码', '年份', '职工人数'], { today, year: 2026 });
    expect(of2026.validate([good, '2026', '10'], 2).errors).toEqual([]);
    expect(of2026.validate([good, '2025', '10'], 3).errors).toEqual([
      { line: 3, field: 'year', reason: 'NOT_THE_IMPORT_YEAR', value: '2025' },
    ]);
    // A year no import may name is reported as that, not as the wrong year.
    expect(of2026.validate([good, '1999', '10'], 4).errors.map((e) => e.reason)).toEqual(['YEAR_OUT_OF_RANGE']);
  });

  it('refuses a NUL in the credit code as a control character, not as a bad code', () => {
    const body = '91620100MA7XQ5D8Y';
    const good = body + usccCheckCharacter(body);
    expect(v.validate([`${good}\u0000`, '2026', '10'], 2).errors).toEqual([
      { line: 2, field: 'uscc', reason: 'CONTROL_CHARACTER', value: `${good}\u2400` },
    ]);
  });
});

describe('the report', () => {
  it('lists errors by line, then in the template’s column order', () => {
    const sorted = sortImportErrors(
      [
        { line: 9, field: 'email', reason: 'EMAIL_TAKEN' },
        { line: 3, field: 'dateOfBirth', reason: 'INVALID_DATE' },
        { line: 3, field: 'name', reason: 'REQUIRED' },
      ],
      'students',
    );
    expect(sorted.map((e) => `${e.line}:${e.field}`)).toEqual(['3:name', '3:dateOfBirth', '9:email']);
  });
});
