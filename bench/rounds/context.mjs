// @ts-check
// What the phases of bench/rounds.mjs share: the round's sizes, the database, the bureau officer's
// calls to the API, and the figures and rows of the report.
import fs from 'node:fs';

/**
 * @typedef {object} RoundSizes
 * @property {number} students  each lists 10 distinct slots
 * @property {number} slots  students / 5, of `seats` seats each
 * @property {number} seats
 * @property {number} enterprises  slots / 10
 * @property {number} schools
 */
/**
 * @typedef {object} RoundsRun
 * @property {RoundSizes} sizes
 * @property {import('pg').Pool} db
 * @property {Record<string, unknown>} figures  the report's .json, filled as the phases go
 * @property {import('../lib/report.mjs').TableRow[]} rows  [benchmark, figure, aim, verdict]
 */
/** @typedef {(method: string, route: string, body?: unknown) => Promise<{ reply: unknown, ms: number }>} OfficerCall  reply: the JSON answer */
/**
 * What GET /match-rounds/:id/result answers (the parts the bench reads).
 * @typedef {{ figures: { runMs: number, matched: number, firstChoice: number, unmatched: number }, stable: boolean }} RoundResult
 */

/** The round's name: a --republish run finds the last run's round by it. */
export const ROUND_NAME = '基准撮合轮次';

/** @param {number} students */
export function roundSizes(students) {
  const slots = Math.max(20, Math.floor(students / 5));
  return { students, slots, seats: 4, enterprises: Math.max(1, Math.floor(slots / 10)), schools: 50 };
}

/** @param {string} message */
export const say = (message) => process.stdout.write(`▸ ${message}\n`);
/** @param {number} ms  @returns {Promise<void>} */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CPU milliseconds a process has used, from /proc (null when it is not on this machine).
 * @param {number} pid
 */
export function cpuMsOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
