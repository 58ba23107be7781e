import { uuidV7Factory } from './uuid-v7';

describe('UUIDv7 ids for imported rows', () => {
  it('are version-7 UUIDs whose first 48 bits are the time in milliseconds', () => {
    const sut = uuidV7Factory(() => 0x0192_3456_789a);
    const id = sut();
    expect(id).toMatch(/^01923456-789a-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sort by time across milliseconds and never repeat', () => {
    let ms = 1_700_000_000_000;
    const sut = uuidV7Factory(() => ms);
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i % 100 === 0) ms++;
      ids.push(sut());
    }
    expect(new Set(ids).size).toBe(ids.length);
    const firstOfEachMs = ids.filter((_, i) => i % 100 === 0);
    expect([...firstOfEachMs].sort()).toEqual(firstOfEachMs);
  });
});
