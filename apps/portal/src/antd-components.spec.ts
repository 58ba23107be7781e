import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { FIRST, REST } from './antd-components';

/**
 * antd runs in zero-runtime mode: its CSS is written at build time for the components listed in
 * antd-components.ts only. This test names every component imported from antd that is listed in neither
 * (it would show unstyled).
 */
const root = __dirname;
/** Imported from antd but drawing nothing of their own: hooks and providers, whose styles the components carry. */
const WITHOUT_STYLES = ['ConfigProvider', 'Grid', 'theme'];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [relative(root, path)] : [];
  });

/** The values (not types) each `import { … } from 'antd'` names. */
function antdImports(text: string): string[] {
  return [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)].flatMap((match) =>
    match[1]
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && !name.startsWith('type '))
      .map((name) => name.split(/\s+as\s+/)[0].trim()),
  );
}

describe('antd styles written at build time', () => {
  const imported = new Set(sources(root).flatMap((file) => antdImports(readFileSync(join(root, file), 'utf8'))));

  it('finds the antd imports', () => {
    expect(imported.has('Button')).toBe(true);
    expect(imported.size).toBeGreaterThan(20);
  });

  it('lists every antd component the portal imports', () => {
    const listed = new Set<string>([...FIRST, ...REST, ...WITHOUT_STYLES]);
    expect([...imported].filter((name) => !listed.has(name) && !name.endsWith('Props')).sort()).toEqual([]);
  });
});
