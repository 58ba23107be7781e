import type { ImportView } from '@skillbridge/contracts';
import type { Import } from '@skillbridge/db';

export const importView = (row: Import, pendingActivations?: number): ImportView => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  schoolId: row.schoolId,
  year: row.year,
  fileName: row.fileName,
  format: row.format,
  totalRows: row.totalRows,
  processedRows: row.processedRows,
  importedRows: row.importedRows,
  errorCount: row.errorCount,
  errors: row.errors,
  failure: row.failure,
  failureReason: row.failureReason,
  ...(pendingActivations !== undefined ? { pendingActivations } : {}),
  codesIssuedAt: row.codesIssuedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});
