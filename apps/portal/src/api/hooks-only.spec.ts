import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

/**
 * Server state is reached through the per-feature hooks modules (`api/<feature>.hooks.ts`): each owns
 * its query keys and what its mutations refresh. A page or component building a query, a mutation or
 * an invalidation of its own would split them again; this test names every such line.
 */
const root = join(__dirname, '..');
const HOOKS_MODULE = /^api\/[a-z-]+\.hooks\.ts$/;
const SERVER_STATE = [
  /\b(useQuery|useQueries|useInfiniteQuery|useSuspenseQuery|useMutation)\s*[(<]/,
  /\.(invalidateQueries|refetchQueries|setQueryData|removeQueries)\s*\(/,
];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [relative(root, path)] : [];
  });

/** `file:line: text` of each line that touches server state. */
const serverStateLines = (file: string, text: string): string[] =>
  text.split('\n').flatMap((line, i) => (SERVER_STATE.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));

describe('server state through the hooks modules', () => {
  const files = sources(root);
  const hooksModules = files.filter((file) => HOOKS_MODULE.test(file));

  it('finds the hooks modules and the rest of the portal', () => {
    expect(hooksModules.length).toBeGreaterThan(5);
    expect(files.length).toBeGreaterThan(hooksModules.length + 50);
  });

  it('has no query, mutation or invalidation outside them', () => {
    const strays = files
      .filter((file) => !HOOKS_MODULE.test(file))
      .flatMap((file) => serverStateLines(file, readFileSync(join(root, file), 'utf8')));
    expect(strays).toEqual([]);
  });

  it('keeps each hooks module beside its feature’s API client', () => {
    const orphans = hooksModules.filter((file) => !files.includes(file.replace(/\.hooks\.ts$/, '.api.ts')));
    expect(orphans).toEqual([]);
  });

  it('would name the lines it looks for', () => {
    const page = [
      "const slots = useQuery({ queryKey: ['slots'] });",
      'const save = useMutation<void, unknown, string>({ mutationFn });',
      "void queryClient.invalidateQueries({ queryKey: ['slots'] });",
      'const queryClient = useQueryClient();',
      'const rows = useQuotaRows(filter);',
    ].join('\n');
    expect(serverStateLines('page.tsx', page).map((line) => line.split(':')[1])).toEqual(['1', '2', '3']);
  });
});
