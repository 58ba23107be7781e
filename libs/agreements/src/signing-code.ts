import { createHash, randomInt } from 'crypto';

/** A signer's one-time code: 6 digits, made by the worker as it e-mails it. */
export const newSigningCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** What `signing_codes.code_hash` keeps: the SHA-256 of the code salted with its row's id (a code alone has only 10^6 values). */
export const signingCodeHash = (codeId: string, code: string): string => createHash('sha256').update(`${codeId}:${code}`).digest('hex');
