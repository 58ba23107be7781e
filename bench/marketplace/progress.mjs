// @ts-check
// What a marketplace run prints as it goes (each line stamped with the time since the start), and
// what it undoes at the end, also on Ctrl-C: whatever the phases started, last first.
import { performance } from 'node:perf_hooks';

/** When the run started (performance.now()): the clock of every line, and the report's whole-run time. */
export const runStart = performance.now();

const clock = () => {
  const s = Math.floor((performance.now() - runStart) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
/** A phase begins. @param {string} message */
export const say = (message) => process.stdout.write(`\x1b[1m[${clock()}] ▸ ${message}\x1b[0m\n`);
/** A figure or a detail within a phase. @param {string} message */
export const note = (message) => process.stdout.write(`[${clock()}]     ${message}\n`);
/** @param {number} ms  @returns {Promise<void>} */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<{ value: T, seconds: number }>}
 */
export const timed = async (fn) => {
  const start = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - start) / 1000 };
};

/** A URL with its password hidden, for printing. @param {URL | string} url */
export function redact(url) {
  const copy = new URL(url);
  if (copy.password) copy.password = '***';
  return copy.toString();
}

/** @type {Array<() => unknown>} */
const cleanups = []; // run last-in first-out
/** @type {Promise<void> | null} */
let cleaning = null;

/** What to undo when the run ends (stop a process, drop a database). @param {() => unknown} undo */
export function atCleanup(undo) {
  cleanups.push(undo);
}

/** True once the cleanup has begun: connections that end from then on are expected to. */
export const cleaningUp = () => cleaning !== null;

/** Runs every cleanup, last first, once; a failing one is reported and the rest still run. */
export function cleanUp() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()?.();
      } catch (error) {
        process.stderr.write(`cleanup: ${error instanceof Error ? error.message : error}\n`);
      }
    }
  })();
  return cleaning;
}

/** On Ctrl-C or SIGTERM: clean up, then exit 130. */
export function cleanUpOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping what the bench started…\n`);
      void cleanUp().then(() => process.exit(130));
    });
  }
}
