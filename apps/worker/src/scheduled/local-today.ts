import { addDays, isoDate } from '@skillbridge/domain';

/** Today in Lanzhou (UTC+8), and a day some days from it. */
export const localToday = (): string => isoDate(new Date(Date.now() + 8 * 3_600_000));
export const localDayIn = (days: number): string => addDays(localToday(), days);
