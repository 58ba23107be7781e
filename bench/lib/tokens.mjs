// @ts-check
// Access tokens signed as the API signs them (HS256 over {sub, role, org, auth, iat, exp, iss}),
// minted in-process so that thousands of students can act without signing in (argon2) first.
import { createHmac } from 'node:crypto';

/** @param {unknown} value */
const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = encode({ alg: 'HS256', typ: 'JWT' });

/** @typedef {{ id: string, role: string, org?: string | null, auth?: string | null }} TokenSubject */

/**
 * @param {string} secret  the API's JWT_SECRET
 * @returns {(subject: TokenSubject) => string}
 */
export function tokenMinter(secret, ttlSeconds = 3600) {
  return ({ id, role, org = null, auth = null }) => {
    const now = Math.floor(Date.now() / 1000);
    const body = `${HEADER}.${encode({ sub: id, role, org, auth, iat: now, exp: now + ttlSeconds, iss: 'skillbridge' })}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };
}
