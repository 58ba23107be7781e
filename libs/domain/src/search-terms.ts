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
