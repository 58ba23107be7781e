import { decodeCursor, encodeCursor } from './cursor';

const id = '6f1c1b2a-3d4e-4f50-8a9b-0c1d2e3f4a5b';

describe('keyset cursors', () => {
  it('give back what was encoded', () => {
    expect(decodeCursor(encodeCursor(['兰州飞天', id]), ['text', 'uuid'])).toEqual(['兰州飞天', id]);
    expect(decodeCursor(encodeCursor(['2027-03-01', id]), ['date', 'uuid'])).toEqual(['2027-03-01', id]);
    expect(decodeCursor(encodeCursor(['2026-11-29T12:00:00.123Z', id]), ['timestamp', 'uuid'])).toEqual(['2026-11-29T12:00:00.123Z', id]);
    expect(decodeCursor(encodeCursor(['a', 'b']), 2)).toEqual(['a', 'b']);
  });

  it('refuse a tampered key that its SQL would choke on', () => {
    for (const [key, kinds] of [
      [
        ['not-a-date', id],
        ['timestamp', 'uuid'],
      ],
      [
        ['0000-01-01T00:00:00Z', id],
        ['timestamp', 'uuid'],
      ],
      [
        ['2027-02-31', id],
        ['date', 'uuid'],
      ],
      [
        ['a\u0000b', id],
        ['text', 'uuid'],
      ],
      [
        ['x', 'not-a-uuid'],
        ['text', 'uuid'],
      ],
      [['x'], ['text', 'uuid']],
      [
        [{ a: 1 }, id],
        ['text', 'uuid'],
      ],
    ] as const) {
      expect(decodeCursor(encodeCursor(key as unknown as string[]), kinds)).toBeNull();
    }
    expect(decodeCursor('%%%', 2)).toBeNull();
    expect(decodeCursor(encodeCursor(['a\u0000', 'b']), 2)).toBeNull();
  });
});
