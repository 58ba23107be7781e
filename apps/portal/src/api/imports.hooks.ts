import { IMPORT_FINISHED, type ImportView, type Page, type PeopleImportKind } from '@skillbridge/contracts';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { saveFile } from './client';
import { enterpriseKeys } from './enterprises.hooks';
import { importsApi } from './imports.api';
import type { MutationEvents } from './mutation-events';
import { quotaKeys } from './quotas.hooks';
import { schoolKeys } from './schools.hooks';

/** TanStack Query keys of bulk imports. */
export const importKeys = {
  run: (id: string) => ['imports', id] as const,
  ofSchool: (schoolId: string) => ['imports', 'school', schoolId] as const,
  headcounts: ['imports', 'headcounts'] as const,
};

/** How often the progress is asked for while the worker runs the import. */
const POLL_MS = 500;

/** One kind of bulk import: where the file goes, its earlier runs, and what a written import changes. */
export interface ImportTarget {
  /** Sends the file; the answer is the queued import. */
  start: (file: File) => Promise<ImportView>;
  recentKey: QueryKey;
  /** The latest imports of this kind, to reopen one. */
  recent: () => Promise<Page<ImportView>>;
  /** Asked again once an import is written. */
  changes: QueryKey[];
}

/** A school's students or teachers: once written, the new people show in the school's tables. */
export const peopleImport = (schoolId: string, kind: PeopleImportKind): ImportTarget => ({
  start: (file) => importsApi.start(schoolId, kind, file),
  recentKey: importKeys.ofSchool(schoolId),
  recent: () => importsApi.list(schoolId),
  changes: [schoolKeys.one(schoolId)],
});

/** §13: an officer's headcounts of a year. Required intake, cap and status follow them: every quota and enterprise may change. */
export const headcountImport = (year: number): ImportTarget => ({
  start: (file) => importsApi.startHeadcounts(year, file),
  recentKey: importKeys.headcounts,
  recent: () => importsApi.listHeadcounts(),
  changes: [quotaKeys.all, enterpriseKeys.all],
});

export function useStartImport(target: ImportTarget, events: MutationEvents<ImportView, File> = {}) {
  return useMutation({ mutationFn: target.start, onSuccess: events.onSuccess, onError: events.onError });
}

/**
 * One import, polled until the worker has finished it. Once finished the list of recent imports is
 * asked again, and once written (`done`) what it changed.
 */
export function useImportRun(importId: string | null, target: ImportTarget) {
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: importKeys.run(importId ?? ''),
    queryFn: () => importsApi.get(importId ?? ''),
    enabled: !!importId,
    refetchInterval: (query) => (query.state.data && IMPORT_FINISHED.includes(query.state.data.status) ? false : POLL_MS),
  });
  const status = run.data?.status;
  // A page builds its target anew on every render: act on a change of status only.
  const latest = useRef(target);
  latest.current = target;
  useEffect(() => {
    if (status === 'done') latest.current.changes.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
    if (status && IMPORT_FINISHED.includes(status)) void queryClient.invalidateQueries({ queryKey: latest.current.recentKey });
  }, [status, importId, queryClient]);
  return run;
}

export function useRecentImports(target: ImportTarget, enabled: boolean) {
  return useQuery({ queryKey: target.recentKey, queryFn: target.recent, enabled });
}

/** A file the API sends (a template), handed to the browser to save under `fileName`. */
export function useFileDownload(download: () => Promise<Blob>, fileName: string) {
  return useMutation({ mutationFn: download, onSuccess: (blob) => saveFile(blob, fileName) });
}

/** New one-time codes for the import's accounts not yet activated, as a CSV; the import's counts change. */
export function useActivationCodes(importId: string, events: MutationEvents<Blob, void> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => importsApi.activationCodes(importId),
    onSuccess: (codes, variables) => {
      events.onSuccess?.(codes, variables);
      void queryClient.invalidateQueries({ queryKey: importKeys.run(importId) });
    },
    onError: events.onError,
  });
}
