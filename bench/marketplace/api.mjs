// @ts-check
// The built API as the bench runs it: a child process (NODE_ENV=production, LOG_LEVEL=warn, a JWT
// secret of the run's own), and the students' access tokens, minted in-process with that secret.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/run.mjs';
import { freePort } from '../../scripts/lib/services.mjs';
import { idSql } from '../lib/data.mjs';
import { startNodeChild, waitForHttp } from '../lib/processes.mjs';
import { tokenMinter } from '../lib/tokens.mjs';
import { LOGS } from './options.mjs';
import { atCleanup, say } from './progress.mjs';

/**
 * An API under load: where to send requests, and the processes whose CPU each request is charged.
 * @typedef {{ base: string, pids: { apiPid: number, postmasterPid: number | null } }} Target
 */
/** @typedef {{ handle: import('../lib/processes.mjs').NodeChild, target: Target }} RunningApi */
/** @typedef {ReturnType<typeof apiLauncher>} ApiLauncher */
/** @typedef {Awaited<ReturnType<typeof benchStudents>>} BenchStudents */

/**
 * Starts API instances that share one JWT secret (a token works on all of them) and one Redis,
 * each with a Redis key prefix of its own; each is stopped at the end if still running.
 * @param {{ redisUrl: string, postmasterPid: number | null }} services
 */
export function apiLauncher({ redisUrl, postmasterPid }) {
  const secret = randomBytes(32).toString('hex');
  return {
    token: tokenMinter(secret),
    /**
     * @param {{ name: string, databaseUrl: string, port: number, logFile: string }} instance  logFile: under .data/bench/logs
     * @returns {Promise<RunningApi>} once it answers /health/ready
     */
    async start({ name, databaseUrl, port, logFile }) {
      const env = {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `sb-bench-${randomBytes(4).toString('hex')}:`,
        JWT_SECRET: secret,
        PORT: String(port),
        HOST: '127.0.0.1',
      };
      const handle = startNodeChild(name, 'apps/api/dist/main.js', { cwd: ROOT, env, logFile: path.join(LOGS, logFile) });
      atCleanup(() => handle.stop());
      const base = `http://127.0.0.1:${port}`;
      await waitForHttp(`${base}/api/v1/health/ready`, handle);
      const apiPid = handle.child.pid;
      if (apiPid === undefined) throw new Error(`${name} answers but has no pid`);
      return { handle, target: { base, pids: { apiPid, postmasterPid } } };
    },
  };
}

/**
 * The API the measurements run against, over the bench database; and its settings for the report.
 * @param {ApiLauncher} launcher
 * @param {URL} benchUrl
 */
export async function startBenchApi(launcher, benchUrl) {
  const port = await freePort();
  const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  say(`starting the API (node apps/api/dist/main.js) on port ${port}: NODE_ENV=production, LOG_LEVEL=warn, TypeORM pool ${poolSize}`);
  const api = await launcher.start({ name: 'api', databaseUrl: benchUrl.toString(), port, logFile: 'api.log' });
  return { ...api, settings: { databasePoolSize: poolSize, nodeEnv: 'production', logLevel: 'warn' } };
}

/**
 * The bench's students (all in its one school): a token for one, and the ids of students by number.
 * @param {import('pg').Pool} db
 * @param {ApiLauncher['token']} token
 */
export async function benchStudents(db, token) {
  /** @type {string} */
  const schoolId = (await db.query(`SELECT id::text FROM organisations WHERE kind = 'school'`)).rows[0].id;
  return {
    /** @param {string} id */
    token: (id) => token({ id, role: 'student', org: schoolId }),
    /** @param {number[]} numbers  @returns {Promise<string[]>} */
    ids: async (numbers) =>
      // eslint-disable-next-line skillbridge/no-sql-assembly -- idSql is the bench's id expression (lib/data.mjs), fixed text; the numbers are a parameter
      (await db.query(`SELECT ${idSql('stu', 'n')}::text AS id FROM unnest($1::int[]) n`, [numbers])).rows.map((r) => r.id),
  };
}
