import { LRUCache } from 'lru-cache';

/**
 * Access tokens already verified, by their exact text, until they expire: a signed-in user sends the
 * same token for up to its 15 minutes, and checking its signature and claims again on every request
 * was ~9 % of a search request's CPU. A token that differs by one character is another key, so it is
 * verified in full; an expired one is never given back.
 */
export class VerifiedTokens<Claims extends { exp: number }> {
  private readonly known: LRUCache<string, Claims>;

  constructor(max = 20_000) {
    this.known = new LRUCache({ max });
  }

  get(token: string, now = Date.now()): Claims | undefined {
    const claims = this.known.get(token);
    if (claims && claims.exp * 1000 > now) return claims;
    if (claims) this.known.delete(token);
    return undefined;
  }

  remember(token: string, claims: Claims): void {
    this.known.set(token, claims);
  }
}
