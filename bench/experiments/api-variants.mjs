// @ts-check
// The search load of bench run 2 against the built API and against patched copies of it (in
// .data/bench/api-experiment; the repository is not touched), same data, one after the other.
//
//   node bench/experiments/with-services.mjs bench/experiments/api-variants.mjs [variant…]
//
// Variants: as-built, jwt-keyobject (JwtModule secret as a KeyObject), limit (paginate uses
// .limit() instead of .take()), probe (search looks for the page among the next 3,000 open slots
// first), and combinations. The patches edit the compiled JavaScript of apps/api/dist by text, so
// they only apply to the code as it was when this was written; a patch that no longer applies fails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DATA, ROOT } from '../../scripts/lib/run.mjs';
import { cpuSampler, postmasterPid, waitUntilIdle } from '../lib/cpu.mjs';
import { runLoad } from '../lib/load.mjs';
import { startNodeChild, waitForHttp } from '../lib/processes.mjs';
import { tokenMinter } from '../lib/tokens.mjs';

const pg = createRequire(import.meta.url)('pg');
const dbUrl = process.env.BENCH_DATABASE_URL;
if (!dbUrl || !process.env.REDIS_URL) throw new Error('run me through bench/experiments/with-services.mjs');
const SECONDS = Number(process.env.SECONDS_PER_VARIANT ?? 15);
const db = new pg.Pool({ connectionString: dbUrl, max: 2 });
const pm = await postmasterPid(db);
const secret = 'experiment-'.padEnd(64, 'x');
const token = tokenMinter(secret);
const {
  rows: [student],
} = await db.query(`SELECT id, organisation_id FROM users WHERE role = 'student' ORDER BY email DESC LIMIT 1`);
const headers = { authorization: `Bearer ${token({ id: student.id, role: 'student', org: student.organisation_id })}` };

/** @typedef {{ q?: string, district?: string, major?: string }} Search */
/** @type {Search[]} */
const SEARCHES = [
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
const searchPath = (s) => {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.district) p.set('district', s.district);
  if (s.major) p.set('major', s.major);
  p.set('limit', '20');
  return `/api/v1/slots?${p}`;
};
/** @returns {import('../lib/load.mjs').LoadRequest} */
const rotating = () => {
  let i = 0;
  return { method: 'GET', setupRequest: (r) => ({ ...r, path: searchPath(SEARCHES[i++ % SEARCHES.length]) }) };
};

const PROBE = `        if (terms.length && !query.enterpriseId && !query.cursor) {
            const where = ['search_terms @> $1::text[]'];
            const params = [terms];
            if (query.type) { params.push(query.type); where.push('type = $' + params.length); }
            if (query.major) { params.push(query.major.trim()); where.push('$' + params.length + ' = ANY(majors)'); }
            if (query.district) { params.push(query.district); where.push('district = $' + params.length); }
            if (query.from) { params.push(query.from); where.push('start_date >= $' + params.length); }
            if (query.to) { params.push(query.to); where.push('end_date <= $' + params.length); }
            const want = (query.limit ?? 50) + 1;
            const found = await this.db.query("SELECT id FROM (SELECT id, start_date, type, majors, district, end_date, search_terms FROM slots WHERE state = 'open' ORDER BY start_date, id LIMIT 3000) w WHERE " + where.join(' AND ') + ' ORDER BY start_date, id LIMIT ' + want, params);
            if (found.length === want) qb.andWhere('s.id IN (:...probeIds)', { probeIds: found.map((r) => r.id) });
        }
`;
const PAGE_CALL = '        const page = await (0, pagination_1.paginate)(qb, query, [';
/** @type {Record<string, [string, string, string]>} file under apps/api/dist, text, replacement */
const PATCHES = {
  limit: ['common/pagination.js', 'qb.take(limit + 1)', 'qb.limit(limit + 1)'],
  jwt: ['auth/auth.module.js', 'secret: config.jwtSecret,', "secret: require('crypto').createSecretKey(Buffer.from(config.jwtSecret)),"],
  probe: ['slots/slots.service.js', PAGE_CALL, PROBE + PAGE_CALL],
};
/** @type {Record<string, string[]>} the PATCHES each variant applies */
const VARIANTS = {
  'as-built': [],
  'jwt-keyobject': ['jwt'],
  limit: ['limit'],
  probe: ['probe'],
  'probe+limit+jwt': ['probe', 'limit', 'jwt'],
};

/** @param {string} name  @param {string[]} patches  @returns {string} the variant's main.js */
function build(name, patches) {
  if (!patches.length) return path.join(ROOT, 'apps/api/dist/main.js');
  const dir = path.join(DATA, 'bench', 'api-experiment', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'apps/api'), { recursive: true });
  execFileSync('cp', ['-r', path.join(ROOT, 'apps/api/dist'), path.join(dir, 'apps/api/dist')]);
  for (const key of patches) {
    const [file, from, to] = PATCHES[key];
    const target = path.join(dir, 'apps/api/dist', file);
    const source = fs.readFileSync(target, 'utf8');
    if (!source.includes(from)) throw new Error(`patch "${key}" no longer applies to ${file}`);
    fs.writeFileSync(
      target,
      source.replace(from, () => to),
    );
  }
  return path.join(dir, 'apps/api/dist/main.js');
}

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(VARIANTS);
const rows = [];
let port = 4100 + Math.floor(Math.random() * 500);
for (const name of chosen) {
  const main = build(name.replace(/\+/g, '-'), VARIANTS[name]);
  port += 1;
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: dbUrl,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_KEY_PREFIX: 'sb-exp:',
    JWT_SECRET: secret,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const api = startNodeChild(name, main, { cwd: ROOT, env, logFile: path.join(DATA, 'bench', 'logs', `experiment-${name}.log`) });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/v1/health/ready`, api);
    const apiPid = /** @type {number} */ (api.child.pid); // it answered: it runs
    const sampler = cpuSampler({ apiPid, postmasterPid: pm });
    const r = await runLoad({ url: `http://127.0.0.1:${port}`, duration: SECONDS, warmup: 3, headers, requests: [rotating()] });
    const cpu = sampler.stop();
    await waitUntilIdle(apiPid);
    rows.push({
      variant: name,
      'req/s': Math.round(r.requestsPerSecond),
      p50: Math.round(Number(r.latency.p50)),
      p95: Math.round(Number(r.latency.p95)),
      p99: Math.round(Number(r.latency.p99)),
      non2xx: r.non2xx,
      'API CPU ms/req': (Number(cpu.apiMs) / r.responses).toFixed(2),
      'PG CPU ms/req': cpu.postgresMs === null ? '—' : (cpu.postgresMs / r.responses).toFixed(2),
    });
    console.log(JSON.stringify(rows.at(-1)));
  } finally {
    await api.stop();
  }
}
console.table(rows);
await db.end();
