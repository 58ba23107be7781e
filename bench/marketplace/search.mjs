// @ts-check
// Runs 2 and 2b, search: GET /slots?q=…&limit=20 as one student, 20 queries in rotation (common,
// rare and no-match terms, district and major filters, no filter), at 50 connections and at one.
import { runLoad } from '../lib/load.mjs';
import { int, latency } from '../lib/report.mjs';
import { cpuPerRequest, rotating, warmUp, withCpu } from './measure.mjs';
import { note, say } from './progress.mjs';

/** @typedef {{ q?: string, district?: string, major?: string }} Search */
/** @typedef {Awaited<ReturnType<typeof measureSearch>>['search']} SearchResult */

/** @type {Search[]} */
export const SEARCHES = [
  { q: '数控加工' },
  { q: '新能源汽车维修' },
  { q: '冷链仓储' },
  { q: '直播运营' },
  { q: '老年照护' },
  { q: '实习生' },
  { q: '学徒', district: '兰州新区' },
  { q: '数控', major: '数控技术' },
  { q: '汽车', district: '七里河区' },
  { q: '提供住宿' },
  { q: '留用转正', major: '护理' },
  { q: '药品生产质检' },
  { q: 'BIM建模' },
  { q: 'python' },
  { q: '无人机操作' },
  {},
  { district: '城关区' },
  { major: '电子商务' },
  { q: '夜班补贴', district: '榆中县' },
  { q: '光伏电站运维 实习生' },
];

/** @param {Search} s */
export const searchPath = (s) => {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  if (s.district) params.set('district', s.district);
  if (s.major) params.set('major', s.major);
  params.set('limit', '20');
  return `/api/v1/slots?${params}`;
};

/** @param {Search} s */
export const searchLabel = (s) =>
  [s.q && `q=${s.q}`, s.district && `district=${s.district}`, s.major && `major=${s.major}`].filter(Boolean).join(' ') ||
  '(first page, no filter)';

/**
 * The searching student's authorization: the last student, the same in every run.
 * @param {import('./options.mjs').MarketplaceOptions} options
 * @param {import('./api.mjs').BenchStudents} students
 */
export async function searcherHeaders({ sizes }, students) {
  const [searcher] = await students.ids([sizes.students]);
  return { authorization: `Bearer ${students.token(searcher)}` };
}

/**
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {import('./api.mjs').Target} target
 * @param {import('./api.mjs').BenchStudents} students
 */
export async function measureSearch({ options, db, domain }, target, students) {
  const { seconds, connections } = options;
  const headers = await searcherHeaders(options, students);
  /** @type {number[]} */
  const matches = [];
  for (const s of SEARCHES) {
    // A filter the search leaves out is NULL here: the open slots it would find, as the API filters them.
    const terms = s.q ? domain.queryTerms(s.q) : [];
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM slots
        WHERE state = 'open' AND ($1::text[] IS NULL OR search_terms @> $1::text[])
          AND ($2::text IS NULL OR district = $2) AND ($3::text IS NULL OR $3 = ANY(majors))`,
      [terms.length ? terms : null, s.district ?? null, s.major ?? null],
    );
    matches.push(rows[0].n);
  }
  for (const s of SEARCHES) {
    // A correctness probe first: every query answers 200 with at most 20 items.
    const response = await fetch(target.base + searchPath(s), { headers });
    const body = /** @type {{ items?: unknown }} */ (await response.json());
    if (response.status !== 200 || !Array.isArray(body.items) || body.items.length > 20) {
      throw new Error(`${searchPath(s)} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    }
  }
  const searchRequest = () => rotating(SEARCHES, (s) => ({ path: searchPath(s), label: searchLabel(s) }));
  say(`2 search: GET /api/v1/slots?q=…&limit=20, ${SEARCHES.length} queries in rotation, ${connections} connections, ${seconds.search} s`);
  const searchOptions = { url: target.base, duration: seconds.search, headers, requests: [searchRequest()] };
  await warmUp(target.pids.apiPid, seconds.warmup, searchOptions);
  const loaded = await withCpu(target.pids, () => runLoad(searchOptions));
  const search = {
    ...loaded,
    queries: SEARCHES.map((s, i) => ({
      ...s,
      path: searchPath(s),
      label: searchLabel(s),
      matching: matches[i],
      ...loaded.labels.find((l) => l.label === searchLabel(s)),
    })),
  };
  note(`${int(search.requestsPerSecond)} req/s, ${latency(search.latency)}, non-2xx ${search.non2xx}; ${cpuPerRequest(search)}`);
  say(`2b search, unloaded: the same rotation over 1 connection, ${seconds.single} s`);
  const singleOptions = { url: target.base, connections: 1, duration: seconds.single, headers, requests: [searchRequest()] };
  const searchSingle = await withCpu(target.pids, () => runLoad(singleOptions));
  note(`${int(searchSingle.requestsPerSecond)} req/s, ${latency(searchSingle.latency)}; ${cpuPerRequest(searchSingle)}`);
  return { search, searchSingle };
}
