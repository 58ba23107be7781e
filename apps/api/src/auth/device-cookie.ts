import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * The device cookie of a browser that has signed in to an account (OWASP's "device cookies"): the
 * sign-in throttle holds such a browser only by its own failures, so that guessers elsewhere cannot
 * keep the owner out. One cookie per account, named after a hash of the account's id, valued
 * `<device id>.<HMAC-SHA256 of the account and the device id>`: bound to the account, unforgeable
 * without the server's key, and meaning nothing to anyone who reads it.
 */
export class DeviceCookies {
  constructor(
    private readonly key: Buffer,
    private readonly options: { days: number; secure: boolean; path: string },
  ) {}

  nameFor(userId: string): string {
    return `sb_device_${createHash('sha256').update(userId).digest('base64url').slice(0, 16)}`;
  }

  private mac(userId: string, deviceId: string): string {
    return createHmac('sha256', this.key).update(`device:${userId}:${deviceId}`).digest('base64url');
  }

  /** The device id of the account's valid cookie in a Cookie header, or null. */
  recognise(userId: string, cookieHeader: string | undefined): string | null {
    const value = parseCookies(cookieHeader).get(this.nameFor(userId));
    const match = value && /^([\w-]{22})\.([\w-]{43})$/.exec(value);
    if (!match) return null;
    const expected = Buffer.from(this.mac(userId, match[1]));
    const given = Buffer.from(match[2]);
    return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
  }

  /** A Set-Cookie header value for the account: the same device again, or a new one. */
  issue(userId: string, deviceId: string | null = null): string {
    const id = deviceId ?? randomBytes(16).toString('base64url');
    const attributes = [
      `Path=${this.options.path}`,
      `Max-Age=${this.options.days * 86_400}`,
      'HttpOnly',
      'SameSite=Strict',
      ...(this.options.secure ? ['Secure'] : []),
    ];
    return [`${this.nameFor(userId)}=${id}.${this.mac(userId, id)}`, ...attributes].join('; ');
  }
}

/** name → value of a Cookie header (RFC 6265 §5.4: `name=value` pairs separated by `; `); the first of a name wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    const name = part.slice(0, Math.max(0, at)).trim();
    if (at < 0 || !name) continue;
    if (!cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}
