/**
 * 统一社会信用代码 — the unified social credit code (GB 32100-2015): 18 characters from a
 * 31-character alphabet (no I, O, Z, S, V); the last is a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('a USCC body has 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`'${first17[i]}' is not a USCC character`);
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = 'length' | 'characters' | 'check_digit';

/** Why a code is not a valid USCC, or null when it is. Letters are compared in upper case. */
export function usccProblem(code: string): UsccProblem | null {
  const normalised = code.trim().toUpperCase();
  if (normalised.length !== 18) return 'length';
  if (!SHAPE.test(normalised)) return 'characters';
  return usccCheckCharacter(normalised.slice(0, 17)) === normalised[17] ? null : 'check_digit';
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;

/** Upper-cased, trimmed form under which codes are stored and compared. */
export const normaliseUscc = (code: string): string => code.trim().toUpperCase();
