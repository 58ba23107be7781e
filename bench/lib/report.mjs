// The results table (terminal and markdown) and the markdown report.
import fs from 'node:fs';

export const int = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en'));
export const ms = (n) => (n === null || n === undefined ? '—' : n >= 100 ? Math.round(n).toString() : n >= 10 ? n.toFixed(1) : n.toFixed(2));
export const latency = (l) => `p50 ${ms(l.p50)} / p95 ${ms(l.p95)} / p99 ${ms(l.p99)} ms`;
export const statusList = (statuses) =>
  Object.entries(statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, count]) => `${int(count)}×${code}`)
    .join(', ');

const escapeCell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, '<br>');

export function markdownTable(headers, rows) {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}

/** A plain-text table for the terminal, wrapping nothing: long cells just widen their column. */
export function textTable(headers, rows) {
  const width = (text) => [...String(text)].reduce((w, ch) => w + (/[\u1100-\uffff]/u.test(ch) && !/[\u2000-\u27ff]/u.test(ch) ? 2 : 1), 0);
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const pad = (text, w) => String(text) + ' '.repeat(Math.max(0, w - width(text)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i])).join(' │ ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

/**
 * Hands a script's main table to `bench/all.mjs` (`npm run bench`), which joins every script's
 * table into one. Rows are [benchmark, figure, ceiling beside it, aim, verdict].
 */
export function shareTable(source, rows, details) {
  const out = process.env.BENCH_TABLE_OUT;
  if (!out) return;
  fs.writeFileSync(out, JSON.stringify({ source, details, rows: rows.map((row) => row.map((c) => String(c).replace(/\n/g, '; '))) }, null, 2));
}
