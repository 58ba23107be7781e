import type { Page } from 'playwright-core';

/** Text a page shows in Han characters, with where it stands (its nearest test id or element). */
export interface HanText {
  where: string;
  text: string;
}

/**
 * The SQL of what people entered (and the demo data holds as they would): names of people, schools
 * and enterprises, slot titles, descriptions, majors and skills, round names, motivations and
 * evaluations, and what the agreements hold (classes, guardians, signers, insurers). These stay as entered in English too; anything else in Han characters is the product's.
 * Districts and industries are not here: the product labels them.
 */
export const USER_ENTERED_SQL = `
  SELECT name AS text FROM organisations UNION SELECT refusal_reason FROM organisations
  UNION SELECT name FROM users
  UNION SELECT title FROM slots UNION SELECT description FROM slots
  UNION SELECT unnest(majors) FROM slots UNION SELECT unnest(skills) FROM slots
  UNION SELECT major FROM students UNION SELECT unnest(skills) FROM students UNION SELECT unnest(certificates) FROM students
  UNION SELECT specialty FROM teachers
  UNION SELECT name FROM match_rounds
  UNION SELECT motivation FROM applications UNION SELECT evaluation FROM placements UNION SELECT evaluation FROM bookings
  UNION SELECT file_name FROM imports
  UNION SELECT class_name FROM students UNION SELECT guardian_name FROM students
  UNION SELECT signer_name FROM agreement_signatures UNION SELECT terms->'insurance'->>'insurer' FROM agreement_versions`;

/**
 * Stored inbox texts: written in Chinese by the worker when the message was sent. Issue 17's inbox work
 * renders each message from its kind and facts in the reader's language; until that lands, the sweep
 * lists these texts apart (as `stored`) instead of failing on them.
 */
export const STORED_INBOX_SQL = `SELECT title AS text FROM notifications UNION SELECT body FROM notifications`;

/**
 * Every visible text and label (placeholder, aria-label, title, alt) of the page with Han characters
 * left once what people entered (`allowed`) is taken out. An element marked `data-user-entered` is
 * skipped whole; a text node is judged with its parent's whole text, so a name split by a search
 * highlight is still recognised.
 */
export async function hanTexts(page: Page, allowed: string[]): Promise<HanText[]> {
  return page.evaluate((values) => {
    const han = /\p{Script=Han}/u;
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const known = [...new Set(values.map(squash).filter((v) => han.test(v)))].sort((a, b) => b.length - a.length);
    const strip = (text: string) => known.reduce((rest, value) => rest.split(value).join(' '), squash(text));
    // Skipped: what is marked as entered, a user's avatar (the first character of their name), and the
    // language pickers, which name 中文 in Chinese as language pickers do.
    const skipped = (el: Element | null) =>
      !el ||
      !!el.closest('[data-user-entered], .ant-avatar, script, style, noscript, [data-testid="language-switch"]') ||
      !el.checkVisibility();
    const LANGUAGE_NAME = '中文';
    const where = (el: Element) => {
      const tagged = el.closest('[data-testid]');
      return tagged ? `[data-testid=${tagged.getAttribute('data-testid')}]` : el.tagName.toLowerCase();
    };
    const found: Array<{ where: string; text: string }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!han.test(node.textContent ?? '') || skipped(parent) || squash(node.textContent ?? '') === LANGUAGE_NAME) continue;
      if (han.test(strip(node.textContent ?? '')) && han.test(strip(parent!.textContent ?? ''))) {
        found.push({ where: where(parent!), text: squash(node.textContent ?? '') });
      }
    }
    for (const el of Array.from(document.body.querySelectorAll('[placeholder], [aria-label], [title], [alt]'))) {
      if (skipped(el)) continue;
      for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = el.getAttribute(name);
        if (value && han.test(strip(value))) found.push({ where: `${where(el)} @${name}`, text: value });
      }
    }
    return found;
  }, allowed);
}
