// @ts-check
// The results table (terminal and markdown) and the markdown report.
import fs from 'node:fs';

/** A table row: [benchmark, figure, ceiling beside it, aim, verdict] (scripts may leave columns out). */
/** @typedef {Array<string | number>} TableRow */

/** @param {number | null | undefined} n */
export const int = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en'));
/** @param {number | null | undefined} n  milliseconds */
export const ms = (n) =>
  n === null || n === undefined ? '—' : n >= 100 ? Math.round(n).toString() : n >= 10 ? n.toFixed(1) : n.toFixed(2);
/** @param {{ p50: number | null, p95: number | null, p99: number | null }} l */
export const latency = (l) => `p50 ${ms(l.p50)} / p95 ${ms(l.p95)} / p99 ${ms(l.p99)} ms`;
/** @param {Record<string, number>} statuses  responses by HTTP status */
export const statusList = (statuses) =>
  Object.entries(statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, count]) => `${int(count)}×${code}`)
    .join(', ');

/** @param {unknown} text */
const escapeCell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** @param {string[]} headers  @param {TableRow[]} rows */
export function markdownTable(headers, rows) {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}

/**
 * A plain-text table for the terminal, wrapping nothing: long cells just widen their column.
 * @param {string[]} headers
 * @param {TableRow[]} rows
 */
export function textTable(headers, rows) {
  /** @param {unknown} text */
  const width = (text) => [...String(text)].reduce((w, ch) => w + (/[\u1100-\uffff]/u.test(ch) && !/[\u2000-\u27ff]/u.test(ch) ? 2 : 1), 0);
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  /** @param {unknown} text  @param {number} w */
  const pad = (text, w) => String(text) + ' '.repeat(Math.max(0, w - width(text)));
  /** @param {TableRow} cells */
  const line = (cells) => cells.map((c, i) => pad(c, widths[i])).join(' │ ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

/**
 * Hands a script's main table to `bench/all.mjs` (`npm run bench`), which joins every script's
 * table into one. Rows are [benchmark, figure, ceiling beside it, aim, verdict].
 * @param {string} source
 * @param {TableRow[]} rows
 * @param {string} details  the script's own report, relative to the repository
 */
export function shareTable(source, rows, details) {
  const out = process.env.BENCH_TABLE_OUT;
  if (!out) return;
  fs.writeFileSync(
    out,
    JSON.stringify({ source, details, rows: rows.map((row) => row.map((c) => String(c).replace(/\n/g, '; '))) }, null, 2),
  );
}
