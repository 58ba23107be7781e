import { VerifiedTokens } from './verified-tokens';

describe('verified access tokens', () => {
  const at = (iso: string) => new Date(iso).getTime();
  const claims = { sub: 'u1', exp: at('2026-11-29T08:15:00Z') / 1000 };

  it('gives a verified token’s claims back until it expires, and never after', () => {
    const sut = new VerifiedTokens<typeof claims>();
    sut.remember('token-a', claims);
    expect(sut.get('token-a', at('2026-11-29T08:14:59Z'))).toBe(claims);
    expect(sut.get('token-a', at('2026-11-29T08:15:00Z'))).toBeUndefined();
    expect(sut.get('token-a', at('2026-11-29T08:00:00Z'))).toBeUndefined(); // forgotten once seen expired
  });

  it('knows only the exact text it verified', () => {
    const sut = new VerifiedTokens<typeof claims>();
    sut.remember('token-a', claims);
    expect(sut.get('token-b', at('2026-11-29T08:00:00Z'))).toBeUndefined();
    expect(sut.get('token-a ', at('2026-11-29T08:00:00Z'))).toBeUndefined();
  });

  it('holds at most as many tokens as it was given room for', () => {
    const sut = new VerifiedTokens<typeof claims>(2);
    for (const token of ['a', 'b', 'c']) sut.remember(token, claims);
    expect(['a', 'b', 'c'].map((t) => sut.get(t, at('2026-11-29T08:00:00Z')) !== undefined)).toEqual([false, true, true]);
  });
});
