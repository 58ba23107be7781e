import { Clock, SetClock, SystemClock, clockFor, lanzhouDate, now, parseClockSetting, today, useClock } from './clock';

describe('the clock', () => {
  afterEach(() => useClock(new SystemClock()));

  it('counts dates in Lanzhou (UTC+8): the local day starts at 16:00 UTC the day before', () => {
    expect(lanzhouDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(lanzhouDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(lanzhouDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(new SetClock(new Date('2026-10-05T23:30:00+08:00')).today()).toBe('2026-10-05');
    expect(new SetClock(new Date('2026-10-05T23:30:00+08:00')).dayIn(7)).toBe('2026-10-12');
    expect(new SetClock(new Date('2026-02-26T09:00:00+08:00')).dayIn(3)).toBe('2026-03-01');
  });

  it('the system clock reads the real time', () => {
    const before = Date.now();
    const read = new SystemClock().now().getTime();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });

  it('a set clock stands still, or runs on from its instant at the real pace', () => {
    let real = 1_000_000;
    const at = new Date('2026-10-05T09:00:00+08:00');
    const still = new SetClock(at, false, () => real);
    const running = new SetClock(at, true, () => real);
    real += 90_000;
    expect(still.now().toISOString()).toBe('2026-10-05T01:00:00.000Z');
    expect(running.now().toISOString()).toBe('2026-10-05T01:01:30.000Z');
  });

  it('reads TEST_CLOCK: an instant with its offset, optionally running', () => {
    expect(parseClockSetting('2026-10-05T09:00:00+08:00')).toMatchObject({ at: new Date('2026-10-05T01:00:00Z'), running: false });
    expect(parseClockSetting('2026-10-05T01:00Z running')).toMatchObject({ at: new Date('2026-10-05T01:00:00Z'), running: true });
    expect(parseClockSetting('2026-10-05T09:00:00.250-05:00')?.now().toISOString()).toBe('2026-10-05T14:00:00.250Z');
    for (const bad of [
      '2026-10-05',
      '2026-10-05T09:00:00',
      'tomorrow',
      '2026-02-30T09:00:00+08:00',
      '2026-10-05T25:00:00+08:00',
      '2026-10-05T09:00:00+08:00 walking',
      '',
    ]) {
      expect(parseClockSetting(bad)).toBeUndefined();
    }
  });

  it('honours TEST_CLOCK only when NODE_ENV=test; the real time otherwise', () => {
    expect(clockFor({ NODE_ENV: 'production' })).toBeInstanceOf(SystemClock);
    expect(clockFor({ NODE_ENV: 'test', TEST_CLOCK: '' })).toBeInstanceOf(SystemClock);
    expect(clockFor({ NODE_ENV: 'test', TEST_CLOCK: '2026-10-05T09:00:00+08:00' }).today()).toBe('2026-10-05');
    expect(() => clockFor({ NODE_ENV: 'production', TEST_CLOCK: '2026-10-05T09:00:00+08:00' })).toThrow('only when NODE_ENV=test');
    expect(() => clockFor({ NODE_ENV: 'development', TEST_CLOCK: '2026-10-05T09:00:00+08:00' })).toThrow('only when NODE_ENV=test');
    expect(() => clockFor({ NODE_ENV: 'test', TEST_CLOCK: 'yesterday' })).toThrow('TEST_CLOCK must be');
  });

  it('today() and now() read the clock the process bound', () => {
    const set: Clock = new SetClock(new Date('2027-01-01T00:30:00+08:00'));
    useClock(set);
    expect(today()).toBe('2027-01-01');
    expect(now().toISOString()).toBe('2026-12-31T16:30:00.000Z');
  });
});
