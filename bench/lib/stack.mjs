// @ts-check
// The production build of the API and the worker as children of a benchmark (or a drill), over a
// database of its own: the start-up every script here would otherwise write again.
import path from 'node:path';
import pg from 'pg';
import { DATA, ROOT, setUpDatabase } from '../../scripts/lib/run.mjs';
import { ensurePostgres, ensureRedis, freePort } from '../../scripts/lib/services.mjs';
import { startNodeChild, waitForHttp } from './processes.mjs';

/**
 * A fresh database on `serverUrl`, named after the script and this process (two runs on one server
 * never drop each other's), migrated and loaded with the demo city. `drop()` removes it.
 * @param {string} serverUrl
 * @param {string} label
 * @param {'setup' | 'migrate'} [mode]  setup: migrations and the demo city; migrate: migrations only
 */
export async function freshDatabase(serverUrl, label, mode = 'setup') {
  const name = `sb_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  setUpDatabase(url.toString(), mode);
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * @typedef {object} StackOptions
 * @property {string} databaseUrl
 * @property {string} redisUrl
 * @property {string} prefix  of the queues and the Redis keys, so that runs on one server stay apart
 * @property {string} logDir
 * @property {Record<string, string>} [env]  adds to or overrides the defaults
 */

/**
 * The built API on a free port, answering `/health/ready`; `env` adds to or overrides the defaults.
 * @param {StackOptions & { secret: string }} options
 */
export async function startApi({ databaseUrl, redisUrl, prefix, secret, logDir, env = {} }) {
  const port = await freePort();
  const handle = startNodeChild('api', path.join(ROOT, 'apps/api/dist/main.js'), {
    cwd: ROOT,
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      REDIS_KEY_PREFIX: `${prefix}:`,
      JWT_SECRET: secret,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    logFile: path.join(logDir, 'api.log'),
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  await waitForHttp(`${base}/health/ready`, handle, 90_000);
  return { handle, port, base };
}

/**
 * The built worker with its health server on a free port, answering `/health`.
 * @param {StackOptions} options
 */
export async function startWorker({ databaseUrl, redisUrl, prefix, logDir, env = {} }) {
  const port = await freePort();
  const handle = startNodeChild('worker', path.join(ROOT, 'apps/worker/dist/main.js'), {
    cwd: ROOT,
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      WORKER_HEALTH_PORT: String(port),
      MAIL_DIR: path.join(logDir, 'mail'),
      ...env,
    },
    logFile: path.join(logDir, 'worker.log'),
  });
  await waitForHttp(`http://127.0.0.1:${port}/health`, handle, 90_000);
  return { handle, port };
}

/**
 * The production build of the portal served by `vite preview` (with its security headers) on a free port,
 * forwarding /api to the API on `apiPort`, as `npm start` and the browser tests serve it.
 * @param {{ apiPort: number, logDir: string }} options
 */
export async function startPortal({ apiPort, logDir }) {
  const port = await freePort();
  const handle = startNodeChild('portal', path.join(ROOT, 'node_modules/vite/bin/vite.js'), {
    cwd: path.join(ROOT, 'apps/portal'),
    env: { API_URL: `http://127.0.0.1:${apiPort}`, NODE_ENV: 'production' },
    args: ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    logFile: path.join(logDir, 'portal.log'),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/login`, handle, 60_000);
  return { handle, port, url };
}

/**
 * PostgreSQL and Redis for a script (DATABASE_URL / REDIS_URL, or its own under .data/bench-<label>),
 * the children it starts, and one cleanup that stops them in reverse order, also on Ctrl-C.
 * @param {string} label
 */
export async function benchServices(label) {
  const postgres = await ensurePostgres({ dataDir: path.join(DATA, `bench-${label}`, 'pg') });
  const redis = await ensureRedis({ dataDir: path.join(DATA, `bench-${label}`, 'redis') });
  /** @type {Array<{ stop: () => Promise<void> }>} what to stop at the end, in reverse order */
  const children = [];
  const cleanup = async () => {
    for (const child of [...children].reverse()) await child.stop();
    await redis.stop();
    await postgres.stop();
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  return { postgres, redis, children, cleanup };
}
