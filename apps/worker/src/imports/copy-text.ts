/**
 * PostgreSQL COPY text format: fields joined by tabs, rows ended by newlines, backslash escapes,
 * \N for null. Arrays are written as array literals, themselves escaped.
 */
export type CopyValue = string | number | boolean | null | string[];

const escapeText = (text: string): string =>
  /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;

const arrayLiteral = (items: string[]): string => `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

export function copyLine(values: CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i) line += '\t';
    if (value === null) line += '\\N';
    else if (Array.isArray(value)) line += escapeText(arrayLiteral(value));
    else line += typeof value === 'string' ? escapeText(value) : String(value);
  }
  return line + '\n';
}
