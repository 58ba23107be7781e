// @ts-check
// --what-if: the schema change the report recommends (WHAT_IF_SQL, an index) applied to the bench
// database, then the accept runs again (on offers of their own) against a fresh API instance.
import { freePort } from '../../scripts/lib/services.mjs';
import { measureAcceptHot } from './accept-hot.mjs';
import { measureAcceptSpread } from './accept-spread.mjs';
import { WHAT_IF_SQL } from './options.mjs';
import { explainAccept } from './plans.mjs';
import { say } from './progress.mjs';

/**
 * @typedef {object} WhatIfResult
 * @property {string[]} sql
 * @property {import('./accept-spread.mjs').AcceptSpreadResult} acceptSpread
 * @property {import('./accept-hot.mjs').AcceptHotResult} acceptHot
 * @property {import('./plans.mjs').ExplainedStatement | null} explainAccept
 */

/**
 * Nothing without --what-if; a note when the index is already in the schema (the figures above include it).
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {import('./api.mjs').ApiLauncher} launcher
 * @param {import('./api.mjs').BenchStudents} students
 * @param {import('./setup.mjs').AcceptSets} accepts
 * @param {import('../lib/pg-capture.mjs').CapturedStatement | null} acceptStatement  as capturePlans saw it
 * @returns {Promise<{ whatIfSkipped?: string, whatIf?: WhatIfResult }>}
 */
export async function measureWhatIf(run, launcher, students, accepts, acceptStatement) {
  const { db, benchUrl, options } = run;
  if (!options.whatIf) return {};
  const [{ present }] = (await db.query(`SELECT to_regclass('users_admins_by_organisation') IS NOT NULL AS present`)).rows;
  if (present) {
    say('--what-if: skipped, the recommended index users_admins_by_organisation is already in the schema (the figures above include it)');
    return { whatIfSkipped: 'users_admins_by_organisation is already in the schema' };
  }
  const set = accepts.whatIf;
  if (!set) throw new Error('--what-if: no offers were prepared for the second accept runs');
  say(`--what-if: ${WHAT_IF_SQL.join('; ')}`);
  for (const sql of WHAT_IF_SQL) await db.query(sql);
  const port = await freePort();
  const api = await launcher.start({ name: 'api', databaseUrl: benchUrl.toString(), port, logFile: 'api-what-if.log' });
  const acceptSpread = await measureAcceptSpread(run, api.target, students, set, 'what-if ');
  const acceptHot = await measureAcceptHot(run, api.target, students, set, 'what-if ');
  await api.handle.stop();
  return { whatIf: { sql: WHAT_IF_SQL, acceptSpread, acceptHot, explainAccept: await explainAccept(db, set, acceptStatement) } };
}
