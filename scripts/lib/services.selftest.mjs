// @ts-check
// Self-test for services.mjs.
//
//   node scripts/lib/services.selftest.mjs [dataRoot]
//     DATABASE_URL / REDIS_URL are removed from the environment, so an embedded PostgreSQL and a
//     spawned redis-server are started with their data under dataRoot (default: a new temp folder
//     under /tmp, removed afterwards). Two start/stop cycles run on the same data; the second
//     proves a restart on an existing cluster keeps the data and the port. Run it twice with
//     the same dataRoot to prove the same across processes.
//
//   node scripts/lib/services.selftest.mjs --use-env
//     Keeps DATABASE_URL / REDIS_URL (both must be set) and checks they are used as they are.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

if (!process.argv.includes('--use-env')) {
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
}
// Loaded once the environment above is settled.
const { default: pg } = await import('pg');
const { Redis } = await import('ioredis');
const { ensurePostgres, ensureRedis, freePort } = await import('./services.mjs');

const useEnv = process.argv.includes('--use-env');
const givenRoot = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const dataRoot = givenRoot ? path.resolve(givenRoot) : await fs.mkdtemp(path.join('/tmp', 'skillbridge-services-'));
/** @param {string} message */
const log = (message) => console.error(`  log: ${message}`);

/** @type {Array<() => Promise<void>>} */
let running = [];
async function stopAll() {
  const stops = running;
  running = [];
  await Promise.all(stops.map((stop) => stop()));
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopAll().finally(() => process.exit(130));
  });
}

/** @param {number} port  @returns {Promise<boolean>} */
function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** @param {string} label  @returns {Promise<{ pgPort: number, visits: number | null }>} */
async function cycle(label) {
  const t0 = Date.now();
  const [postgres, redis] = await Promise.all([
    ensurePostgres({ dataDir: path.join(dataRoot, 'pg'), log }),
    ensureRedis({ dataDir: path.join(dataRoot, 'redis'), log }),
  ]);
  running.push(postgres.stop, redis.stop);
  console.log(
    `[${label}] up in ${Date.now() - t0} ms: ${postgres.url.replace(/:[^:@/]*@/, ':***@')} (embedded=${postgres.embedded}), ${redis.url} (spawned=${redis.spawned})`,
  );
  if (!useEnv) {
    assert.equal(postgres.embedded, true);
    assert.equal(redis.spawned, true);
  } else {
    assert.equal(postgres.embedded, false);
    assert.equal(redis.spawned, false);
    assert.equal(postgres.url, process.env.DATABASE_URL);
    assert.equal(redis.url, process.env.REDIS_URL);
  }

  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  const { rows } = await client.query('SELECT version() AS version, current_database() AS db, current_user AS "user"');
  console.log(`[${label}] SELECT version(): ${rows[0].version}`);
  console.log(`[${label}] database=${rows[0].db} user=${rows[0].user}`);
  let visits = null;
  if (!useEnv) {
    assert.equal(rows[0].db, 'skillbridge');
    const encoding = await client.query('SHOW server_encoding');
    assert.equal(encoding.rows[0].server_encoding, 'UTF8');
    await client.query('CREATE TABLE IF NOT EXISTS selftest_visits (at timestamptz NOT NULL DEFAULT now())');
    await client.query('INSERT INTO selftest_visits DEFAULT VALUES');
    visits = Number((await client.query('SELECT count(*) AS n FROM selftest_visits')).rows[0].n);
    console.log(`[${label}] selftest_visits rows (grows by one per cycle on the same data): ${visits}`);
  }
  await client.end();

  const redisClient = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redisClient.connect();
  const pong = await redisClient.ping();
  console.log(`[${label}] Redis PING -> ${pong}`);
  assert.equal(pong, 'PONG');
  if (!useEnv) {
    /** @param {string} name  CONFIG GET answers [name, value]. */
    const setting = async (name) => /** @type {string[]} */ (await redisClient.config('GET', name))[1];
    const policy = await setting('maxmemory-policy');
    const appendonly = await setting('appendonly');
    const save = await setting('save');
    console.log(`[${label}] Redis maxmemory-policy=${policy} appendonly=${appendonly} save="${save}"`);
    assert.equal(policy, 'noeviction');
    assert.equal(appendonly, 'no');
    assert.equal(save, '');
  }
  await redisClient.quit();

  const t1 = Date.now();
  await Promise.all([postgres.stop(), redis.stop()]);
  await Promise.all([postgres.stop(), redis.stop()]); // idempotent
  running = [];
  console.log(`[${label}] stopped in ${Date.now() - t1} ms`);

  if (!useEnv) {
    const pgPort = Number(new URL(postgres.url).port);
    const redisPort = Number(new URL(redis.url).port);
    assert.equal(await canConnect(pgPort), false, 'PostgreSQL still accepts connections after stop()');
    assert.equal(await canConnect(redisPort), false, 'Redis still accepts connections after stop()');
  }
  return { pgPort: Number(new URL(postgres.url).port), visits };
}

try {
  const port = await freePort();
  assert.ok(Number.isInteger(port) && port > 0);
  console.log(`freePort() -> ${port}`);
  console.log(useEnv ? 'mode: DATABASE_URL / REDIS_URL from the environment' : `mode: embedded, data under ${dataRoot}`);

  const first = await cycle('cycle 1');
  if (!useEnv) {
    const second = await cycle('cycle 2');
    assert.equal(second.pgPort, first.pgPort, 'the port saved in the data dir is reused');
    assert.equal(second.visits, (first.visits ?? 0) + 1, 'the data survives a restart');
  }
  if (!givenRoot) await fs.rm(dataRoot, { recursive: true, force: true });
  console.log('OK');
} catch (error) {
  console.error('FAILED:', error);
  await stopAll().catch(() => {});
  process.exitCode = 1;
}
