import { extractStyle } from '@ant-design/static-style-extract';
import { ConfigProvider, type ThemeConfig } from 'antd';
import { createElement } from 'react';
import type { Plugin } from 'vite';
import { FIRST, REST } from './src/antd-components';

/**
 * Ant Design's styles written at build time, for the portal's theme, instead of generated in the browser.
 *
 * antd writes its CSS in JavaScript: the first render of each kind of component computes, serialises and
 * inserts its styles, which on a phone is a good part of the main thread's work before anything shows
 * (Lighthouse's TBT). In zero-runtime mode (`theme.zeroRuntime`, app.tsx) the components only set their
 * classes; their CSS comes from here. The theme's tokens still apply: the rules read CSS variables
 * (`var(--ant-color-primary)`), which antd still writes at run time from `theme` (one small style each).
 *
 * Two files, so that the first page does not download the styles of components it does not show:
 * - `virtual:antd-style/first.css`: what the first download (sign-in, the frame's fallback) renders;
 *   boot.ts imports it, index.html links it.
 * - `virtual:antd-style/rest.css`: every other component the portal uses; imported by the signed-in frame
 *   and the pages before sign-in that are fetched later (antd-rest-style.ts), so it arrives beside them.
 * Which components go into each: src/antd-components.ts. The portal's own CSS (styles.css) wins over
 * antd's, which sits in the `antd` cascade layer.
 */

const FILES = { 'first.css': FIRST, 'rest.css': REST } as const;
const PREFIX = 'virtual:antd-style/';
/** Resolved ids: not a file on disk, ending in .css so that Vite treats them as stylesheets. */
const RESOLVED = '/@antd-style/';

/**
 * antd's rules for these components under `theme`, without hashed class names (the portal has one antd),
 * inside the `antd` cascade layer. The theme-scoped variables that extraction writes for its own render
 * (`.css-var-…{--ant-…}`) are left out: the browser gets the real ones from antd at run time.
 */
export function antdCss(theme: ThemeConfig, components: readonly string[]): string {
  const css = extractStyle({
    includes: [...components],
    customTheme: (node) => createElement(ConfigProvider, { theme: { ...theme, hashed: false, zeroRuntime: false } }, node),
  });
  return `@layer antd{${withoutRenderVariables(css)}}`;
}

/** Drops the top-level rules whose every selector starts with `.css-var-` (the extraction render's token variables). */
function withoutRenderVariables(css: string): string {
  let out = '';
  let at = 0;
  while (at < css.length) {
    const open = css.indexOf('{', at);
    if (open < 0) {
      out += css.slice(at);
      break;
    }
    const selector = css.slice(at, open);
    // The end of this rule or at-rule, with its nested blocks.
    let depth = 0;
    let end = open;
    for (; end < css.length; end++) {
      if (css[end] === '{') depth++;
      else if (css[end] === '}' && --depth === 0) break;
    }
    const onlyRenderVariables =
      !selector.trim().startsWith('@') &&
      selector
        .split(',')
        .map((s) => s.trim())
        .every((s) => s.startsWith('.css-var-'));
    if (!onlyRenderVariables) out += css.slice(at, end + 1);
    at = end + 1;
  }
  return out;
}

/** The Vite plugin serving `virtual:antd-style/first.css` and `virtual:antd-style/rest.css`. */
export function antdStaticStyle(theme: ThemeConfig): Plugin {
  const cache = new Map<string, string>();
  return {
    name: 'skillbridge:antd-static-style',
    enforce: 'pre',
    resolveId(id) {
      if (id.startsWith(PREFIX) && id.slice(PREFIX.length) in FILES) return `${RESOLVED}${id.slice(PREFIX.length)}`;
      return null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const file = id.slice(RESOLVED.length) as keyof typeof FILES;
      if (!cache.has(file)) cache.set(file, antdCss(theme, FILES[file]));
      return cache.get(file);
    },
  };
}
