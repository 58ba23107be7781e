// @ts-check
// Children of the bench (the hello server, the API), their output in log files, stopped by pid.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * @typedef {object} NodeChild
 * @property {string} name
 * @property {import('node:child_process').ChildProcess} child
 * @property {string} logFile  its stdout and stderr
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited
 * @property {() => boolean} running
 * @property {(graceMs?: number) => Promise<void>} stop  SIGTERM, then SIGKILL after graceMs
 */

/** @param {number} ms  @returns {Promise<void>} */
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** @param {import('node:child_process').ChildProcess} child */
const running = (child) => child.exitCode === null && child.signalCode === null;

/**
 * @param {string} name
 * @param {string} script  run with this Node
 * @param {{ cwd: string, env: Record<string, string | undefined>, logFile: string, args?: string[] }} options  args: the script's
 * @returns {NodeChild}
 */
export function startNodeChild(name, script, { cwd, env, logFile, args = [] }) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  /** @type {NodeChild['exited']} */
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    name,
    child,
    logFile,
    exited,
    running: () => running(child),
    async stop(graceMs = 10_000) {
      if (!running(child)) return;
      child.kill('SIGTERM');
      const timer = delay(graceMs).then(() => 'timeout');
      if ((await Promise.race([exited, timer])) === 'timeout' && running(child)) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Polls `url` until it answers 2xx; fails early if the child exits.
 * @param {string} url
 * @param {NodeChild} handle
 */
export async function waitForHttp(url, handle, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!handle.running()) {
      const tail = fs.readFileSync(handle.logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`${handle.name} exited before answering ${url}:\n${tail}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not yet */
    }
    await delay(150);
  }
  throw new Error(`${handle.name} did not answer ${url} within ${timeoutMs / 1000} s (log: ${handle.logFile})`);
}
