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
