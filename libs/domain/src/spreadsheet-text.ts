import { csvField } from './imports/csv';

/** What a cell of a file the product writes may hold. */
export type SpreadsheetValue = string | number | boolean | null | undefined;

/**
 * Text a spreadsheet would run as a formula — `=`, `+`, `-`, `@`, or a tab, CR or LF first (CSV
 * injection: `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-2+3`) — is kept as text with a leading
 * apostrophe, which Excel, WPS and LibreOffice read as "this cell is text".
 */
export const inertText = (text: string): string => (/^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text);

/** A cell as written: text made inert, numbers (negative ones too) and the rest as they are. */
export const inertCell = <V extends SpreadsheetValue>(value: V): V => (typeof value === 'string' ? (inertText(value) as V) : value);

/**
 * One line of a CSV file that people open in a spreadsheet: every text cell inert, quoted when it
 * must be, CRLF-terminated. The one way the product writes CSV (quota export, headcount template,
 * import templates, activation codes): names, e-mails and codes came from outside.
 */
export const csvLine = (values: SpreadsheetValue[]): string => values.map((value) => csvField(inertCell(value))).join(',') + '\r\n';

/**
 * One row of an XLSX sheet, the same cells as the CSV line would hold. ExcelJS stores a string as
 * a string cell (never a formula), but the same export must read the same in both formats, and a
 * cell re-entered by hand in Excel would run.
 */
export const xlsxRow = (values: SpreadsheetValue[]): Array<string | number | boolean | null> =>
  values.map((value) => (value === undefined ? null : inertCell(value)));

/**
 * How wide a spreadsheet column must be for a text: a Chinese character (and any other full-width one)
 * takes two of Excel's character widths, a Latin one one.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch)
      ? 2
      : 1;
  return width;
}
