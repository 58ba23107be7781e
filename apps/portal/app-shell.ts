import type { Plugin } from 'vite';
import EN from './src/i18n/en.json';
import ZH_CN from './src/i18n/zh-CN.json';
import { FONT_FAMILY } from './src/theme';

/** Text for HTML: the locale files' words are plain text. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The app shell's words in index.html (`%SHELL_…%`), from the locale files at build time, in both languages
 * (shell.js shows the one this browser chose), and the theme's font, so that the shell reads as the page will.
 */
const SHELL_VALUES: Record<string, string> = {
  NAME_ZH: escapeHtml(ZH_CN.app.name),
  NAME_EN: escapeHtml(EN.app.name),
  TAGLINE_ZH: escapeHtml(ZH_CN.app.tagline),
  TAGLINE_EN: escapeHtml(EN.app.tagline),
  FOOTER_ZH: escapeHtml(ZH_CN.app.footer),
  FOOTER_EN: escapeHtml(EN.app.footer),
  FONT_FAMILY,
};

export function appShellWords(): Plugin {
  return {
    name: 'skillbridge:app-shell-words',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace(/%SHELL_(\w+)%/g, (_whole, key: string) => {
          const value = SHELL_VALUES[key];
          if (value === undefined) throw new Error(`index.html: no value for %SHELL_${key}%`);
          return value;
        }),
    },
  };
}

/**
 * index.html starts boot.ts, which imports the app (main.tsx, an entry of its own) once the shell is on
 * screen. So that waiting costs no download time, index.html fetches the app's chunks at once: a
 * `modulepreload` for the entry `main` and every chunk it imports statically (Vite writes these only for
 * the script in index.html), at low priority, so that they do not hold up the shell's first paint.
 */
export function preloadAppEntry(entryName = 'main'): Plugin {
  return {
    name: 'skillbridge:preload-app-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const entry = Object.values(bundle).find((output) => output.type === 'chunk' && output.isEntry && output.name === entryName);
        if (!entry || entry.type !== 'chunk') throw new Error(`no entry chunk named ${entryName}`);
        const files: string[] = [];
        const visit = (fileName: string) => {
          if (files.includes(fileName)) return;
          files.push(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(entry.fileName);
        return files
          .filter((fileName) => !html.includes(`/${fileName}"`))
          .map((fileName) => ({
            tag: 'link',
            // Low: after what the shell needs to paint (the stylesheet), not before it; boot.ts imports them after the paint.
            attrs: { rel: 'modulepreload', crossorigin: true, fetchpriority: 'low', href: `/${fileName}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
