import type { RouteEntry } from '@skillbridge/portal-routes';
import type { Page } from 'playwright-core';
import { settled } from './journey';

/**
 * The address the sweeps (phone, English) visit for a route: its path, or for a parameterised route the first
 * link of its kind on the page that lists them; undefined when that page lists none.
 */
export async function samplePath(page: Page, route: RouteEntry): Promise<string | undefined> {
  if (!route.path.includes(':')) return route.path;
  const sample = route.sweep && 'sample' in route.sweep ? route.sweep.sample : undefined;
  if (!sample) return undefined;
  await page.goto(sample.from);
  await settled(page);
  const link = page.getByTestId(sample.link).first();
  if (!(await link.isVisible())) return undefined;
  await link.click();
  await page.waitForURL((url) => url.pathname !== sample.from);
  return new URL(page.url()).pathname;
}
