import { ImportFailureReason, ImportStatus, statement } from '@skillbridge/db';
import type { Authority, OrganisationKind, Ownership, Remit, Role } from '@skillbridge/domain';
import type { CopyValue } from './copy-text';

/**
 * The imports' SQL: the runner's guarded status writes, its bulk path (COPY into a temporary table,
 * then set-based statements over it) and the sweep. Benchmarked (bench: ~10–25k students/s): the bulk
 * path is one COPY and a handful of INSERT … SELECT, whatever the file's size.
 */

// The import row, as the runner and the sweep hold it. Every status write is guarded by the statuses it may leave.

/** As base64, not bytea's hex text: node-pg decodes 10 MB of hex in ~0.6 s, base64 in a fraction of it. */
export const IMPORT_FILE = statement<[importId: string], { file: string | null }>(
  'import-runner.file',
  `SELECT encode(file, 'base64') AS file FROM imports WHERE id = $1`,
);

/** Taken up only while unfinished: a late retry of an import the sweep ended gets no row. */
export const CLAIM_IMPORT = statement<[importId: string, unfinished: ImportStatus[]], { id: string }>(
  'import-runner.claim',
  `UPDATE imports SET status = 'validating', processed_rows = 0, failure = NULL, updated_at = now() WHERE id = $1 AND status = ANY($2) RETURNING id`,
);

/** Keeps a running import's updated_at fresh, so that the sweep does not take it for a dead one. */
export const IMPORT_HEARTBEAT = statement<[importId: string, running: ImportStatus[]], never>(
  'import-runner.heartbeat',
  `UPDATE imports SET updated_at = now() WHERE id = $1 AND status = ANY($2)`,
);

export const IMPORT_PROGRESS = statement<[importId: string, processedRows: number, running: ImportStatus[]], never>(
  'import-runner.progress',
  `UPDATE imports SET processed_rows = $2, updated_at = now() WHERE id = $1 AND status = ANY($3)`,
);

/** Every row staged: the checks and writes begin. No row back when the sweep ended the import meanwhile. */
export const START_IMPORTING = statement<[importId: string, totalRows: number, running: ImportStatus[]], { id: string }>(
  'import-runner.importing',
  `UPDATE imports SET total_rows = $2, processed_rows = $2, status = 'importing', updated_at = now() WHERE id = $1 AND status = ANY($3) RETURNING id`,
);

/** Done only if still importing: the row's lock then holds off the sweep until the commit. */
export const IMPORT_DONE = statement<[importId: string, totalRows: number, importedRows: number], never>(
  'import-runner.done',
  `UPDATE imports SET status = 'done', total_rows = $2, processed_rows = $2, imported_rows = $3, file = NULL, finished_at = now(), updated_at = now()
    WHERE id = $1 AND status = 'importing'`,
);

/** `errors`: the report as JSON. No row back when the sweep ended the import meanwhile. */
export const REJECT_IMPORT = statement<[importId: string, errors: string, errorCount: number, running: ImportStatus[]], { id: string }>(
  'import-runner.reject',
  `UPDATE imports SET status = 'rejected', errors = $2::jsonb, error_count = $3, imported_rows = 0, file = NULL,
          processed_rows = coalesce(total_rows, 0), finished_at = now(), updated_at = now() WHERE id = $1 AND status = ANY($4) RETURNING id`,
);

/** The last attempt failed: final. `failure` is PostgreSQL's own words, for the operators. */
export const FAIL_IMPORT = statement<[importId: string, failure: string, running: ImportStatus[]], never>(
  'import-runner.fail',
  `UPDATE imports SET status = 'failed', failure = $2, failure_reason = 'INTERNAL_ERROR', file = NULL, finished_at = now(), updated_at = now()
    WHERE id = $1 AND status = ANY($3)`,
);

/** An attempt failed with more to come: the import waits for the next. */
export const REQUEUE_IMPORT = statement<[importId: string, failure: string, running: ImportStatus[]], never>(
  'import-runner.requeue',
  `UPDATE imports SET status = 'queued', failure = $2, updated_at = now() WHERE id = $1 AND status = ANY($3)`,
);

/** Who uploaded a headcounts file: their remit decides which enterprises it may name. */
export const IMPORT_CREATOR = statement<
  [userId: string],
  { id: string; role: Role; organisation_id: string | null; authority: Authority | null }
>('import-runner.creator', `SELECT id, role, organisation_id, authority FROM users WHERE id = $1`);

// The sweep.

/** Unfinished imports quiet for `lookupMs`, oldest first; `stale` when quiet for `staleMs` too. */
export const QUIET_IMPORTS = statement<
  [lookupMs: number, staleMs: number, unfinished: ImportStatus[], batch: number],
  { id: string; status: ImportStatus; stale: boolean }
>(
  'import-sweep.quiet',
  `SELECT id, status, updated_at < now() - $2 * interval '1 millisecond' AS stale FROM imports
    WHERE status = ANY($3) AND updated_at < now() - $1 * interval '1 millisecond'
    ORDER BY updated_at LIMIT $4`,
);

/** Re-checks that the import is still unfinished and still quiet: a runner that has just taken it up again is never overruled. */
export const END_QUIET_IMPORT = statement<
  [importId: string, reason: ImportFailureReason, failure: string, quietMs: number, unfinished: ImportStatus[]],
  { id: string }
>(
  'import-sweep.end',
  `UPDATE imports SET status = 'failed', failure_reason = $2, failure = $3, file = NULL, finished_at = now(), updated_at = now()
    WHERE id = $1 AND status = ANY($5) AND updated_at < now() - $4 * interval '1 millisecond'
    RETURNING id`,
);

// The bulk path: each kind's file is staged in `import_rows`, a temporary table dropped at commit.

/**
 * A kind's staging: the temporary table for its file's good rows (always `line` first) and the COPY
 * that fills it. DDL and COPY, so not statements PREPARE can check: the statements over the table
 * name its DDL (`requires`), which the statements test runs first, so a wrong column fails there.
 */
export interface Staging<Row extends CopyValue[]> {
  readonly create: string;
  /** COPY … FROM STDIN, its columns in the order of `Row`. */
  readonly copy: string;
  /** Carries the types only; never set. */
  readonly types?: { row: Row };
}

export const STUDENTS_STAGING: Staging<
  [
    line: number,
    id: string,
    name: string,
    email: string,
    major: string,
    enrolmentYear: number,
    dateOfBirth: string,
    skills: string[],
    certificates: string[],
  ]
> = {
  create: `CREATE TEMP TABLE import_rows (line int NOT NULL, id uuid NOT NULL, name text NOT NULL, email text NOT NULL,
             major text NOT NULL, enrolment_year int NOT NULL, date_of_birth date NOT NULL,
             skills text[] NOT NULL, certificates text[] NOT NULL) ON COMMIT DROP`,
  copy: 'COPY import_rows (line, id, name, email, major, enrolment_year, date_of_birth, skills, certificates) FROM STDIN',
};

export const TEACHERS_STAGING: Staging<
  [line: number, id: string, name: string, email: string, specialty: string, specialtyCourseTeacher: boolean, dualQualified: boolean]
> = {
  create: `CREATE TEMP TABLE import_rows (line int NOT NULL, id uuid NOT NULL, name text NOT NULL, email text NOT NULL,
             specialty text NOT NULL, specialty_course_teacher boolean NOT NULL, dual_qualified boolean NOT NULL) ON COMMIT DROP`,
  copy: 'COPY import_rows (line, id, name, email, specialty, specialty_course_teacher, dual_qualified) FROM STDIN',
};

/** `organisation_id` is filled by the check against the enterprises (MATCH_ENTERPRISES). */
export const HEADCOUNTS_STAGING: Staging<[line: number, uscc: string, year: number, employees: number]> = {
  create: `CREATE TEMP TABLE import_rows (line int NOT NULL, uscc text NOT NULL, year int NOT NULL, employees int NOT NULL,
             organisation_id uuid) ON COMMIT DROP`,
  copy: 'COPY import_rows (line, uscc, year, employees) FROM STDIN',
};

/** The catalogue's majors (code, names, level, category), upserted by code after the checks. */
export const MAJORS_STAGING: Staging<[line: number, code: string, nameZh: string, nameEn: string, level: string, category: string]> = {
  create: `CREATE TEMP TABLE import_rows (line int NOT NULL, code text NOT NULL, name_zh text NOT NULL, name_en text NOT NULL,
             level text NOT NULL, category text NOT NULL) ON COMMIT DROP`,
  copy: 'COPY import_rows (line, code, name_zh, name_en, level, category) FROM STDIN',
};

/** Statistics for the checks' joins, taken only when a check runs. */
export const ANALYZE_STAGING = 'ANALYZE import_rows';

/** Staged e-mails already taken (students and teachers alike): the first `limit` lines, and how many in all. */
export const TAKEN_EMAILS = statement<[limit: number], { line: number; email: string; total: number }>(
  'import-runner.taken-emails',
  `SELECT s.line, s.email, count(*) OVER ()::int AS total FROM import_rows s
    WHERE EXISTS (SELECT 1 FROM users u WHERE u.email = s.email) ORDER BY s.line LIMIT $1`,
  { requires: STUDENTS_STAGING.create },
);

/**
 * Finds each staged headcount's enterprise: verified, and within the uploader's remit (remitParameters
 * below fills $1–$5: the null tests fold away when the statement is planned with its values).
 */
export const MATCH_ENTERPRISES = statement<RemitParameters, never>(
  'import-runner.match-enterprises',
  `UPDATE import_rows s SET organisation_id = o.id FROM organisations o
    WHERE o.uscc = s.uscc AND o.kind IN ('enterprise', 'training_base') AND o.verification = 'verified'
      AND $1::boolean
      AND ($2::uuid IS NULL OR o.id = $2::uuid)
      AND ($3::text[] IS NULL OR o.kind = ANY($3::text[]))
      AND ($4::text[] IS NULL OR o.ownership = ANY($4::text[]))
      AND ($5::text[] IS NULL OR o.ownership IS NULL OR NOT o.ownership = ANY($5::text[]))`,
  { requires: HEADCOUNTS_STAGING.create },
);

/** Staged headcounts with no enterprise found: the first `limit` lines, and how many in all. */
export const UNKNOWN_ENTERPRISES = statement<[limit: number], { line: number; uscc: string; total: number }>(
  'import-runner.unknown-enterprises',
  `SELECT line, uscc, count(*) OVER ()::int AS total FROM import_rows WHERE organisation_id IS NULL ORDER BY line LIMIT $1`,
  { requires: HEADCOUNTS_STAGING.create },
);

/** Staged students whose major the catalogue does not know (UNKNOWN_MAJOR): the first `limit` lines, and how many in all. */
export const UNKNOWN_MAJORS = statement<[limit: number], { line: number; major: string; total: number }>(
  'import-runner.unknown-majors',
  `SELECT s.line, s.major, count(*) OVER ()::int AS total FROM import_rows s
    WHERE NOT EXISTS (SELECT 1 FROM majors m WHERE m.name_zh = s.major) ORDER BY s.line LIMIT $1`,
  { requires: STUDENTS_STAGING.create },
);

/**
 * A staged major whose Chinese name another code holds, and keeps (the file does not rename that code):
 * two codes cannot share a name. The first `limit` lines, and how many in all.
 */
export const MAJOR_NAMES_TAKEN = statement<[limit: number], { line: number; name_zh: string; total: number }>(
  'import-runner.major-names-taken',
  `SELECT s.line, s.name_zh, count(*) OVER ()::int AS total FROM import_rows s
     JOIN majors m ON m.name_zh = s.name_zh AND m.code <> s.code
    WHERE NOT EXISTS (SELECT 1 FROM import_rows r WHERE r.code = m.code AND r.name_zh <> m.name_zh)
    ORDER BY s.line LIMIT $1`,
  { requires: MAJORS_STAGING.create },
);

/** Known codes whose Chinese name the file changes: the slots that name them follow (students follow by their foreign key). */
export const MAJOR_RENAMES = statement<[], { old_name: string; new_name: string }>(
  'import-runner.major-renames',
  `SELECT m.name_zh AS old_name, s.name_zh AS new_name FROM import_rows s JOIN majors m ON m.code = s.code WHERE m.name_zh <> s.name_zh`,
  { requires: MAJORS_STAGING.create },
);

/**
 * New majors added, known codes updated; a rename is made in two steps (first out of the way under
 * a temporary name) so that two codes swapping names never collide on the unique name.
 */
export const PARK_RENAMED_MAJORS = statement<[], never>(
  'import-runner.park-renamed-majors',
  `UPDATE majors m SET name_zh = m.code || ':' || m.name_zh FROM import_rows s WHERE m.code = s.code AND m.name_zh <> s.name_zh`,
  { requires: MAJORS_STAGING.create },
);

export const UPSERT_MAJORS = statement<[], never>(
  'import-runner.upsert-majors',
  `INSERT INTO majors (code, name_zh, name_en, level, category, updated_at)
   SELECT code, name_zh, name_en, level, category, now() FROM import_rows
   ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
                                    category = EXCLUDED.category, updated_at = now()`,
  { requires: MAJORS_STAGING.create },
);

/** A renamed major in every slot that names it ($1 the old name, $2 the new). */
export const RENAME_SLOT_MAJOR = statement<[oldName: string, newName: string], never>(
  'import-runner.rename-slot-major',
  `UPDATE slots SET majors = array_replace(majors, $1, $2) WHERE majors @> ARRAY[$1]`,
);

/** The accounts, with no password (activated with a one-time code); an e-mail taken meanwhile is skipped, and counted by the caller. */
export const INSERT_ACCOUNTS = statement<[role: Role, schoolId: string | null], never>(
  'import-runner.insert-accounts',
  `INSERT INTO users (id, email, password_hash, name, role, organisation_id, authority)
   SELECT id, email, NULL, name, $1, $2, NULL FROM import_rows
   ON CONFLICT (email) DO NOTHING`,
  { requires: STUDENTS_STAGING.create },
);

/** The staged lines whose account was not written (their e-mail was taken). */
export const ACCOUNTS_NOT_WRITTEN = statement<[limit: number], { line: number; email: string }>(
  'import-runner.accounts-not-written',
  `SELECT s.line, s.email FROM import_rows s WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.id) ORDER BY s.line LIMIT $1`,
  { requires: STUDENTS_STAGING.create },
);

export const INSERT_STUDENTS = statement<[schoolId: string | null], never>(
  'import-runner.insert-students',
  `INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year, skills, certificates)
   SELECT id, $1, date_of_birth, major, enrolment_year, skills, certificates FROM import_rows`,
  { requires: STUDENTS_STAGING.create },
);

export const INSERT_TEACHERS = statement<[schoolId: string | null], never>(
  'import-runner.insert-teachers',
  `INSERT INTO teachers (user_id, school_id, specialty, specialty_course_teacher, dual_qualified)
   SELECT id, $1, specialty, specialty_course_teacher, dual_qualified FROM import_rows`,
  { requires: TEACHERS_STAGING.create },
);

/** Students and teachers alike: each new account waits for its activation code. */
export const INSERT_ACTIVATIONS = statement<[importId: string], never>(
  'import-runner.insert-activations',
  `INSERT INTO account_activations (user_id, import_id) SELECT id, $1 FROM import_rows`,
  { requires: STUDENTS_STAGING.create },
);

export const UPSERT_HEADCOUNTS = statement<[], never>(
  'import-runner.upsert-headcounts',
  `INSERT INTO enterprise_headcounts (organisation_id, year, employees, updated_at)
   SELECT organisation_id, year, employees, now() FROM import_rows
   ON CONFLICT (organisation_id, year) DO UPDATE SET employees = EXCLUDED.employees, updated_at = now()`,
  { requires: HEADCOUNTS_STAGING.create },
);

export const ENTERPRISES_BY_YEAR = statement<[], { year: number; ids: string[] }>(
  'import-runner.enterprises-by-year',
  `SELECT year, array_agg(DISTINCT organisation_id) AS ids FROM import_rows GROUP BY year`,
  { requires: HEADCOUNTS_STAGING.create },
);

/** An actor's remit (libs/domain remitOf) as MATCH_ENTERPRISES's parameters: null leaves a column unrestricted. */
export type RemitParameters = [
  seesAny: boolean,
  organisationId: string | null,
  kinds: OrganisationKind[] | null,
  ownershipIn: Ownership[] | null,
  ownershipNotIn: Ownership[] | null,
];

export function remitParameters(remit: Remit): RemitParameters {
  switch (remit.scope) {
    case 'everything':
      return [true, null, null, null, null];
    case 'nothing':
      return [false, null, null, null, null];
    case 'organisation':
      return [true, remit.organisationId, null, null, null];
    case 'kinds':
      return [true, null, remit.kinds, remit.ownershipIn ?? null, remit.ownershipNotIn ?? null];
  }
}
