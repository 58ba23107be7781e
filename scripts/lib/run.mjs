// @ts-check
// Small process helpers shared by start.mjs, test.mjs, db-migrate.mjs and the benches.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = path.join(ROOT, '.data');

/**
 * Runs a command to completion in the repo, showing its output; throws on failure.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function runOrFail(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/**
 * The entry script of an installed package's command, e.g. binOf('nx', 'nx').
 * @param {string} pkg
 * @param {string} command
 * @returns {string}
 */
export function binOf(pkg, command) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[command];
  return path.join(ROOT, 'node_modules', pkg, bin);
}

/** Builds every project that changed (Nx caches the rest). */
export function buildAll() {
  runOrFail(process.execPath, [binOf('nx', 'nx'), 'run-many', '-t', 'build', '--output-style=static'], {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
}

/**
 * Migrations, and the demo data when the database has none yet.
 * @param {string} databaseUrl
 * @param {'setup' | 'migrate'} [command]  migrate: the migrations only
 */
export function setUpDatabase(databaseUrl, command = 'setup') {
  runOrFail(process.execPath, [path.join(ROOT, 'libs/db-cli/dist/cli.js'), command], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

/**
 * A long-lived child whose output lines are prefixed with its name.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} env  added to this process's environment
 * @param {number} colour  an ANSI foreground colour (30–37)
 */
export function startChild(name, command, args, env, colour, cwd = ROOT) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `\x1b[${colour}m${name.padEnd(6)}\x1b[0m│ `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  return child;
}

/**
 * A secret kept under .data so that sessions survive restarts of `npm start`.
 * @param {string} name
 */
export function localSecret(name) {
  fs.mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, cryptoRandom(), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

function cryptoRandom() {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A file the product or its tests need from a Debian package (a program, a font), installed with apt-get when
 * missing and running as root on Debian; otherwise the run stops and says what to install (nothing is skipped
 * silently), or with `optional`, says so and goes on.
 * @param {string} file  its path
 * @param {string[]} packages  the Debian packages to install, the one that holds it first
 * @param {string} purpose  what needs it
 * @param {{ optional?: boolean, say?: (message: string) => void }} [options]
 */
export function ensureDebianPackage(file, packages, purpose, { optional = false, say = (m) => process.stdout.write(`${m}\n`) } = {}) {
  if (fs.existsSync(file)) return;
  const root = process.getuid?.() === 0;
  if (root && fs.existsSync('/usr/bin/apt-get')) {
    say(`installing ${packages[0]} for ${purpose} (apt-get install ${packages.join(' ')})`);
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
    }
    return;
  }
  const message = `${purpose} need ${file}: install it with \`sudo apt-get install ${packages[0]}\``;
  if (!optional) throw new Error(message);
  say(`${message} (going on without it)`);
}
