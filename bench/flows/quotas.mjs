// @ts-check
// The bureaus' quota queries (bench/flows.mjs): enterprises with headcounts and quota rows; the
// table (first page, filtered) and the summary at 10 connections; the recomputation of every
// enterprise's figures.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../../scripts/lib/run.mjs';
import { runLoad } from '../lib/load.mjs';
import { int, latency } from '../lib/report.mjs';
import { say } from './context.mjs';

const require = createRequire(import.meta.url);

/** Today in Lanzhou (UTC+8), as the dashboards see it. */
const lanzhouToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * @param {import('./context.mjs').FlowsRun} run
 * @param {{ port: number }} api
 * @returns {Promise<import('./context.mjs').SectionResult>}
 */
export async function measureQuotas({ quick, sizes, db, databaseUrl, mint }, { port }) {
  /** @type {import('../lib/report.mjs').TableRow[]} */
  const rows = [];
  /** @type {Record<string, unknown>} */
  const figures = {};
  say(`quotas: ${int(sizes.enterprises)} enterprises`);
  const quotasStarted = performance.now();
  // This year in Lanzhou: the year the dashboards open on.
  const year = Number(lanzhouToday().slice(0, 4));
  await db.query(
    `INSERT INTO organisations (id, kind, name, district, uscc, ownership, industry, verification)
     SELECT md5('bench-ent-' || n)::uuid, 'enterprise', '基准企业' || lpad(n::text, 6, '0'),
            (ARRAY['城关区','七里河区','西固区','安宁区','红古区','永登县','皋兰县','榆中县','兰州新区'])[1 + n % 9],
            'BENCH' || lpad(n::text, 13, '0'), (ARRAY['municipal_soe','central_soe','private','foreign','other'])[1 + n % 5],
            (ARRAY['装备制造','石油化工','数据信息','现代物流','文化旅游','生物医药'])[1 + n % 6], 'verified'
       FROM generate_series(1, $1) n`,
    [sizes.enterprises],
  );
  await db.query(
    `INSERT INTO enterprise_headcounts (organisation_id, year, employees)
     SELECT md5('bench-ent-' || n)::uuid, $2, 50 + (hashint4(n) & 4095) FROM generate_series(1, $1) n`,
    [sizes.enterprises, year],
  );
  const { createDataSource } = require(path.join(ROOT, 'libs/db/dist'));
  const { refreshQuotas, rulesForYear } = require(path.join(ROOT, 'libs/quotas/dist'));
  const ds = await createDataSource(databaseUrl, { extra: { max: 2 } }).initialize();
  const refreshStarted = performance.now();
  await refreshQuotas(ds.manager, await rulesForYear(ds, year), null, lanzhouToday());
  const refreshSeconds = (performance.now() - refreshStarted) / 1000;
  await ds.destroy();
  await db.query('ANALYZE');
  figures.quotaLoad = { seconds: (performance.now() - quotasStarted) / 1000, refreshSeconds };
  /** @type {string} */
  const miitId = (await db.query(`SELECT id FROM users WHERE email = 'miit@demo.skillbridge.cn'`)).rows[0].id;
  const miit = mint({ id: miitId, role: 'bureau_officer', org: null, auth: 'MIIT' });
  for (const [label, target] of [
    ['quota table, first page (50 rows)', `/api/v1/quotas?year=${year}&limit=50`],
    [
      'quota table filtered by district and status',
      `/api/v1/quotas?year=${year}&limit=50&district=%E5%AE%89%E5%AE%81%E5%8C%BA&status=behind`,
    ],
    ['quota summary by status, district, industry', `/api/v1/quotas/summary?year=${year}`],
  ]) {
    const result = await runLoad({
      url: `http://127.0.0.1:${port}`,
      connections: 10,
      duration: quick ? 5 : 10,
      requests: [{ method: 'GET', path: target }],
      headers: { authorization: `Bearer ${miit}` },
    });
    figures[label] = result;
    rows.push([
      `quotas (${int(sizes.enterprises)} enterprises): ${label}, 10 connections`,
      `${int(result.requestsPerSecond)} req/s · ${latency(result.latency)} · non-2xx ${result.non2xx}`,
      '—',
      '—',
      'reported',
    ]);
  }
  rows.push([
    `quotas: recompute every enterprise's figures (${int(sizes.enterprises)})`,
    `${refreshSeconds.toFixed(2)} s, one statement`,
    '—',
    '—',
    'reported',
  ]);
  return { rows, figures };
}
