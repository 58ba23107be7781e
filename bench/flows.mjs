// @ts-check
// `npm run bench` (second part): notifications end to end, teacher practice bookings and
// compliance, and the bureaus' quota queries — each figure beside its ceiling measured in the same
// run. Writes bench/results/<date>-flows.md and .json. `--quick` for smaller sizes.
// Each section is a module of flows/; this file runs them in order.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DATA, ROOT, buildAll } from '../scripts/lib/run.mjs';
import { flowsSizes, say } from './flows/context.mjs';
import { measureNotifications } from './flows/notifications.mjs';
import { measurePractice } from './flows/practice.mjs';
import { measureQuotas } from './flows/quotas.mjs';
import { markdownTable, shareTable, textTable } from './lib/report.mjs';
import { benchServices, freshDatabase, startApi } from './lib/stack.mjs';
import { tokenMinter } from './lib/tokens.mjs';

const quick = process.argv.includes('--quick');
const sizes = flowsSizes(quick);
// `--only notifications,practice,quotas` runs some sections; all by default.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',') ?? ['notifications', 'practice', 'quotas'];
// `--keep` leaves the benchmark's database behind (its URL is printed) for EXPLAIN ANALYZE afterwards.
const keep = process.argv.includes('--keep');

const { postgres, redis, children, cleanup } = await benchServices('flows');

try {
  say('building');
  buildAll();
  const database = await freshDatabase(postgres.url, 'flows');
  if (keep) say(`keeping the database: ${database.url} (drop it with DROP DATABASE ${database.name})`);
  else children.push({ stop: database.drop });
  const db = new pg.Pool({ connectionString: database.url, max: 8 });
  db.on('error', (error) => say(`PostgreSQL dropped an idle connection: ${error.message}`));
  const secret = randomBytes(24).toString('hex');
  const logDir = path.join(DATA, 'bench-flows');
  fs.mkdirSync(logDir, { recursive: true });
  /** @type {import('./flows/context.mjs').FlowsRun} */
  const run = {
    quick,
    sizes,
    db,
    databaseUrl: database.url,
    redisUrl: redis.url,
    prefix: `bench${randomBytes(3).toString('hex')}`,
    mint: tokenMinter(secret),
    logDir,
    children,
  };

  /** @type {import('./flows/context.mjs').SectionResult[]} */
  const sections = [];
  if (only.includes('notifications')) sections.push(await measureNotifications(run));
  // The API for the rest.
  const api = await startApi({ databaseUrl: run.databaseUrl, redisUrl: run.redisUrl, prefix: run.prefix, secret, logDir });
  children.push(api.handle);
  if (only.includes('practice')) sections.push(await measurePractice(run, api));
  if (only.includes('quotas')) sections.push(await measureQuotas(run, api));
  await db.end();
  writeReport(sections);
} finally {
  await cleanup();
}

/**
 * The table in the terminal, bench/results/<date>-flows[-quick][-<sections>].md and .json, and the table for bench/all.mjs.
 * @param {import('./flows/context.mjs').SectionResult[]} sections
 */
function writeReport(sections) {
  const rows = sections.flatMap((section) => section.rows);
  const figures = Object.assign({}, ...sections.map((section) => section.figures));
  const headers = ['benchmark', 'figure', 'ceiling beside it', 'aim', 'verdict'];
  process.stdout.write('\n' + textTable(headers, rows) + '\n');
  const date = new Date().toISOString().slice(0, 10);
  const out = path.join(ROOT, 'bench/results', `${date}-flows${quick ? '-quick' : ''}${only.length < 3 ? `-${only.join('-')}` : ''}`);
  const machine = `${os.cpus().length} CPUs, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the end`;
  fs.writeFileSync(
    `${out}.md`,
    `# Notifications, practice and quota benchmarks — ${date}${quick ? ' (quick)' : ''}\n\n` +
      `\`npm run bench\` (bench/flows.mjs) against production builds of the API and worker over PostgreSQL and Redis on this machine. ${machine}.\n\n` +
      `${markdownTable(headers, rows)}\n`,
  );
  fs.writeFileSync(`${out}.json`, JSON.stringify({ date, quick, sizes, figures }, null, 2));
  shareTable('notifications, practice, quotas (bench/flows.mjs)', rows, path.relative(ROOT, `${out}.md`));
  say(`written ${path.relative(ROOT, out)}.md and .json`);
}
