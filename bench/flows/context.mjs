// @ts-check
// What the sections of bench/flows.mjs share: the run's database, services and sizes, and its output.

/**
 * @typedef {object} FlowsRun
 * @property {boolean} quick
 * @property {FlowsSizes} sizes
 * @property {import('pg').Pool} db  the run's own database, migrated, with the demo city
 * @property {string} databaseUrl
 * @property {string} redisUrl
 * @property {string} prefix  of the queues and Redis keys of this run
 * @property {(subject: import('../lib/tokens.mjs').TokenSubject) => string} mint  access tokens the API accepts
 * @property {string} logDir
 * @property {Array<{ stop: () => Promise<void> }>} children  stopped at the end, last first
 */
/** @typedef {ReturnType<typeof flowsSizes>} FlowsSizes */
/** @typedef {{ rows: import('../lib/report.mjs').TableRow[], figures: Record<string, unknown> }} SectionResult */

/** @param {boolean} quick */
export function flowsSizes(quick) {
  return quick
    ? { events: [2_000, 10_000], steadySeconds: 10, teachers: 5_000, schools: 50, bookers: 500, enterprises: 10_000 }
    : { events: [10_000, 100_000], steadySeconds: 20, teachers: 50_000, schools: 500, bookers: 2_000, enterprises: 100_000 };
}

/** @param {string} message */
export const say = (message) => process.stdout.write(`▸ ${message}\n`);
/** @param {number} ms  @returns {Promise<void>} */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
