/** Calendar dates as ISO `YYYY-MM-DD` strings: they compare correctly as strings. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

export const toUtcDate = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);

export const isoDate = (date: Date): IsoDate => date.toISOString().slice(0, 10);

/** Days from a to b inclusive (a ≤ b), or 0 when b < a. */
export const daysInclusive = (a: IsoDate, b: IsoDate): number =>
  b < a ? 0 : Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / DAY_MS) + 1;

export const addDays = (date: IsoDate, days: number): IsoDate => isoDate(new Date(toUtcDate(date).getTime() + days * DAY_MS));

/** Two inclusive date ranges share at least one day. */
export const rangesOverlap = (aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate): boolean => aStart <= bEnd && bStart <= aEnd;

/** Whole years of age on a date. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whole months between two dates, rounded to the nearest (for "about six months"). */
export const monthsBetween = (start: IsoDate, end: IsoDate): number => Math.round(daysInclusive(start, end) / 30.44);
