/**
 * PostgreSQL COPY text format: fields joined by tabs, rows ended by newlines, backslash escapes,
 * \N for null. Arrays are written as array literals, themselves escaped. Runs once per cell of
 * every imported row: regular expressions are built once, and clean text (nearly all of it) is
 * passed through untouched.
 */
export type CopyValue = string | number | boolean | null | string[];

const NEEDS_COPY_ESCAPE = /[\\\t\n\r]/;
const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ARRAY_ESCAPE = /[\\"]/;
const ARRAY_SPECIAL = /[\\"]/g;

const escapeText = (text: string): string => (NEEDS_COPY_ESCAPE.test(text) ? text.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c]) : text);

function arrayLiteral(items: string[]): string {
  if (items.length === 0) return '{}';
  let literal = '{';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    literal += `${i ? ',' : ''}"${NEEDS_ARRAY_ESCAPE.test(item) ? item.replace(ARRAY_SPECIAL, (c) => `\\${c}`) : item}"`;
  }
  return literal + '}';
}

export function copyLine(values: CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i) line += '\t';
    if (value === null) line += '\\N';
    else if (typeof value === 'string') line += escapeText(value);
    else if (Array.isArray(value)) line += escapeText(arrayLiteral(value));
    else line += String(value);
  }
  return line + '\n';
}
