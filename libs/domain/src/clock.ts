import { addDays, IsoDate, isoDate } from './dates';

/** Lanzhou keeps UTC+8 all year (no daylight saving): every date in SkillBridge is a local calendar date there. */
const LANZHOU_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Lanzhou at an instant. */
export const lanzhouDate = (instant: Date): IsoDate => isoDate(new Date(instant.getTime() + LANZHOU_OFFSET_MS));

/**
 * The one clock of the API and the worker: what "now" and "today" mean for every business decision
 * (offer expiry, reminders, deadlines, the year's pace). An abstract class rather than an interface
 * so that Nest can use it as the provider's token. Timestamps of records (created_at, updated_at)
 * and rate-limit windows stay on the real time.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today in Lanzhou. */
  today(): IsoDate {
    return lanzhouDate(this.now());
  }

  /** The date some days from today in Lanzhou. */
  dayIn(days: number): IsoDate {
    return addDays(this.today(), days);
  }
}

/** The real time: what production runs on. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock set to an instant: standing still there, or running on from it at the real pace. */
export class SetClock extends Clock {
  private readonly offsetMs: number;

  constructor(
    readonly at: Date,
    readonly running = false,
    private readonly realNow: () => number = Date.now,
  ) {
    super();
    this.offsetMs = at.getTime() - realNow();
  }

  now(): Date {
    return new Date(this.running ? this.realNow() + this.offsetMs : this.at.getTime());
  }
}

/** An instant with its offset (`Z` or `±hh:mm`), then optionally ` running`. */
const CLOCK_SETTING = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))(?: (running))?$/;

/**
 * Reads the TEST_CLOCK setting: `2026-10-05T09:00:00+08:00` stands still at that instant,
 * `2026-10-05T09:00:00+08:00 running` runs on from it. Undefined when the text is not of that form
 * (an instant without an offset would depend on the machine's time zone, so it is refused).
 */
export function parseClockSetting(setting: string): SetClock | undefined {
  const match = CLOCK_SETTING.exec(setting.trim());
  if (!match) return undefined;
  const at = new Date(match[1]);
  if (Number.isNaN(at.getTime())) return undefined;
  // Date accepts 2026-02-30 and rolls it over: refuse what it had to roll.
  if (!sameWallTime(match[1], at)) return undefined;
  return new SetClock(at, match[2] === 'running');
}

/** The written date and time are the ones the instant has at its written offset (no rolled-over 30 February). */
function sameWallTime(written: string, at: Date): boolean {
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(written)![1];
  const minutes = offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const wall = new Date(at.getTime() + minutes * 60_000).toISOString();
  return wall.slice(0, 16) === written.slice(0, 16);
}

/**
 * The clock a process runs on: the real time, unless a test set TEST_CLOCK — which only a process
 * with NODE_ENV=test may do (the configuration refuses it anywhere else, so production always runs
 * on the real time).
 */
export function clockFor(env: { NODE_ENV?: string; TEST_CLOCK?: string }): Clock {
  if (env.TEST_CLOCK === undefined || env.TEST_CLOCK === '') return new SystemClock();
  if (env.NODE_ENV !== 'test') throw new Error('TEST_CLOCK is honoured only when NODE_ENV=test');
  const clock = parseClockSetting(env.TEST_CLOCK);
  if (!clock)
    throw new Error('TEST_CLOCK must be an instant with its offset, e.g. 2026-10-05T09:00:00+08:00, optionally followed by " running"');
  return clock;
}

let processClock: Clock = new SystemClock();

/**
 * Binds the clock the app's Nest provider chose, so that plain functions (`today()`) and injected
 * services read the same one. Called once at boot by the provider's binding (and by unit tests).
 */
export const useClock = (clock: Clock): Clock => (processClock = clock);

/** Today in Lanzhou on the process's clock (see useClock). */
export const today = (): IsoDate => processClock.today();

/** Now on the process's clock (see useClock). */
export const now = (): Date => processClock.now();
