import fc from 'fast-check';
import { isValidUscc, usccCheckCharacter, usccProblem } from './uscc';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    // Published codes of real organisations.
    '9144030071526726XG',
    '91110108551385082Q',
    '911100007109311097',
    '914403001922038216',
    '91110000100017643K',
    '91440300708461136T',
  ])('accepts the valid code %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('rejects a code whose check character was changed', () => {
    expect(usccProblem('91110000100017643A')).toBe('check_digit');
  });

  it('names the problem: length, characters, check digit', () => {
    expect(usccProblem('9111000010001764')).toBe('length');
    expect(usccProblem('91110000100017643I')).toBe('characters'); // I is not in the alphabet
    expect(usccProblem('91ABCDEF100017643K')).toBe('characters'); // region code must be digits
  });

  it('accepts lower-case letters and surrounding spaces', () => {
    expect(isValidUscc(' 91110000100017643k ')).toBe(true);
  });

  it('every body has exactly one valid check character, and any other is refused', () => {
    const body = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 2, maxLength: 2 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
        fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 9, maxLength: 9 }),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(body, fc.constantFrom(...ALPHABET), (first17, other) => {
        const check = usccCheckCharacter(first17);
        expect(isValidUscc(first17 + check)).toBe(true);
        if (other !== check) expect(isValidUscc(first17 + other)).toBe(false);
      }),
    );
  });
});
