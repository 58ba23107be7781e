// @ts-check
// After the measurements, the evidence: a second API instance whose PostgreSQL connection goes
// through a recording proxy (lib/pg-capture.mjs) answers one search of each kind, one
// recommendation and one accept; the SQL it sent is EXPLAIN ANALYZEd on the bench data.
import { freePort } from '../../scripts/lib/services.mjs';
import { idSql } from '../lib/data.mjs';
import { startCapture } from '../lib/pg-capture.mjs';
import { say } from './progress.mjs';
import { SEARCHES, searchLabel, searchPath, searcherHeaders } from './search.mjs';

/** @typedef {import('../lib/pg-capture.mjs').CapturedStatement} CapturedStatement */
/** @typedef {CapturedStatement & { plan: string, executionMs: number }} ExplainedStatement */
/** @typedef {NonNullable<Awaited<ReturnType<typeof boundedProbe>>>} BoundedProbe */
/**
 * @typedef {object} SearchEvidence
 * @property {string} label
 * @property {string} path
 * @property {ExplainedStatement[]} statements  the SELECTs on slots the search sent
 * @property {number} totalMs
 * @property {BoundedProbe | null} probe
 */
/**
 * @typedef {object} PlanEvidence
 * @property {SearchEvidence[]} search
 * @property {ExplainedStatement | null} recommended
 * @property {(ExplainedStatement & { otherStatements?: string[] }) | null} accept
 */

/** A SELECT on slots: the statements of a search or a recommendation worth explaining. @param {CapturedStatement} st */
const readsSlots = (st) => /^\s*SELECT/i.test(st.sql) && /"slots"/.test(st.sql);

/** @param {string} plan */
const executionMs = (plan) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);

/**
 * EXPLAIN (ANALYZE, BUFFERS) inside a transaction that is rolled back: writes leave no trace.
 * @param {import('pg').Pool} db
 * @param {string} sql
 * @param {unknown[]} params
 * @returns {Promise<string>}
 */
async function explainRolledBack(db, sql, params) {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    // eslint-disable-next-line skillbridge/no-sql-assembly -- EXPLAIN of a statement as the API sent it (captured), its values as parameters
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/**
 * Twice, the second reported: the first warms this plan's pages.
 * @param {import('pg').Pool} db
 * @param {CapturedStatement} statement
 * @returns {Promise<ExplainedStatement>}
 */
async function explainTwice(db, statement) {
  await explainRolledBack(db, statement.sql, statement.params);
  const plan = await explainRolledBack(db, statement.sql, statement.params);
  return { sql: statement.sql, params: statement.params, plan, executionMs: executionMs(plan) };
}

/**
 * Two offers nobody accepted yet, on slots with two seats left or more.
 * @param {import('pg').Pool} db
 * @param {import('../lib/data.mjs').AcceptSet} set
 * @returns {Promise<import('../lib/data.mjs').Offer[]>}
 */
async function spareOffers(db, set) {
  return (
    await db.query(
      `SELECT a.id::text, a.student_id::text AS student FROM applications a JOIN slots s ON s.id = a.slot_id
        WHERE a.status = 'offered' AND s.taken + 2 <= s.capacity AND a.id = ANY($1::uuid[]) LIMIT 2`,
      [set.spread.map((o) => o.id)],
    )
  ).rows;
}

/**
 * The accept statement as the API sent it, EXPLAIN ANALYZEd for one spare offer of `set`; null
 * when it was not captured or no offer is left.
 * @param {import('pg').Pool} db
 * @param {import('../lib/data.mjs').AcceptSet} set
 * @param {CapturedStatement | null} acceptStatement
 * @returns {Promise<ExplainedStatement | null>}
 */
export async function explainAccept(db, set, acceptStatement) {
  if (!acceptStatement) return null;
  const [offer] = await spareOffers(db, set);
  if (!offer) return null;
  // The statement takes arrays (the accepts that arrived together): here one offer.
  const params = [[offer.id], [offer.student], ...acceptStatement.params.slice(2)];
  await explainRolledBack(db, acceptStatement.sql, params);
  const plan = await explainRolledBack(db, acceptStatement.sql, params);
  return { sql: acceptStatement.sql, params: /** @type {CapturedStatement['params']} */ (params), plan, executionMs: executionMs(plan) };
}

/**
 * The rewrite the report recommends for search, measured on the same statement: look for the page
 * among the next PROBE_WINDOW open slots in (start_date, id) order first (an index walk that stops
 * early), and run the current query only when that window holds fewer matches than the page needs.
 * Returns null when the captured SQL does not have the expected shape.
 */
const PROBE_WINDOW = 3000;
/** The WHERE clause of the search statement TypeORM builds. */
const SEARCH_WHERE =
  /FROM "slots" "s" INNER JOIN "organisations" "e" ON "e"\."id"="s"\."enterprise_id" WHERE (.*?)(?:\) "distinctAlias"| ORDER BY )/s;
/**
 * @param {import('pg').Pool} db
 * @param {ExplainedStatement | undefined} statement
 */
async function boundedProbe(db, statement) {
  const match = statement && SEARCH_WHERE.exec(statement.sql);
  const limit = statement && /LIMIT (\d+)\s*$/.exec(statement.sql.trim());
  if (!statement || !match || !limit || !/search_terms/.test(match[1])) return null; // only text searches need it
  const where = match[1];
  const want = Number(limit[1]);
  const usedParams = statement.params.slice(0, Math.max(0, ...[...where.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]))));
  const page = `JOIN organisations "e" ON "e".id = "s".enterprise_id WHERE ${where} ORDER BY "s".start_date, "s".id LIMIT ${want}`;
  const nextOpen = `(SELECT * FROM slots WHERE state = 'open' ORDER BY start_date, id LIMIT ${PROBE_WINDOW})`;
  const probeSql = `SELECT s.*, e.name AS enterprise_name FROM ${nextOpen} "s" ${page}`;
  const fullSql = `SELECT s.*, e.name AS enterprise_name FROM slots "s" ${page}`;
  /** @param {string} sql */
  const run = async (sql) => {
    await explainRolledBack(db, sql, usedParams);
    const plan = await explainRolledBack(db, sql, usedParams);
    return {
      plan,
      executionMs: executionMs(plan),
      rows: Number(/^Limit .*?actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+)/m.exec(plan)?.[1] ?? NaN),
    };
  };
  const probe = await run(probeSql);
  const full = await run(fullSql);
  const fallback = probe.rows < want;
  return {
    window: PROBE_WINDOW,
    sql: probeSql,
    params: usedParams,
    probeMs: probe.executionMs,
    probePlan: probe.plan,
    found: probe.rows,
    fallback,
    singleQueryMs: full.executionMs,
    totalMs: probe.executionMs + (fallback ? full.executionMs : 0),
  };
}

/**
 * The evidence for the report, and the accept statement as captured (the --what-if run explains it again).
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {import('./api.mjs').ApiLauncher} launcher
 * @param {import('./api.mjs').BenchStudents} students
 * @param {import('../lib/data.mjs').AcceptSet} set  the offers of the accept runs: one spare one is accepted
 */
export async function capturePlans(run, launcher, students, set) {
  const { db, benchUrl, options } = run;
  say('evidence: the SQL the API sends (captured through a recording proxy, a second API instance) EXPLAIN ANALYZEd on the bench data');
  const searchHeaders = await searcherHeaders(options, students);
  const capture = await startCapture({ host: benchUrl.hostname, port: Number(benchUrl.port || 5432) });
  const proxied = new URL(benchUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(capture.port);
  /** @type {PlanEvidence} */
  const evidence = { search: [], recommended: null, accept: null };
  /** @type {CapturedStatement | null} */
  let acceptStatement = null;
  try {
    const port = await freePort();
    const api = await launcher.start({ name: 'api-capture', databaseUrl: proxied.toString(), port, logFile: 'api-capture.log' });
    const base = api.target.base;
    try {
      for (const s of SEARCHES) {
        const statements = await capture.record(async () => {
          await (await fetch(base + searchPath(s), { headers: searchHeaders })).arrayBuffer();
        });
        /** @type {ExplainedStatement[]} */
        const explained = [];
        for (const statement of statements.filter(readsSlots)) explained.push(await explainTwice(db, statement));
        const totalMs = explained.reduce((sum, e) => sum + e.executionMs, 0);
        evidence.search.push({
          label: searchLabel(s),
          path: searchPath(s),
          statements: explained,
          totalMs,
          probe: await boundedProbe(db, explained[0]),
        });
      }
      {
        /** @type {string} */
        // eslint-disable-next-line skillbridge/no-sql-assembly -- idSql is the bench's id expression (lib/data.mjs); the number is the run's constant
        const id = (await db.query(`SELECT ${idSql('stu', `${options.sizes.students - 1}`)}::text AS id`)).rows[0].id;
        const statements = await capture.record(async () => {
          await (
            await fetch(`${base}/api/v1/slots/recommended?limit=10`, { headers: { authorization: `Bearer ${students.token(id)}` } })
          ).arrayBuffer();
        });
        const main = statements.find(readsSlots);
        if (main) evidence.recommended = await explainTwice(db, main);
      }
      {
        // One spare offer accepted through the API (to capture the statement); another EXPLAIN ANALYZEd.
        const [offer] = await spareOffers(db, set);
        if (offer) {
          const statements = await capture.record(async () => {
            const headers = { authorization: `Bearer ${students.token(offer.student)}` };
            await (await fetch(`${base}/api/v1/applications/${offer.id}/accept`, { method: 'POST', headers })).arrayBuffer();
          });
          const seen = statements.find((st) => /UPDATE slots SET taken = slots\.taken \+/.test(st.sql)) ?? null;
          acceptStatement = seen;
          const accept = await explainAccept(db, set, seen);
          const others = statements.filter((st) => st !== seen).map((st) => st.sql.replace(/\s+/g, ' ').trim().slice(0, 160));
          if (accept) evidence.accept = { ...accept, otherStatements: others };
        }
      }
    } finally {
      await api.handle.stop();
    }
  } finally {
    await capture.stop();
  }
  return { evidence, acceptStatement };
}
