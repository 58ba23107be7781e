import { createHash } from 'node:crypto';

/** The SHA-256 of some bytes, as 64 lowercase hex digits: what a signed PDF and a version's terms are known by. */
export function sha256Hex(bytes: Buffer | Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
