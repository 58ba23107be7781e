import { createHash, randomInt } from 'crypto';

/** 10 characters a person can read aloud and type on a phone (no 0/O, 1/I/L, 2/Z, 5/S): ~47 bits. */
const CODE_ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';

/** A one-time activation code for an imported account. */
export const activationCode = (): string => Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** Case, spaces and dashes do not matter when a code is typed back. */
export const normaliseActivationCode = (code: string): string => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/** Only this is stored (hex SHA-256): the codes are random enough that a plain hash is safe, and attempts are rate-limited. */
export const hashActivationCode = (code: string): string => createHash('sha256').update(normaliseActivationCode(code)).digest('hex');
