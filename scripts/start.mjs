// @ts-check
// `npm start`: the whole product with demo data — PostgreSQL and Redis (from DATABASE_URL and
// REDIS_URL, or started here), migrations, demo data on first run, then the API, the worker and
// the portal. Ctrl-C stops all of it.
import net from 'node:net';
import path from 'node:path';
import { ensurePostgres, ensureRedis } from './lib/services.mjs';
import { DATA, ROOT, binOf, buildAll, ensureDebianPackage, localSecret, setUpDatabase, startChild } from './lib/run.mjs';

const API_PORT = Number(process.env.API_PORT ?? 3000);
const PORTAL_PORT = Number(process.env.PORTAL_PORT ?? 4200);
const WORKER_HEALTH_PORT = Number(process.env.WORKER_HEALTH_PORT ?? 3001);

/** @param {string} message */
const say = (message) => process.stdout.write(`\x1b[1m▸ ${message}\x1b[0m\n`);

/** @param {number} port  @returns {Promise<boolean>} */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** @type {Array<() => Promise<void>>} */
const stoppers = [];
/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;

/**
 * SIGTERM, then SIGKILL after 10 s; resolves once it has exited.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** @param {number} code  the exit code */
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(children.map(stopChild));
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function main() {
  /** @type {Array<[string, number]>} */
  const ports = [
    ['API_PORT', API_PORT],
    ['PORTAL_PORT', PORTAL_PORT],
    ['WORKER_HEALTH_PORT', WORKER_HEALTH_PORT],
  ];
  for (const [name, port] of ports) {
    if (!(await portIsFree(port))) throw new Error(`port ${port} is taken: stop what uses it, or set ${name} to another port`);
  }

  // The agreement PDF embeds Noto Sans CJK (libs/agreement-documents): installed here when missing, as redis-server is.
  // Without it everything else runs, and rendering an agreement fails with a message naming the package.
  ensureDebianPackage('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', ['fonts-noto-cjk'], 'agreement PDFs', {
    optional: true,
    say,
  });

  say('PostgreSQL and Redis');
  const postgres = await ensurePostgres({ dataDir: path.join(DATA, 'pg') });
  stoppers.push(postgres.stop);
  const redis = await ensureRedis({ dataDir: path.join(DATA, 'redis') });
  stoppers.push(redis.stop);
  say(
    `  PostgreSQL ${postgres.embedded ? '(embedded, data in .data/pg)' : 'from DATABASE_URL'}; Redis ${redis.spawned ? '(started here)' : 'from REDIS_URL'}`,
  );

  say('building (Nx caches what did not change)');
  buildAll();

  say('migrations and demo data');
  setUpDatabase(postgres.url);

  const common = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const api = startChild(
    'api',
    process.execPath,
    ['apps/api/dist/main.js'],
    { ...common, PORT: String(API_PORT), JWT_SECRET: process.env.JWT_SECRET ?? localSecret('jwt-secret') },
    36,
  );
  const worker = startChild(
    'worker',
    process.execPath,
    ['apps/worker/dist/main.js'],
    { ...common, WORKER_HEALTH_PORT: String(WORKER_HEALTH_PORT) },
    35,
  );
  const portal = startChild(
    'portal',
    process.execPath,
    [binOf('vite', 'vite'), 'preview', '--port', String(PORTAL_PORT), '--strictPort', '--host', '127.0.0.1'],
    { API_URL: `http://127.0.0.1:${API_PORT}` },
    33,
    path.join(ROOT, 'apps/portal'),
  );
  children.push(api, worker, portal);
  for (const child of children) {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      say(`a process stopped unexpectedly (${code ?? signal}); stopping the rest`);
      void stopAll(1);
    });
  }

  await waitFor(`http://127.0.0.1:${API_PORT}/api/v1/health/ready`);
  say(`SkillBridge 技能桥 is up:
    portal   http://localhost:${PORTAL_PORT}
    API      http://localhost:${API_PORT}/api/v1   (OpenAPI: http://localhost:${API_PORT}/api/docs)
    worker   http://localhost:${WORKER_HEALTH_PORT}/health
  demo accounts (password Demo#2026): admin@ miit@ sasac@ edu@ school@ teacher@ student@ hr@ hr-soe@ — each @demo.skillbridge.cn
  Ctrl-C stops everything.`);
}

/** @param {string} url */
async function waitFor(url) {
  for (let i = 0; i < 300 && !stopping; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

main().catch(async (error) => {
  process.stderr.write(`\n✖ ${error instanceof Error ? error.message : error}\n`);
  await stopAll(1);
});
