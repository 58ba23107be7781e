// @ts-check
// `npm run bench`: every benchmark of the project, one after the other (each against production
// builds on the real PostgreSQL and Redis), then one table of all their figures, each beside the
// ceiling measured in the same run: bench/results/<date>.md and .json. `--quick` for small sizes;
// `--only=marketplace,flows,…` for some of them. Each script also keeps its detailed report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA, ROOT, buildAll } from '../scripts/lib/run.mjs';
import { markdownTable, textTable } from './lib/report.mjs';

const quick = process.argv.includes('--quick');
const SCRIPTS = [
  { name: 'marketplace', script: 'bench/run.mjs', args: quick ? ['--quick'] : [] },
  { name: 'flows', script: 'bench/flows.mjs', args: quick ? ['--quick'] : [] },
  { name: 'imports', script: 'bench/imports.mjs', args: quick ? ['--quick'] : [] },
  { name: 'rounds', script: 'bench/rounds.mjs', args: quick ? ['--students=20000'] : [] },
  { name: 'match', script: 'bench/match.mjs', args: quick ? ['--quick'] : [] },
  { name: 'agreements-drafting', script: 'bench/agreements-drafting.mjs', args: quick ? ['--students=20000'] : [] },
  // The build above is enough; `--quick`: 40 renders instead of 200.
  { name: 'agreement-render', script: 'bench/agreement-render.mjs', args: ['--no-build', ...(quick ? ['--quick'] : [])] },
  // The portal on a phone: the build above is enough; `--quick`: one run per page instead of the median of 3.
  { name: 'lighthouse', script: 'bench/lighthouse.mjs', args: ['--no-build', ...(quick ? ['--runs=1'] : [])] },
].filter((s) => fs.existsSync(path.join(ROOT, s.script)));
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const chosen = only ? SCRIPTS.filter((s) => only.includes(s.name)) : SCRIPTS;

/** @param {string} message */
const say = (message) => process.stdout.write(`\x1b[1m▸ ${message}\x1b[0m\n`);
const tables = path.join(DATA, 'bench-tables');
fs.mkdirSync(tables, { recursive: true });

say('building (Nx caches what did not change)');
buildAll();
const started = new Date();
const results = [];
for (const { name, script, args } of chosen) {
  say(`${name}: node ${script} ${args.join(' ')}`);
  const out = path.join(tables, `${name}.json`);
  fs.rmSync(out, { force: true });
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_TABLE_OUT: out },
  });
  const seconds = (Date.now() - t0) / 1000;
  const table = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : null;
  results.push({ name, script, seconds, exit: run.status, table });
}

// `--only` re-runs some scripts: the day's table keeps the others' latest results.
const date = started.toISOString().slice(0, 10);
const file = path.join(ROOT, 'bench', 'results', `${date}${quick ? '-quick' : ''}`);
if (only && fs.existsSync(`${file}.json`)) {
  const earlier = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')).results ?? [];
  for (const previous of earlier) if (!results.some((r) => r.name === previous.name)) results.push(previous);
  results.sort((a, b) => SCRIPTS.findIndex((s) => s.name === a.name) - SCRIPTS.findIndex((s) => s.name === b.name));
}

const headers = ['benchmark', 'figure', 'ceiling beside it', 'aim', 'verdict'];
const rows = results.flatMap((r) =>
  r.table ? r.table.rows : [[`${r.name}: did not finish`, `exit ${r.exit} after ${r.seconds.toFixed(0)} s`, '—', '—', '❌ failed']],
);
process.stdout.write(`\n${textTable(headers, rows)}\n\n`);

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const md = [
  `# SkillBridge benchmarks — ${date}${quick ? ' (quick)' : ''}`,
  '',
  `\`npm run bench${quick ? ' -- --quick' : ''}\` on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; load average at the end ${load}. ` +
    'Every figure stands beside its ceiling measured in the same run on the same machine: a bare Fastify route, raw BullMQ `addBulk`, a raw single-statement reservation, raw `COPY`.',
  '',
  markdownTable(headers, rows),
  '',
  '## Detailed reports',
  '',
  ...results.map(
    (r) =>
      `- ${r.name} (\`${r.script}\`, ${r.seconds.toFixed(0)} s): ${r.table?.details ? `[${path.basename(r.table.details)}](${path.basename(r.table.details)})` : 'no report'}`,
  ),
  '',
];
fs.writeFileSync(`${file}.md`, md.join('\n'));
fs.writeFileSync(
  `${file}.json`,
  `${JSON.stringify({ date, quick, machine: { cpus: os.cpus().length, node: process.version, load }, results }, null, 2)}\n`,
);
say(`written ${path.relative(ROOT, file)}.md and .json`);
process.exit(results.every((r) => r.exit === 0) ? 0 : 1);
