import enBase from './en.json';
import practiceEn from './practice.en.json';
import practiceZhCN from './practice.zh-CN.json';
import roundsEn from './rounds.en.json';
import roundsZhCN from './rounds.zh-CN.json';
import zhBase from './zh-CN.json';

// The translations as the portal loads them (i18n/index.ts): the main files, teacher practice's own (`practice.*`) and match rounds' (`rounds.*`).
const zhCN = { ...zhBase, ...practiceZhCN, ...roundsZhCN };
const en = { ...enBase, ...practiceEn, ...roundsEn };

type Tree = { [key: string]: string | Tree };

/** Every key path of a translation tree, e.g. `login.title`. */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : values(value)));
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

function lookup(tree: Tree, path: string): string {
  return path.split('.').reduce<string | Tree>((node, key) => (node as Tree)[key], tree) as string;
}

describe('portal translations', () => {
  it('the practice files hold only the `practice` tree, which the main files do not have', () => {
    expect(Object.keys(practiceZhCN)).toEqual(['practice']);
    expect(Object.keys(practiceEn)).toEqual(['practice']);
    expect(Object.keys(zhBase)).not.toContain('practice');
    expect(Object.keys(enBase)).not.toContain('practice');
  });

  it('the rounds files hold only the `rounds` tree, which no other file has', () => {
    expect(Object.keys(roundsZhCN)).toEqual(['rounds']);
    expect(Object.keys(roundsEn)).toEqual(['rounds']);
    for (const other of [zhBase, enBase, practiceZhCN, practiceEn]) expect(Object.keys(other)).not.toContain('rounds');
  });

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
        const known = dynamic === -1 ? zhKeys.has(key) : prefixes.has(key.slice(0, dynamic)) || [...zhKeys].some((k) => k.startsWith(key.slice(0, dynamic)));
        if (!known) missing.push(`${file.slice(root.length + 1)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
