// @ts-check
// Runs one experiment script against the database a `node bench/run.mjs --keep` left behind:
//
//   node bench/experiments/with-services.mjs bench/experiments/api-variants.mjs [args…]
//
// Brings up PostgreSQL and Redis as the bench does (DATABASE_URL / REDIS_URL, or embedded in
// .data/bench), passes BENCH_DATABASE_URL (…/sb_bench) and REDIS_URL to the script, stops them after.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DATA, ROOT } from '../../scripts/lib/run.mjs';
import { ensurePostgres, ensureRedis } from '../../scripts/lib/services.mjs';

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage: node bench/experiments/with-services.mjs <script> [args…]');
  process.exit(2);
}
const postgres = await ensurePostgres({ dataDir: path.join(DATA, 'bench', 'pg') });
const redis = await ensureRedis({ dataDir: path.join(DATA, 'bench', 'redis') });
const bench = new URL(postgres.url);
bench.pathname = '/sb_bench';
const child = spawn(process.execPath, [script, ...rest], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, BENCH_DATABASE_URL: bench.toString(), REDIS_URL: redis.url },
});
const stopAll = async () => {
  await redis.stop();
  await postgres.stop();
};
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(signal, () => child.kill(signal));
const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
await stopAll();
process.exit(code);
