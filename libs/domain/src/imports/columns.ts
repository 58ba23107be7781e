import { isOwnKey } from '../own';

/**
 * 批量导入 — the columns of each bulk-import file, defined once. Headers are matched after
 * trimming, ignoring case, spaces and a trailing note in brackets (`出生日期（YYYY-MM-DD）`), so a
 * school's own spreadsheet with 姓名 or "Name" both work.
 */
export type ImportKind = 'students' | 'teachers' | 'headcounts' | 'majors';
export const IMPORT_KINDS: ImportKind[] = ['students', 'teachers', 'headcounts', 'majors'];
export type SchoolImportKind = Exclude<ImportKind, 'headcounts' | 'majors'>;
export const SCHOOL_IMPORT_KINDS: SchoolImportKind[] = ['students', 'teachers'];

export type ColumnType = 'text' | 'email' | 'date' | 'year' | 'count' | 'yesNo' | 'list' | 'uscc' | 'majorCode' | 'majorLevel';

export interface ImportColumn {
  /** The field name in code, in error reports and in the portal's texts. */
  key: string;
  type: ColumnType;
  required: boolean;
  /** The header the template uses (Chinese), then the English one. */
  headers: [zh: string, en: string, ...aliases: string[]];
  maxLength?: number;
}

export const STUDENT_COLUMNS: ImportColumn[] = [
  { key: 'name', type: 'text', required: true, headers: ['姓名', 'Name'], maxLength: 50 },
  { key: 'email', type: 'email', required: true, headers: ['邮箱', 'Email', '电子邮箱', 'E-mail'] },
  { key: 'major', type: 'text', required: true, headers: ['专业', 'Major'], maxLength: 50 },
  { key: 'enrolmentYear', type: 'year', required: true, headers: ['入学年份', 'Enrolment year', 'Enrollment year'] },
  { key: 'dateOfBirth', type: 'date', required: true, headers: ['出生日期', 'Date of birth', 'Birth date'] },
  { key: 'skills', type: 'list', required: false, headers: ['技能', 'Skills'], maxLength: 40 },
  { key: 'certificates', type: 'list', required: false, headers: ['证书', 'Certificates', '1+X证书'], maxLength: 80 },
];

export const TEACHER_COLUMNS: ImportColumn[] = [
  { key: 'name', type: 'text', required: true, headers: ['姓名', 'Name'], maxLength: 50 },
  { key: 'email', type: 'email', required: true, headers: ['邮箱', 'Email', '电子邮箱', 'E-mail'] },
  { key: 'specialty', type: 'text', required: true, headers: ['专业方向', 'Specialty'], maxLength: 50 },
  { key: 'specialtyCourseTeacher', type: 'yesNo', required: true, headers: ['专业课教师', 'Specialty course teacher'] },
  { key: 'dualQualified', type: 'yesNo', required: true, headers: ['双师型', 'Dual-qualified', 'Dual qualified'] },
];

/** §13: the yearly headcount an officer reports for the enterprises of their remit. */
export const HEADCOUNT_COLUMNS: ImportColumn[] = [
  { key: 'uscc', type: 'uscc', required: true, headers: ['统一社会信用代码', 'USCC', 'Unified social credit code'] },
  { key: 'year', type: 'year', required: true, headers: ['年份', 'Year'] },
  { key: 'employees', type: 'count', required: true, headers: ['职工人数', 'Employees', '员工人数'] },
];

/** The national vocational major catalogue (职业教育专业目录), as the platform admin imports it: one major a row. */
export const MAJOR_COLUMNS: ImportColumn[] = [
  { key: 'code', type: 'majorCode', required: true, headers: ['专业代码', 'Code', 'Major code'] },
  { key: 'nameZh', type: 'text', required: true, headers: ['专业名称', 'Name', 'Chinese name', '中文名称'], maxLength: 50 },
  { key: 'nameEn', type: 'text', required: true, headers: ['英文名称', 'English name'], maxLength: 120 },
  { key: 'level', type: 'majorLevel', required: true, headers: ['层次', 'Level', '教育层次'] },
  { key: 'category', type: 'text', required: true, headers: ['专业类', 'Category'], maxLength: 50 },
];

export const COLUMNS_OF: Record<ImportKind, ImportColumn[]> = {
  students: STUDENT_COLUMNS,
  teachers: TEACHER_COLUMNS,
  headcounts: HEADCOUNT_COLUMNS,
  majors: MAJOR_COLUMNS,
};

/** The import kind a name from outside (a route parameter) stands for; never an inherited key such as `constructor`. */
export const isImportKind = (name: string): name is ImportKind => isOwnKey(COLUMNS_OF, name);

/** The most rows one file may hold: a province's intake in one go, and no more. */
export const MAX_IMPORT_ROWS = 200_000;
/** Stored and shown: the first errors of a rejected file (the count is kept whole). */
export const MAX_REPORTED_ERRORS = 1000;

export const normaliseHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .replace(/[（(【[].*$/, '')
    .replace(/[\s_\-:：*]/g, '')
    .toLowerCase();

/** The template's first line, in Chinese (what a school's office works in) or English. */
export const templateHeaders = (kind: ImportKind, language: 'zh-CN' | 'en' = 'zh-CN'): string[] =>
  COLUMNS_OF[kind].map((column) => column.headers[language === 'en' ? 1 : 0]);
