/**
 * Search terms for Chinese and Latin text alike, independent of the database's locale: runs of
 * CJK characters become overlapping character bigrams (the way CJK search engines index), single
 * CJK characters stay as they are, and Latin words and numbers are lower-cased whole.
 * "数控加工实习生" → 数控, 控加, 加工, 工实, 实习, 习生.
 * A text matches a query when its terms include every term of the query.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const ONE_CJK = /^[\u3400-\u9fff\uf900-\ufaff]$/u;

export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const [run] of text.matchAll(CJK)) {
    const chars = [...run];
    if (chars.length === 1) terms.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1]);
  }
  for (const [word] of text.replace(CJK, ' ').matchAll(WORD)) terms.add(word.toLowerCase());
  return [...terms];
}

/**
 * The terms a query must all match. A single CJK character query matches texts holding it as a
 * unigram only, so it is widened to nothing (no filter) rather than missing every bigram.
 */
export function queryTerms(query: string): string[] {
  return searchTerms(query).filter((term) => !ONE_CJK.test(term));
}

/** What of a slot is searched: its title and description, and the majors and skills it asks for. */
export interface SearchableSlot {
  title: string;
  description: string;
  majors: readonly string[];
  skills: readonly string[];
}

/** A slot's stored search terms: "机电" finds a slot that names 机电一体化技术 only as a major. */
export const slotSearchTerms = (slot: SearchableSlot): string[] =>
  searchTerms([slot.title, slot.description, ...slot.majors, ...slot.skills].join(' '));

/** One synonym: a word people search for (焊工, welding, an English major name) and what the slots say (焊接). */
export interface Synonym {
  term: string;
  means: string;
}

const LATIN_WORD = /[\p{L}\p{N}]/u;

/**
 * The query with each synonym written as what it means: "焊工" → "焊接", "welding" → "焊接",
 * "Mechatronics Technology" → "机电一体化技术". A Latin term matches whole words, ignoring case; a
 * Chinese term matches wherever it stands. Longer terms first, so a major's English name wins over
 * one of its words; each part of the query is rewritten at most once.
 */
export function expandSynonyms(query: string, synonyms: readonly Synonym[]): string {
  const sorted = [...synonyms].filter((s) => s.term.trim()).sort((a, b) => b.term.length - a.term.length);
  let parts: Array<{ text: string; done: boolean }> = [{ text: query, done: false }];
  for (const { term, means } of sorted) {
    const wanted = term.trim().toLowerCase();
    const latin = !CJK_TEST.test(wanted);
    parts = parts.flatMap((part) => {
      if (part.done) return [part];
      const lower = part.text.toLowerCase();
      const out: Array<{ text: string; done: boolean }> = [];
      let from = 0;
      for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
        if (at < from) continue;
        const end = at + wanted.length;
        if (latin && (LATIN_WORD.test(lower[at - 1] ?? '') || LATIN_WORD.test(lower[end] ?? ''))) continue;
        out.push({ text: part.text.slice(from, at), done: false }, { text: ` ${means} `, done: true });
        from = end;
      }
      if (!out.length) return [part];
      out.push({ text: part.text.slice(from), done: false });
      return out;
    });
  }
  return parts
    .map((part) => part.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const CJK_TEST = /[\u3400-\u9fff\uf900-\ufaff]/u;
