import { isoDate } from '@skillbridge/domain';

/** Today's date in Lanzhou (UTC+8), where every date in SkillBridge is a local calendar date. */
export const today = (): string => isoDate(new Date(Date.now() + 8 * 3_600_000));
