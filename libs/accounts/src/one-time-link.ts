import { createHash, randomBytes } from 'crypto';

/**
 * The secret of an e-mailed one-time link (password reset, registration): 32 random bytes in
 * base64url, 43 characters. Only its SHA-256 is stored — the secret exists nowhere but in the
 * e-mail — and a lookup by that hash finds the link (the secret is too long to guess, so no slow hash is needed).
 */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function newLinkSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret) };
}

/** What a link's secret looks like, for the DTOs that take one. */
export const LINK_SECRET_PATTERN = /^[\w-]{43}$/;
