import type { MajorLevel } from '@skillbridge/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ImportTarget } from './imports.hooks';
import { majorsApi } from './majors.api';

/** TanStack Query keys of the major catalogue: an import of it refreshes every list of majors. */
export const majorKeys = {
  all: ['majors'] as const,
  find: (q: string, level: MajorLevel | undefined, limit: number) => ['majors', 'find', q, level ?? null, limit] as const,
  imports: ['imports', 'majors'] as const,
};

/** Majors of the catalogue matching a fragment (an autocomplete); the catalogue changes rarely. */
export function useMajors(q: string, level?: MajorLevel, limit = 20) {
  return useQuery({
    queryKey: majorKeys.find(q.trim(), level, limit),
    queryFn: () => majorsApi.find(q.trim(), level, limit),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** The platform admin's import of the catalogue: once written, every list of majors is asked again. */
export const majorImport = (): ImportTarget => ({
  start: (file) => majorsApi.startImport(file),
  recentKey: majorKeys.imports,
  recent: () => majorsApi.listImports(),
  changes: [majorKeys.all],
});
