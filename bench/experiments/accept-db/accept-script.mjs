// @ts-check
// Writes a pgbench script from the built API's own accept statement (apps/api/dist …/accept.statements.js):
// each transaction takes the next N offers of table q (reset.sql) and accepts them in one statement,
// as the API does with the accepts that arrive together (N = 1: one accept per statement).
//   node accept-script.mjs [N] > file.sql
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { ACCEPT_APPLICATIONS } = createRequire(import.meta.url)(path.join(root, 'apps/api/dist/applications/accept.statements.js'));
const ACCEPT_SQL = ACCEPT_APPLICATIONS.text;
const n = Number(process.argv[2] ?? 1);
if (!Number.isInteger(n) || n < 1) throw new Error('N: a whole number of accepts per statement, at least 1');
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Lanzhou's date
const statement = ACCEPT_SQL.replace(/\$1\b/g, ':ids')
  .replace(/\$2\b/g, ':students')
  .replace(/\$3\b/g, `'${today}'`)
  .replace(/\$4\b/g, `array_fill(NULL::text, ARRAY[${n}])`);
process.stdout.write(
  `WITH k AS MATERIALIZED (SELECT (nextval('qs') - 1) * ${n} + 1 AS first)\n` +
    `SELECT array_agg(q.id)::text AS ids, array_agg(q.student_id)::text AS students FROM q JOIN k ON q.n >= k.first AND q.n < k.first + ${n} \\gset\n` +
    `${statement.trim()};\n`,
);
