/**
 * RFC 4180 CSV, as spreadsheets write it: quoted fields with doubled quotes, CRLF or LF, a UTF-8
 * byte-order mark at the start. The delimiter is read off the header line (comma, semicolon or
 * tab: Excel writes semicolons in some locales). One pass over the text; records come out one at a
 * time with the line they start on, so reports name the line a person sees in an editor.
 */
export interface CsvRecord {
  /** 1-based line of the record's first character. */
  line: number;
  cells: string[];
}

export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t']) {
    const count = header.split(d).length - 1;
    if (count > most) [best, most] = [d, count];
  }
  return best;
}

export function* parseCsv(input: string, delimiter = detectDelimiter(input)): Generator<CsvRecord> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const DELIM = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted: runs to the closing quote; "" is one quote; newlines inside are kept.
        let parts = '';
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            parts += text.slice(from);
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += text.slice(from, q + 1);
            i = from = q + 2;
            continue;
          }
          parts += text.slice(from, q);
          i = q + 1;
          break;
        }
        for (let k = 0; k < parts.length; k++) if (parts.charCodeAt(k) === LF) line++;
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        let j = i;
        while (j < n && text.charCodeAt(j) !== DELIM && text.charCodeAt(j) !== LF && text.charCodeAt(j) !== CR) j++;
        cell = parts + text.slice(i, j);
        i = j;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === DELIM || c === LF || c === CR) break;
          j++;
        }
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      if (i < n && text.charCodeAt(i) === DELIM) {
        i++;
        continue;
      }
      // End of record: CRLF, LF, lone CR, or end of text.
      if (i < n && text.charCodeAt(i) === CR) i++;
      if (i < n && text.charCodeAt(i) === LF) i++;
      line++;
      break;
    }
    yield { line: startLine, cells };
  }
}

/** One CSV field, quoted when it must be. Writers use csvLine (spreadsheet-text.ts), which makes text inert first. */
export const csvField = (value: string | number | boolean | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
