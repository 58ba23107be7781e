import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';

/** The phone the sweep holds: an iPhone 12–15 sized window (390 × 844 CSS pixels). */
export const PHONE = { width: 390, height: 844 } as const;

/** An element whose box leaves the window; `path` names it by its nearest test ids and classes. */
export interface Overflow {
  path: string;
  left: number;
  right: number;
  width: number;
  text: string;
}

/**
 * Every visible element whose box extends past the window's sides. Measured per element, so an
 * element cut off by a parent with hidden overflow counts as not fitting. Only the outermost
 * element of an overflowing subtree is reported (its children overflow with it).
 */
export function overflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const flagged = new Set<Element>();
    const found: Overflow[] = [];
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const testId = e.getAttribute('data-testid');
        const classes = Array.from(e.classList)
          .filter((c) => !/^css-|^ant-.*-(sm|lg|md)$/.test(c))
          .slice(0, 2);
        parts.unshift(`${e.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${classes.map((c) => `.${c}`).join('')}`);
      }
      return parts.join(' > ');
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      if (box.right <= width + 0.5 && box.left >= -0.5) continue;
      flagged.add(el);
      if (el.parentElement && flagged.has(el.parentElement)) continue;
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      found.push({ path: describe(el), left: Math.round(box.left), right: Math.round(box.right), width: Math.round(box.width), text });
    }
    return found;
  });
}

/** A serious or critical axe-core violation, with the elements it was found on. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;

/** Runs axe-core (its own source injected into the page) and keeps the serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
    };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}
