import { DEMO_ACCOUNTS, type Role } from '@skillbridge/contracts';
import { mayOpen, ROUTE_TABLE, type RouteEntry } from '@skillbridge/portal-routes';
import type { Page } from 'playwright-core';
import { chartsOnPage, drawnMarks, untrue } from './support/charts';
import { hanTexts, STORED_INBOX_SQL, USER_ENTERED_SQL } from './support/english';
import { journeyHooks, settled, signIn } from './support/journey';
import { samplePath } from './support/route-sample';

/**
 * The English sweep (issue 17): every route of the router table (apps/portal/src/route-table.ts), for
 * every demo role that may open it, in English — fails on any text or label in Han characters that is
 * not something people entered (names, titles, majors…: read from the database, or marked
 * `data-user-entered` on the page). On the way it measures every chart it meets (charts.ts): each bar
 * drawn to its datum. Failures are printed, then the test fails.
 */
const journey = journeyHooks();
const LANGUAGE_KEY = 'skillbridge.language';
const SWEEP_TIMEOUT = 600_000;

interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

let allowed: string[] = [];
let stored: string[] = [];
let closeDb: () => Promise<void> = async () => undefined;

/** The stack's own database, or (against a running portal) the one E2E_DATABASE_URL names. */
async function database(): Promise<Db> {
  if (journey.stack.api?.db) return journey.stack.api.db;
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('english.e2e-spec reads what people entered from the database: set E2E_DATABASE_URL with E2E_BASE_URL');
  const dbModule = '@skillbridge/db';
  const { createDataSource } = (await import(dbModule)) as {
    createDataSource(url: string, options?: object): { initialize(): Promise<Db & { destroy(): Promise<void> }> };
  };
  const source = await createDataSource(url, { extra: { max: 2 } }).initialize();
  closeDb = () => source.destroy();
  return source;
}

const texts = async (db: Db, sql: string) =>
  ((await db.query(sql)) as Array<{ text: string | null }>).map((r) => r.text).filter((t): t is string => !!t);

beforeAll(async () => {
  const db = await database();
  allowed = await texts(db, USER_ENTERED_SQL);
  stored = await texts(db, STORED_INBOX_SQL);
}, 300_000);
afterAll(() => closeDb());

interface Sweep {
  failures: string[];
  visited: string[];
  skipped: string[];
  /** Stored inbox texts met on the way (see STORED_INBOX_SQL): reported, not failed. */
  stored: Set<string>;
  charts: number;
}

async function visit(page: Page, sweep: Sweep, route: RouteEntry, label: string): Promise<void> {
  const path = await samplePath(page, route);
  if (!path) {
    sweep.skipped.push(`${label} ${route.path}: nothing listed on ${route.sweep?.sample?.from}`);
    return;
  }
  await page.goto(path);
  await settled(page);
  sweep.visited.push(path);
  const storedTexts = new Set(stored.map((s) => s.replace(/\s+/g, ' ').trim()));
  for (const found of await hanTexts(page, allowed)) {
    if ([...storedTexts].some((s) => s.includes(found.text) || found.text.includes(s))) sweep.stored.add(found.text);
    else sweep.failures.push(`${label} ${path} ${found.where}: “${found.text}”`);
  }
  for (const chart of await chartsOnPage(page)) {
    sweep.charts++;
    for (const mark of untrue(await drawnMarks(page, chart))) {
      sweep.failures.push(
        `${label} ${path} chart ${chart}: ${mark.series} #${mark.index} = ${mark.value} drawn ${mark.drawn} not ${mark.expected}`,
      );
    }
  }
}

describe('every page in English shows no Chinese of the product’s own', () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.email, a] as const))(
    '%s: every route of the role',
    async (email, { role, authority }) => {
      const { page, context } = journey;
      await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [LANGUAGE_KEY, 'en'] as const);
      await signIn(page, email);
      const label = email.split('@')[0];
      const sweep: Sweep = { failures: [], visited: [], skipped: [], stored: new Set(), charts: 0 };
      for (const route of ROUTE_TABLE.filter((r: RouteEntry) => mayOpen(r, role as Role, authority))) {
        try {
          await visit(page, sweep, route, label);
        } catch (error) {
          sweep.failures.push(`${label} ${route.path}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      console.log(
        `English sweep, ${label}: ${sweep.visited.length} pages, ${sweep.charts} charts measured; skipped: ${sweep.skipped.join('; ') || 'none'}` +
          (sweep.stored.size ? `; stored inbox texts in Chinese (issue 17, the inbox): ${sweep.stored.size}` : '') +
          (sweep.failures.length ? `\n${sweep.failures.join('\n')}` : ''),
      );
      expect(sweep.failures).toEqual([]);
    },
    SWEEP_TIMEOUT,
  );
});
