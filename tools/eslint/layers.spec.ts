import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The tenancy and layer rules of eslint.config.mjs, through ESLint's Node API with the real config: each
 * fixture is linted as if it lived where the rule applies, and must be reported on exactly the lines it
 * marks with ✗ (a mark may name the places it applies to: `// ✗ api db`).
 */
interface Linted {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; message: string }>;
}

const FIXTURES = path.join(__dirname, 'fixtures');
const BOUNDARY_RULES = ['no-restricted-imports', 'skillbridge/no-relative-import-across-projects'];

function lintAs(files: Array<{ fixture: string; filePath: string }>): Linted[] {
  const input = files.map(({ fixture, filePath }) => ({ filePath, text: readFileSync(path.join(FIXTURES, fixture), 'utf8') }));
  const run = spawnSync(process.execPath, [path.join(__dirname, 'lint-as.mjs')], { input: JSON.stringify(input), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`lint-as.mjs failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Linted[];
}

/** Lines marked ✗ for `place` (or for everywhere). */
function markedLines(fixture: string, place: string): number[] {
  return readFileSync(path.join(FIXTURES, fixture), 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      const mark = /\/\/ ✗(.*)$/.exec(line);
      if (!mark) return [];
      const places = mark[1].trim().split(/\s+/).filter(Boolean);
      return places.length === 0 || places.includes(place) ? [index + 1] : [];
    });
}

/** Lines reported by a boundary rule; anything else (a parse error, another rule) fails the test. */
function reportedLines({ filePath, messages }: Linted): number[] {
  const others = messages.filter((m) => !BOUNDARY_RULES.includes(m.ruleId ?? ''));
  if (others.length) throw new Error(`${filePath}: unexpected ${JSON.stringify(others)}`);
  return [...new Set(messages.map((m) => m.line))].sort((a, b) => a - b);
}

const CASES = [
  {
    name: 'tenancy: an api service may not decide who sees what',
    fixture: 'tenancy.ts',
    place: 'api',
    filePath: 'apps/api/src/slots/slots.service.ts',
  },
  { name: 'tenancy: an api policy may', fixture: 'tenancy.ts', place: 'policies', filePath: 'apps/api/src/policies/slot.policy.ts' },
  {
    name: 'libs/domain: plain TypeScript over contracts',
    fixture: 'domain.ts',
    place: 'domain',
    filePath: 'libs/domain/src/quota-rules.ts',
  },
  { name: 'libs/contracts: nothing of ours', fixture: 'contracts.ts', place: 'contracts', filePath: 'libs/contracts/src/views.ts' },
  {
    name: 'apps/portal: contracts and domain only',
    fixture: 'portal.tsx',
    place: 'portal',
    filePath: 'apps/portal/src/pages/slots/slots-page.tsx',
  },
  { name: 'apps/api: no other app', fixture: 'apps.ts', place: 'api', filePath: 'apps/api/src/slots/slots.service.ts' },
  { name: 'apps/worker: no other app', fixture: 'apps.ts', place: 'worker', filePath: 'apps/worker/src/imports/import.job.ts' },
  { name: 'libs/db: no app', fixture: 'apps.ts', place: 'db', filePath: 'libs/db/src/query/builder.ts' },
  ...['db', 'runtime', 'jobs', 'accounts', 'access-log', 'quotas', 'notifications', 'match-rounds', 'agreement-documents', 'db-cli'].map(
    (library) => ({
      name: `libs/${library}: only the libraries LIBRARY_IMPORTS lists`,
      fixture: 'libraries.ts',
      place: library,
      filePath: `libs/${library}/src/feature/feature.ts`,
    }),
  ),
];

describe('layer and tenancy rules (eslint.config.mjs)', () => {
  let linted: Map<string, Linted>;
  beforeAll(() => {
    // One ESLint process for every case: loading the config is most of the time.
    linted = new Map(lintAs(CASES).map((result, index) => [CASES[index].name, result]));
  });

  it.each(CASES)('$name', ({ name, fixture, place }) => {
    const result = linted.get(name);
    if (!result) throw new Error(`not linted: ${name}`);
    expect(reportedLines(result)).toEqual(markedLines(fixture, place));
  });

  it('a policy file gets no tenancy report at all (the fixture marks nothing for "policies")', () => {
    expect(markedLines('tenancy.ts', 'policies')).toEqual([]);
  });
});
