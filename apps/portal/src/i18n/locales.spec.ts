import { IMPORT_FAILURE_REASONS, PROBLEM_CODES } from '@skillbridge/contracts';
import { EVENT_KINDS } from '@skillbridge/domain';
import { FEATURE_TRANSLATIONS, MAIN_TRANSLATIONS, TRANSLATIONS } from './resources';

// The translations as the portal loads them (i18n/index.ts).
const zhCN = TRANSLATIONS['zh-CN'];
const en = TRANSLATIONS.en;

type Tree = { [key: string]: string | Tree };

/** Every key path of a translation tree, e.g. `login.title`. */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : values(value)));
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

function lookup(tree: Tree, path: string): string {
  return path.split('.').reduce<string | Tree>((node, key) => (node as Tree)[key], tree) as string;
}

describe('portal translations', () => {
  it.each(Object.entries(FEATURE_TRANSLATIONS))(
    'the %s files hold only their own tree, which the main files do not have',
    (feature, files) => {
      expect(Object.keys(files['zh-CN'])).toEqual([feature]);
      expect(Object.keys(files.en)).toEqual([feature]);
      expect(Object.keys(MAIN_TRANSLATIONS['zh-CN'])).not.toContain(feature);
      expect(Object.keys(MAIN_TRANSLATIONS.en)).not.toContain(feature);
    },
  );

  it('zh-CN and en have exactly the same keys', () => {
    const zh = keys(zhCN).sort();
    const english = keys(en).sort();
    expect(zh.filter((k) => !english.includes(k))).toEqual([]);
    expect(english.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('no translation is empty', () => {
    expect(values(zhCN).filter((v) => v.trim() === '')).toEqual([]);
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
  });

  it('each key uses the same placeholders in both languages', () => {
    const differing = keys(zhCN).filter((key) => placeholders(lookup(zhCN, key)).join() !== placeholders(lookup(en, key)).join());
    expect(differing).toEqual([]);
  });
});

describe('problem texts', () => {
  /** Where a code is worded: the portal's `problem.<code>`, or a feature's own `<feature>.problem.<code>` (its pages ask that first). */
  const worded = (tree: Tree, code: string) =>
    typeof (tree.problem as Tree)[code] === 'string' ||
    Object.keys(FEATURE_TRANSLATIONS).some((feature) => typeof ((tree[feature] as Tree).problem as Tree | undefined)?.[code] === 'string');

  it('word every problem code the API can send, in both languages (codes never reach the screen)', () => {
    expect(PROBLEM_CODES.filter((code) => !worded(zhCN, code))).toEqual([]);
    expect(PROBLEM_CODES.filter((code) => !worded(en, code))).toEqual([]);
  });
});

describe('kinds of message', () => {
  it('name every event kind in both languages (the inbox and the notification settings show names, not codes)', () => {
    for (const tree of [zhCN, en] as Tree[]) {
      const named = (kind: string) =>
        typeof kind.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree.eventKind) === 'string';
      const unnamed = EVENT_KINDS.filter((kind) => !named(kind));
      expect(unnamed).toEqual([]);
    }
  });
});

describe('import reports', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readFileSync } = require('fs') as typeof import('fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { join } = require('path') as typeof import('path');

  it('word every reason code the import validator can give, in both languages (codes never reach the screen)', () => {
    // The codes as libs/domain declares them (the portal does not depend on the domain library).
    const source = readFileSync(join(__dirname, '../../../../libs/domain/src/imports/validate.ts'), 'utf8');
    const block = /export const IMPORT_REASONS = \[([\s\S]*?)\] as const/.exec(source)?.[1] ?? '';
    const codes = [...block.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(codes).toEqual(expect.arrayContaining(['CONTROL_CHARACTER', 'FILE_TOO_LARGE_UNPACKED', 'CELL_TOO_LONG']));
    for (const tree of [zhCN, en])
      expect(codes.filter((code) => typeof (tree.imports as Tree).reason[code as never] !== 'string')).toEqual([]);
  });

  it('word every reason a failed import can have, in both languages', () => {
    for (const tree of [zhCN, en]) {
      expect(IMPORT_FAILURE_REASONS.filter((code) => typeof ((tree.imports as Tree).failureReason as Tree)?.[code] !== 'string')).toEqual(
        [],
      );
    }
  });
});

describe('portal source', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readdirSync, readFileSync, statSync } = require('fs') as typeof import('fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { join } = require('path') as typeof import('path');
  const root = join(__dirname, '..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
    });
  const zhKeys = new Set(keys(zhCN));
  const prefixes = new Set([...zhKeys].map((key) => key.slice(0, key.lastIndexOf('.') + 1)));

  it('uses only keys that exist (literal keys, and the prefixes of computed ones)', () => {
    const missing: string[] = [];
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*(['`])([^'`]+)\1/g)) {
        const key = match[2];
        const dynamic = key.indexOf('${');
        const known =
          dynamic === -1
            ? zhKeys.has(key)
            : prefixes.has(key.slice(0, dynamic)) || [...zhKeys].some((k) => k.startsWith(key.slice(0, dynamic)));
        if (!known) missing.push(`${file.slice(root.length + 1)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
