// @ts-check
// `npm test`: every test. Unit tests need nothing but, for the agreement PDF, Debian's CJK font and poppler;
// integration and browser tests get the real PostgreSQL and Redis (from DATABASE_URL and REDIS_URL, or started
// here), Debian's Chromium and nginx.
// Extra arguments go to jest: `npm test -- --selectProjects domain`. `npm run lint` runs first, then the
// type check of scripts/ and bench/ (`npm run typecheck:scripts`): a failure of either fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePostgres, ensureRedis } from './lib/services.mjs';
import { DATA, ROOT, binOf, buildAll, ensureDebianPackage, runOrFail } from './lib/run.mjs';

const CHROMIUM = '/usr/bin/chromium';
const NGINX = '/usr/sbin/nginx';
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const PDFTOTEXT = '/usr/bin/pdftotext';
/** @param {string} message */
const say = (message) => process.stdout.write(`\x1b[1m▸ ${message}\x1b[0m\n`);

/** @type {Array<() => Promise<void>>} */
const stoppers = [];
async function stopServices() {
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopServices().then(() => process.exit(130)));

async function main() {
  // Lint first: a broken house rule fails the run before minutes of services and builds. SKIP_LINT=1 skips it
  // for a targeted local run (`SKIP_LINT=1 npm test -- --selectProjects api:int …`); CI always lints.
  if (process.env.SKIP_LINT === '1' && process.env.CI !== 'true') say('lint skipped (SKIP_LINT=1)');
  else {
    say('lint: ESLint, then Prettier (`npm run lint:fix` fixes what can be fixed)');
    runOrFail('npm', ['run', 'lint']);
  }
  say('type-checking scripts/ and bench/ (tsconfig.scripts.json)');
  runOrFail(process.execPath, [binOf('typescript', 'tsc'), '-p', 'tsconfig.scripts.json']);
  ensureDebianPackage(CHROMIUM, ['chromium', 'fonts-noto-cjk'], 'the browser tests', { say });
  // The shipped nginx config is tested in front of the API (apps/api/test/nginx-proxy.int-spec.ts).
  ensureDebianPackage(NGINX, ['nginx-light'], 'the proxy tests', { say });
  // The agreement PDF embeds Noto Sans CJK (libs/agreement-documents) and its tests read it back with poppler.
  ensureDebianPackage(CJK_FONT, ['fonts-noto-cjk'], 'the agreement PDF tests', { say });
  ensureDebianPackage(PDFTOTEXT, ['poppler-utils'], 'the agreement PDF tests', { say });
  say('PostgreSQL and Redis');
  const postgres = await ensurePostgres({ dataDir: path.join(DATA, 'test', 'pg') });
  stoppers.push(postgres.stop);
  const redis = await ensureRedis({ dataDir: path.join(DATA, 'test', 'redis') });
  stoppers.push(redis.stop);

  say('building (Nx caches what did not change)');
  buildAll();

  say('running the tests');
  const results = path.join(DATA, 'test', 'results.json');
  fs.mkdirSync(path.dirname(results), { recursive: true });
  fs.rmSync(results, { force: true });
  const jest = spawnSync(process.execPath, [binOf('jest', 'jest'), '--json', `--outputFile=${results}`, ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: postgres.url, REDIS_URL: redis.url, NODE_ENV: 'test' },
  });
  await stopServices();
  if (fs.existsSync(results)) {
    const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
    const skipped = summary.numPendingTests + summary.numTodoTests;
    // The plain closing line CI reads.
    process.stdout.write(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
  process.exit(jest.status ?? 1);
}

main().catch(async (error) => {
  process.stderr.write(`\n✖ ${error instanceof Error ? error.message : error}\n`);
  await stopServices();
  process.exit(1);
});
