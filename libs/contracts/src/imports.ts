/** Bulk imports (批量导入): school people, officers' headcounts and the platform admin's major catalogue. */
export type ImportKind = 'students' | 'teachers' | 'headcounts' | 'majors';
/** What a school imports (`POST /schools/:id/imports`): the headcounts are the bureaus' own. */
export const PEOPLE_IMPORT_KINDS = ['students', 'teachers'] as const satisfies readonly ImportKind[];
export type PeopleImportKind = (typeof PEOPLE_IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['queued', 'validating', 'importing', 'done', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_FINISHED: ImportStatus[] = ['done', 'rejected', 'failed'];
/**
 * Why an import is `failed` (never the file's fault: nothing was written, the same file may be uploaded
 * again): no progress for too long (the worker stopped mid-import), its queued job was lost, it could
 * not be queued, or an error of ours after every attempt.
 */
export const IMPORT_FAILURE_REASONS = ['STALLED', 'JOB_LOST', 'NOT_QUEUED', 'INTERNAL_ERROR'] as const;
export type ImportFailureReason = (typeof IMPORT_FAILURE_REASONS)[number];

/** One refusal: the file's line (header = 1; 0 = the whole file), the column's key, a stable reason code. */
export interface ImportErrorView {
  line: number;
  field: string | null;
  reason: string;
  value?: string;
}

export interface ImportView {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  schoolId: string | null;
  /** A headcount import's year, when one was named with the upload; null otherwise. */
  year: number | null;
  fileName: string;
  format: 'csv' | 'xlsx';
  totalRows: number | null;
  processedRows: number;
  importedRows: number;
  /** Every error found; `errors` holds the first 1,000 of them. */
  errorCount: number;
  errors: ImportErrorView[];
  failure: string | null;
  /** Set exactly when `status` is `failed`. */
  failureReason: ImportFailureReason | null;
  /** Accounts of this import that have not yet set a password. */
  pendingActivations?: number;
  codesIssuedAt: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** `POST /auth/activate`: an imported account sets its first password with its one-time code. */
export interface ActivateRequest {
  email: string;
  code: string;
  password: string;
}
