import type { TFunction } from 'i18next';

// Figures and dates every dashboard of the portal shows the same way.

/** Today in Lanzhou (UTC+8), as the API counts it: every date of SkillBridge is a local calendar date there. */
export const lanzhouToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
export const lanzhouYear = (): number => Number(lanzhouToday().slice(0, 4));

/** The years a picker offers: a few around this year and any year that has data. */
export function yearChoices(current: number, extra: number[] = []): number[] {
  return [...new Set([current - 2, current - 1, current, current + 1, ...extra])].sort((a, b) => b - a);
}

/** The number style of a language: the one place the portal picks it. */
export const numberLocale = (language: string) => (language === 'en' ? 'en-US' : 'zh-CN');

/** A count or amount with the language's digit grouping, e.g. 12,000; '—' when there is none. */
export const formatNumber = (value: number | null | undefined, language: string): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : new Intl.NumberFormat(numberLocale(language)).format(value);

/** A share 0–1 as a percentage, e.g. 62.5 %. */
export const percentOf = (share: number, language: string) =>
  new Intl.NumberFormat(numberLocale(language), { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** The portal's palette, shared by the charts and the tags. */
export const CHART_COLORS = {
  green: '#38a169',
  amber: '#dd6b20',
  red: '#e53e3e',
  blue: '#2b6cb0',
  grey: '#cbd5e0',
  text: '#3e4c59',
  muted: '#8593a3',
};

/** A span of dates, in the one style of each language: 2027-03-01 至 2027-08-31, 2027-03-01 – 2027-08-31. */
export const formatDateRange = (t: TFunction, start: string, end: string): string => t('common.dateRange', { start, end });
