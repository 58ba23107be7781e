import { ageOn } from '../dates';
import { MAJOR_CODE, majorLevelOf } from '../majors';
import { usccProblem } from '../uscc';
import type { MajorLevel } from '@skillbridge/contracts';
import { COLUMNS_OF, ImportColumn, ImportKind, normaliseHeader } from './columns';

/**
 * Why a row (or the whole file) was refused. Stable codes: the portal words them in the reader's
 * language, scripts match on them.
 */
export const IMPORT_REASONS = [
  // the file as a whole (line 0 or the header's line 1)
  'UNREADABLE_FILE',
  'FILE_TOO_LARGE_UNPACKED',
  'CELL_TOO_LONG',
  'EMPTY_FILE',
  'TOO_MANY_ROWS',
  'MISSING_COLUMN',
  'DUPLICATE_COLUMN',
  // one cell
  'REQUIRED',
  'CONTROL_CHARACTER',
  'TOO_LONG',
  'INVALID_EMAIL',
  'INVALID_DATE',
  'DATE_OUT_OF_RANGE',
  'INVALID_YEAR',
  'YEAR_OUT_OF_RANGE',
  'NOT_THE_IMPORT_YEAR',
  'INVALID_YES_NO',
  'INVALID_NUMBER',
  'INVALID_USCC',
  'INVALID_MAJOR_CODE',
  'INVALID_MAJOR_LEVEL',
  // against other rows or the database
  'DUPLICATE_IN_FILE',
  'EMAIL_TAKEN',
  'UNKNOWN_ENTERPRISE',
  'UNKNOWN_MAJOR',
  'MAJOR_NAME_TAKEN',
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

export interface ImportRowError {
  /** The line in the file (the header is line 1); 0 for the file as a whole. */
  line: number;
  /** The column's key (`email`, `dateOfBirth`, …), or null for a whole row or file. */
  field: string | null;
  reason: ImportReason;
  /** The offending value, shortened: enough to find it, not a copy of the file. */
  value?: string;
}

export interface StudentImportRow {
  name: string;
  email: string;
  major: string;
  enrolmentYear: number;
  dateOfBirth: string;
  skills: string[];
  certificates: string[];
}
export interface TeacherImportRow {
  name: string;
  email: string;
  specialty: string;
  specialtyCourseTeacher: boolean;
  dualQualified: boolean;
}
export interface HeadcountImportRow {
  uscc: string;
  year: number;
  employees: number;
}
export interface MajorImportRow {
  code: string;
  nameZh: string;
  nameEn: string;
  level: MajorLevel;
  category: string;
}
export interface ImportRowOf {
  students: StudentImportRow;
  teachers: TeacherImportRow;
  headcounts: HeadcountImportRow;
  majors: MajorImportRow;
}

/** The columns that name a row: a second row naming the same is a DUPLICATE_IN_FILE. */
const ROW_KEYS: Record<ImportKind, string[][]> = {
  students: [['email']],
  teachers: [['email']],
  headcounts: [['uscc', 'year']],
  majors: [['code'], ['nameZh']],
};

export interface ValidationOptions {
  /** Today, ISO: dates of birth and years are judged against it. */
  today: string;
  /** The year a headcount import is for, when its uploader named one: a row of another year is an error. */
  year?: number | null;
}

/**
 * A year typed into an import (a cell, or the year an upload is for): four digits, from `earliest`
 * to next year. The database holds 1990–2100; a year more than one ahead is a typing slip.
 */
export function importYear(raw: string, today: string, earliest = 2000): number | 'INVALID_YEAR' | 'YEAR_OUT_OF_RANGE' {
  if (!/^\d{4}$/.test(raw)) return 'INVALID_YEAR';
  const year = Number(raw);
  return year < earliest || year > Number(today.slice(0, 4)) + 1 ? 'YEAR_OUT_OF_RANGE' : year;
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '']);
const LIST_SEPARATORS = /[,，;；、|\n]/;
const MAX_LIST_ITEMS = 30;
/** An age a vocational student can have on import: catches a year typed as the enrolment year. */
const STUDENT_AGE = { min: 10, max: 80 };

const short = (value: string): string => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/* eslint-disable no-control-regex -- control characters are what these find */
/**
 * What no cell may hold: NUL, which PostgreSQL's text (and jsonb, so not even the report of it) cannot
 * store; the other C0 controls but tab and line breaks (which COPY escapes), DEL and the C1 controls,
 * which nobody types and which only come from a broken export; and half of a UTF-16 surrogate pair,
 * which is no character at all (an XLSX cell can carry one). One test per cell: the import stays at COPY speed.
 */
const CONTROL_CHARACTER = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|\p{Cs}/u;
const CONTROL_CHARACTERS = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|\p{Cs}/gu;
/** The same characters, or any half of a pair (a whole emoji too): a plain class, about twice as fast; nearly every cell stops here. */
const MAYBE_CONTROL_CHARACTER = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF]/;
/* eslint-enable no-control-regex */

/** Whether the text holds a character no stored text may (see CONTROL_CHARACTER): also asked of an upload's file name and fields. */
export const hasControlCharacter = (text: string): boolean => MAYBE_CONTROL_CHARACTER.test(text) && CONTROL_CHARACTER.test(text);

/**
 * Text as a report may show and store it: each control character as its visible picture (NUL as ␀,
 * U+2400…U+2421), anything else that cannot be stored as U+FFFD. A person sees where the bad character was.
 */
export function visibleText(text: string): string {
  return CONTROL_CHARACTER.test(text)
    ? text.replace(CONTROL_CHARACTERS, (c) => {
        const code = c.charCodeAt(0);
        return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
      })
    : text;
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or 2008年5月1日, as an ISO date when it is a real day. */
export function parseImportDate(text: string): string | null {
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export interface HeaderCheck {
  /** For each of the kind's columns, its index in the file's rows, or -1 when absent. */
  indexes: number[];
  errors: ImportRowError[];
}

/** Finds each column of the kind in the file's header line; missing required columns are errors. */
export function checkHeader(kind: ImportKind, header: string[]): HeaderCheck {
  const columns = COLUMNS_OF[kind];
  const errors: ImportRowError[] = [];
  const found = header.map(normaliseHeader);
  const indexes = columns.map((column) => {
    const names = new Set(column.headers.map(normaliseHeader));
    const at = found.flatMap((name, i) => (names.has(name) ? [i] : []));
    if (at.length > 1) errors.push({ line: 1, field: column.key, reason: 'DUPLICATE_COLUMN' });
    if (!at.length && column.required) errors.push({ line: 1, field: column.key, reason: 'MISSING_COLUMN' });
    return at.length ? at[0] : -1;
  });
  return { indexes, errors };
}

type Cell = string | number | boolean | string[];

/**
 * Validates the rows of one file, one at a time (a file of 10^5 rows never sits in memory twice).
 * Each cell is checked on its own, then the row's key (e-mail; USCC and year) against the rows
 * before it. Checks against the database (e-mail taken, enterprise unknown) are the caller's.
 */
export class ImportRowValidator<K extends ImportKind> {
  readonly columns: ImportColumn[];
  readonly headerErrors: ImportRowError[];
  private readonly indexes: number[];
  private readonly seen = new Map<string, number>();

  constructor(
    readonly kind: K,
    header: string[],
    private readonly options: ValidationOptions,
  ) {
    this.columns = COLUMNS_OF[kind];
    const check = checkHeader(kind, header);
    this.indexes = check.indexes;
    this.headerErrors = check.errors;
  }

  /** A row with nothing in it: spreadsheets end with a few; they are skipped, not reported. */
  static isBlank(cells: string[]): boolean {
    return cells.every((cell) => cell.trim() === '');
  }

  /** The row as typed values, or its errors (every bad cell, not only the first). */
  validate(cells: string[], line: number): { row: ImportRowOf[K] | null; errors: ImportRowError[] } {
    const errors: ImportRowError[] = [];
    const row: Record<string, Cell> = {};
    this.columns.forEach((column, i) => {
      const index = this.indexes[i];
      const raw = index < 0 ? '' : (cells[index] ?? '').trim();
      const value = this.cell(column, raw, line, errors);
      if (value !== undefined) row[column.key] = value;
    });
    if (!errors.length) {
      for (const fields of ROW_KEYS[this.kind]) {
        const key = `${fields[0]}:${fields.map((field) => String(row[field])).join('/')}`;
        const first = this.seen.get(key);
        if (first !== undefined) {
          const field = fields[0];
          errors.push({ line, field, reason: 'DUPLICATE_IN_FILE', value: `${short(String(row[field]))} (${first})` });
        } else this.seen.set(key, line);
      }
    }
    return errors.length ? { row: null, errors } : { row: row as unknown as ImportRowOf[K], errors };
  }

  private cell(column: ImportColumn, raw: string, line: number, errors: ImportRowError[]): Cell | undefined {
    const fail = (reason: ImportReason) => {
      errors.push({ line, field: column.key, reason, ...(raw ? { value: visibleText(short(raw)) } : {}) });
      return undefined;
    };
    if (hasControlCharacter(raw)) return fail('CONTROL_CHARACTER');
    if (raw === '' && column.type !== 'yesNo') {
      if (column.required) return fail('REQUIRED');
      return column.type === 'list' ? [] : undefined;
    }
    switch (column.type) {
      case 'text':
        return column.maxLength && raw.length > column.maxLength ? fail('TOO_LONG') : raw;
      case 'email': {
        const email = raw.toLowerCase();
        if (email.length > 254 || !EMAIL.test(email)) return fail('INVALID_EMAIL');
        return email;
      }
      case 'date': {
        const date = parseImportDate(raw);
        if (!date) return fail('INVALID_DATE');
        const age = ageOn(date, this.options.today);
        if (date > this.options.today || age < STUDENT_AGE.min || age > STUDENT_AGE.max) return fail('DATE_OUT_OF_RANGE');
        return date;
      }
      case 'year': {
        const year = importYear(raw, this.options.today, column.key === 'enrolmentYear' ? 1990 : 2000);
        if (typeof year !== 'number') return fail(year);
        return column.key === 'year' && this.options.year != null && year !== this.options.year ? fail('NOT_THE_IMPORT_YEAR') : year;
      }
      case 'count': {
        if (!/^\d{1,8}$/.test(raw.replace(/,/g, ''))) return fail('INVALID_NUMBER');
        return Number(raw.replace(/,/g, ''));
      }
      case 'yesNo': {
        const answer = raw.toLowerCase();
        if (YES.has(answer)) return true;
        if (NO.has(answer)) return answer === '' && column.required ? fail('REQUIRED') : false;
        return fail('INVALID_YES_NO');
      }
      case 'list': {
        const items = [
          ...new Set(
            raw
              .split(LIST_SEPARATORS)
              .map((item) => item.trim())
              .filter(Boolean),
          ),
        ];
        if (items.length > MAX_LIST_ITEMS || items.some((item) => column.maxLength !== undefined && item.length > column.maxLength))
          return fail('TOO_LONG');
        return items;
      }
      case 'uscc': {
        const code = raw.toUpperCase();
        return usccProblem(code) ? fail('INVALID_USCC') : code;
      }
      case 'majorCode':
        return MAJOR_CODE.test(raw) ? raw : fail('INVALID_MAJOR_CODE');
      case 'majorLevel':
        return majorLevelOf(raw) ?? fail('INVALID_MAJOR_LEVEL');
    }
  }
}

/** Errors in file order (line, then the column order of the template), as reports show them. */
export function sortImportErrors(errors: ImportRowError[], kind: ImportKind): ImportRowError[] {
  const order = new Map(COLUMNS_OF[kind].map((column, i) => [column.key, i]));
  return [...errors].sort((a, b) => a.line - b.line || (order.get(a.field ?? '') ?? -1) - (order.get(b.field ?? '') ?? -1));
}
