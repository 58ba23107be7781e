// @ts-check
// `npm run bench` (`--only=lighthouse`): the portal on a phone. Lighthouse (mobile emulation, its default
// simulated throttling; performance and accessibility) on each role's home page and main pages, the
// median of 3 runs each, beside a bare page served from this machine (the ceiling). The product runs as
// it ships: the built API and worker over a fresh database with the demo city, and the production build
// of the portal under `vite preview`. puppeteer-core drives /usr/bin/chromium (never a downloaded
// browser): it signs in through the login form as each role, then hands its page to Lighthouse.
// Writes bench/results/<date>-lighthouse.md and .json, and the table for bench/all.mjs.
//
//   node bench/lighthouse.mjs [--runs=3] [--pages=login,find-slots,…] [--no-build] [--keep]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { DATA, ROOT, buildAll } from '../scripts/lib/run.mjs';
import { freePort } from '../scripts/lib/services.mjs';
import { markdownTable, shareTable, textTable } from './lib/report.mjs';
import { benchServices, freshDatabase, startApi, startPortal, startWorker } from './lib/stack.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'Demo#2026';
/** @param {string} role  the demo account's local part */
const email = (role) => `${role}@demo.skillbridge.cn`;

/** What issue 16 asks of every page: Lighthouse scores are 0–100 here, times in milliseconds. */
const AIMS = { performance: 90, lcp: 2500, tbt: 200, accessibility: 98 };

/**
 * The pages measured; `role` null: signed out, loaded cold. Grouped by role so each signs in once.
 * @typedef {{ key: string, name: string, path: string, role: string | null }} PageToMeasure
 * @type {PageToMeasure[]}
 */
const PAGES = [
  { key: 'login', name: '登录 login (cold)', path: '/login', role: null },
  { key: 'student-home', name: 'student home', path: '/home', role: 'student' },
  { key: 'find-slots', name: '找岗位 find slots', path: '/find-slots', role: 'student' },
  { key: 'recommended', name: '为你推荐 recommended', path: '/recommended', role: 'student' },
  { key: 'applications', name: '我的申请 my applications', path: '/applications', role: 'student' },
  { key: 'hr-home', name: 'HR home', path: '/home', role: 'hr' },
  { key: 'slots', name: 'HR slots', path: '/slots', role: 'hr' },
  { key: 'school-home', name: 'school home', path: '/home', role: 'school' },
  { key: 'approvals', name: 'school approvals', path: '/approvals', role: 'school' },
  { key: 'quotas', name: 'MIIT quota dashboard', path: '/quotas', role: 'miit' },
  { key: 'practice-compliance', name: 'EDU practice compliance', path: '/practice-compliance', role: 'edu' },
  { key: 'practice', name: 'teacher find practice', path: '/practice', role: 'teacher' },
];

const args = process.argv.slice(2);
/** @param {string} name */
const option = (name) =>
  args
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')
    .slice(1)
    .join('=');
const runs = Number(option('runs') ?? 3);
const chosenKeys = option('pages')?.split(',');
const pages = chosenKeys ? PAGES.filter((p) => chosenKeys.includes(p.key)) : PAGES;
const keep = args.includes('--keep');

/** @param {string} message */
const say = (message) => process.stdout.write(`▸ ${message}\n`);

/**
 * @typedef {object} RunFigures
 * @property {number} performance  0–100
 * @property {number} accessibility  0–100
 * @property {number} lcp  ms
 * @property {number} tbt  ms
 * @property {number} fcp  ms
 * @property {number} transferKiB  what the page downloaded
 * @property {number} benchmarkIndex  Lighthouse's measure of this machine's speed during the run (higher is faster)
 * @property {string} lcpElement  the largest contentful paint's element, as the page saw it (observed, unthrottled)
 * @property {Array<{ id: string, title: string, items: number }>} flagged  accessibility audits that failed
 */

const { postgres, redis, children, cleanup } = await benchServices('lighthouse');
try {
  if (!args.includes('--no-build')) {
    say('building');
    buildAll();
  }
  const logDir = path.join(DATA, 'bench-lighthouse');
  fs.mkdirSync(logDir, { recursive: true });
  const database = await freshDatabase(postgres.url, 'lighthouse');
  if (keep) say(`keeping the database: ${database.url}`);
  else children.push({ stop: database.drop });
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const stack = { databaseUrl: database.url, redisUrl: redis.url, prefix, logDir };
  const api = await startApi({ ...stack, secret: randomBytes(24).toString('hex') });
  children.push(api.handle);
  const worker = await startWorker(stack);
  children.push(worker.handle);
  const portal = await startPortal({ apiPort: api.port, logDir });
  children.push(portal.handle);
  const bare = await startBarePage();
  children.push({ stop: bare.stop });

  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // --no-sandbox: the bench runs as root in a container; the rest keeps Chromium's own work off the figures.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions', '--disable-background-networking'],
  });
  children.push({ stop: () => browser.close() });
  const page = await browser.newPage();

  say(`the ceiling: a bare page from this machine, ${runs} runs`);
  const ceilingRuns = [];
  for (let i = 0; i < runs; i++) ceilingRuns.push(await measure(page, bare.url, { cold: true, expectPath: '/', keepAs: 'ceiling' }));
  const ceiling = medianOf(ceilingRuns);

  /** @type {Array<{ page: PageToMeasure, runs: RunFigures[], median: RunFigures }>} */
  const measured = [];
  /** @type {string | null | undefined} who is signed in in the browser; undefined: nobody yet */
  let signedIn;
  for (const target of pages) {
    if (target.role !== signedIn) {
      await signOut(page, portal.url);
      if (target.role) await signIn(page, portal.url, target.role);
      signedIn = target.role;
    }
    say(`${target.name} (${target.path}${target.role ? `, ${email(target.role)}` : ''}): ${runs} runs`);
    /** @type {RunFigures[]} */
    const figures = [];
    for (let i = 0; i < runs; i++) {
      figures.push(
        await measure(page, `${portal.url}${target.path}`, { cold: target.role === null, expectPath: target.path, keepAs: target.key }),
      );
      const last = figures[figures.length - 1];
      say(
        `  run ${i + 1}: performance ${last.performance}, LCP ${seconds(last.lcp)}, TBT ${Math.round(last.tbt)} ms, accessibility ${last.accessibility}`,
      );
      say(`    FCP ${seconds(last.fcp)}, ${Math.round(last.transferKiB)} KiB, LCP element: ${last.lcpElement}`);
    }
    measured.push({ page: target, runs: figures, median: medianOf(figures) });
  }
  await browser.close();
  writeReport(measured, ceiling);
} finally {
  await cleanup();
}

/**
 * One Lighthouse run on `url`. `cold`: Lighthouse clears the origin's storage first (signed out, nothing
 * cached). Otherwise the session's tokens in localStorage stay, but the HTTP cache, Cache Storage and
 * service workers are cleared, so that every signed-in page is measured as a first visit too.
 * @param {import('puppeteer-core').Page} page
 * @param {string} url
 * @param {{ cold: boolean, expectPath: string, keepAs: string }} how  keepAs: the file under .data/bench-lighthouse for the full report
 * @returns {Promise<RunFigures>}
 */
async function measure(page, url, { cold, expectPath, keepAs }) {
  if (!cold) {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'cache_storage,service_workers' });
    await cdp.detach();
  }
  const result = await lighthouse(
    url,
    { output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableStorageReset: !cold },
    undefined,
    page,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  const lcpElement = await largestPaintedElement(page);
  // The whole report of the last run of each page, to read what the table does not say (the network, the long tasks).
  fs.writeFileSync(
    path.join(DATA, 'bench-lighthouse', `${keepAs}.json`),
    typeof result.report === 'string' ? result.report : JSON.stringify(lhr),
  );
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // A signed-in page that sent the browser to /login measured the wrong page.
  const landed = new URL(lhr.finalDisplayedUrl).pathname;
  if (landed !== expectPath) throw new Error(`Lighthouse on ${url} ended on ${landed}, not ${expectPath}`);
  /** @param {string} id */
  const numeric = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  /** @param {string} id */
  const score = (id) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
  const flagged = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
    .map((ref) => {
      const audit = lhr.audits[ref.id];
      const details = /** @type {{ items?: unknown[] } | undefined} */ (audit.details);
      return { id: ref.id, title: audit.title, items: details?.items?.length ?? 0 };
    });
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    fcp: numeric('first-contentful-paint'),
    transferKiB: numeric('total-byte-weight') / 1024,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    lcpElement,
    flagged,
  };
}

/**
 * What the page painted last as its largest element, read in the page once Lighthouse is done with it.
 * Lighthouse's own `largest-contentful-paint-element` audit fails with Debian's Chromium (its trace
 * lacks what the RootCauses gatherer reads), so the page's own PerformanceObserver tells instead.
 * @param {import('puppeteer-core').Page} page
 * @returns {Promise<string>}  e.g. `h3.sb-auth-title "登录技能桥" 300×32 at 812 ms` (observed time, not simulated)
 */
async function largestPaintedElement(page) {
  const script = `new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      const last = entries[entries.length - 1];
      const element = last && last.element;
      if (!element) return resolve(last ? 'a removed element' : 'none');
      const rect = element.getBoundingClientRect();
      const name = element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
      const text = (element.textContent || '').trim().slice(0, 40);
      resolve(name + (text ? ' "' + text + '"' : '') + ' ' + Math.round(rect.width) + '×' + Math.round(rect.height) + ' at ' + Math.round(last.startTime) + ' ms');
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => resolve('none observed'), 2000);
  })`;
  try {
    return String(await page.evaluate(script));
  } catch (failure) {
    return `unknown (${failure instanceof Error ? failure.message : String(failure)})`;
  }
}

/**
 * Through the login form, as a user would; waits for the home page to show.
 * @param {import('puppeteer-core').Page} page
 * @param {string} base
 * @param {string} role
 */
async function signIn(page, base, role) {
  await page.goto(`${base}/login`, { waitUntil: 'networkidle0' });
  await page.type('[data-testid="login-email"]', email(role));
  await page.type('[data-testid="login-password"]', PASSWORD);
  await Promise.all([
    page.waitForFunction("location.pathname === '/home'", { timeout: 30_000 }),
    page.click('[data-testid="login-submit"]'),
  ]);
}

/**
 * Forgets the stored session (the portal keeps its tokens in localStorage).
 * @param {import('puppeteer-core').Page} page
 * @param {string} base
 */
async function signOut(page, base) {
  if (!page.url().startsWith(base)) await page.goto(`${base}/login`, { waitUntil: 'domcontentloaded' });
  await page.evaluate('localStorage.clear()');
}

/**
 * The ceiling: a page with a heading and a paragraph and nothing else, from a plain Node server on this
 * machine. What Lighthouse gives it is the best any page here can get under the same load.
 */
async function startBarePage() {
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="description" content="bare page"><title>技能桥</title></head><body><main><h1>技能桥 SkillBridge</h1>' +
    '<p>兰州职业教育校企合作撮合平台</p></main></body></html>';
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(html);
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

/**
 * The median of each figure across runs; the flagged audits of every run (each once).
 * @param {RunFigures[]} figures
 * @returns {RunFigures}
 */
function medianOf(figures) {
  /** @param {(f: RunFigures) => number} pick */
  const median = (pick) => {
    const sorted = figures.map(pick).sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const flagged = new Map(figures.flatMap((f) => f.flagged).map((a) => [a.id, a]));
  return {
    performance: median((f) => f.performance),
    accessibility: median((f) => f.accessibility),
    lcp: median((f) => f.lcp),
    tbt: median((f) => f.tbt),
    fcp: median((f) => f.fcp),
    transferKiB: median((f) => f.transferKiB),
    benchmarkIndex: median((f) => f.benchmarkIndex),
    lcpElement: figures[figures.length - 1].lcpElement,
    flagged: [...flagged.values()],
  };
}

/** @param {number} milliseconds */
function seconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** @param {RunFigures} f */
function figureText(f) {
  return `performance ${f.performance} · LCP ${seconds(f.lcp)} · TBT ${Math.round(f.tbt)} ms · accessibility ${f.accessibility}`;
}

/** @param {RunFigures} f  @returns {string[]} the aims it misses */
function missed(f) {
  return [
    f.performance < AIMS.performance ? 'performance' : '',
    f.lcp > AIMS.lcp ? 'LCP' : '',
    f.tbt > AIMS.tbt ? 'TBT' : '',
    f.accessibility < AIMS.accessibility ? 'accessibility' : '',
  ].filter(Boolean);
}

/**
 * The terminal table, bench/results/<date>-lighthouse.md and .json, and the table for bench/all.mjs.
 * @param {Array<{ page: PageToMeasure, runs: RunFigures[], median: RunFigures }>} measured
 * @param {RunFigures} ceiling
 */
function writeReport(measured, ceiling) {
  const aim = `≥ ${AIMS.performance} · ≤ ${seconds(AIMS.lcp)} · ≤ ${AIMS.tbt} ms · ≥ ${AIMS.accessibility}`;
  const ceilingText = `bare page: ${figureText(ceiling)}`;
  const headers = ['benchmark', 'figure', 'ceiling beside it', 'aim', 'verdict'];
  const rows = measured.map(({ page, median }) => {
    const misses = missed(median);
    return [
      `lighthouse ${page.name} (${page.path}${page.role ? `, ${page.role}@` : ''})`,
      figureText(median),
      ceilingText,
      aim,
      misses.length ? `❌ missed: ${misses.join(', ')}` : '✅ met',
    ];
  });
  process.stdout.write(`\n${textTable(headers, rows)}\n\n`);

  const date = new Date().toISOString().slice(0, 10);
  const partial = chosenKeys || runs !== 3;
  const out = path.join(ROOT, 'bench/results', `${date}-lighthouse${partial ? '-partial' : ''}`);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  /** @param {RunFigures} f */
  const runText = (f) => `${f.performance} / ${seconds(f.lcp)} / ${Math.round(f.tbt)} ms / ${f.accessibility}`;
  /** @param {RunFigures} f */
  const flaggedText = (f) => f.flagged.map((a) => `\`${a.id}\` (${a.items})`).join(', ') || '—';
  const detail = markdownTable(
    [
      'page',
      'runs (performance / LCP / TBT / accessibility)',
      'FCP',
      'transferred',
      'machine speed (benchmark index)',
      'LCP element (last run)',
      'accessibility audits failing',
    ],
    measured.map(({ page, runs: figures, median }) => [
      `${page.name} \`${page.path}\``,
      figures.map(runText).join('\n'),
      seconds(median.fcp),
      `${Math.round(median.transferKiB)} KiB`,
      Math.round(median.benchmarkIndex),
      median.lcpElement,
      flaggedText(median),
    ]),
  );
  fs.writeFileSync(
    `${out}.md`,
    [
      `# The portal on a phone (Lighthouse) — ${date}`,
      '',
      `\`node bench/lighthouse.mjs\`: Lighthouse (mobile emulation, default simulated throttling), the median of ${runs} runs per page, ` +
        `signed in through the login form with puppeteer-core and ${CHROMIUM}; production builds, a fresh database with the demo city. ` +
        `Signed-in pages are measured with the HTTP cache and service workers cleared before each run. ` +
        `${os.cpus().length} CPUs, Node ${process.version}, load average ${load} at the end.`,
      '',
      markdownTable(headers, rows),
      '',
      '## Each run, and what accessibility still flags',
      '',
      detail,
      '',
      `The ceiling, a bare page from a plain Node server on this machine: ${figureText(ceiling)}. ` +
        'Lighthouse simulates a mid-range phone by slowing down the CPU time it observes 4 times over, so a loaded machine ' +
        '(a low benchmark index) shows as a slower phone: TBT and LCP above grow with the load average.',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    `${out}.json`,
    `${JSON.stringify({ date, runs, aims: AIMS, machine: { cpus: os.cpus().length, node: process.version, load }, ceiling, pages: measured }, null, 2)}\n`,
  );
  shareTable('the portal on a phone (bench/lighthouse.mjs)', rows, path.relative(ROOT, `${out}.md`));
  say(`written ${path.relative(ROOT, out)}.md and .json`);
}
