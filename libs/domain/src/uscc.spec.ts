import fc from 'fast-check';
import { USCC_ORGANISATION_TYPES, isValidUscc, usccCheckCharacter, usccProblem } from './uscc';

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

  it('every body has exactly one check character that fits, and any other is refused for it', () => {
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
        expect(usccProblem(first17 + check)).not.toBe('check_digit');
        if (other !== check) expect(usccProblem(first17 + other)).toBe('check_digit');
      }),
    );
  });
});

describe('codes that cannot have been issued (GB 32100 void)', () => {
  const withCheck = (first17: string) => first17 + usccCheckCharacter(first17);

  it('refuses all zeros, though its check character fits', () => {
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
    expect(usccProblem('000000000000000000')).toBe('void');
  });

  it('refuses unknown registration authorities and organisation types, and division 000000', () => {
    expect(usccProblem(withCheck('B1620100MA7100000'))).toBe('void'); // no authority B
    expect(usccProblem(withCheck('94620100MA7100000'))).toBe('void'); // 工商 registers types 1–3 only
    expect(usccProblem(withCheck('Y2620100MA7100000'))).toBe('void'); // 其他 registers type 1 only
    expect(usccProblem(withCheck('91000000MA7100000'))).toBe('void'); // no administrative division
    expect(usccProblem(withCheck('91620100000000000'))).toBe('void'); // no organisation code
    expect(usccProblem(withCheck('91620100MA7100000'))).toBeNull();
    expect(usccProblem(withCheck('52620100MJ0000001'))).toBeNull(); // 民政: 民办非企业单位
  });

  it('any code with a defined authority and type, a division and a body is valid; any other authority or type is void', () => {
    const authority = fc.constantFrom(...ALPHABET);
    const type = fc.constantFrom(...ALPHABET);
    const division = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 });
    const body = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(authority, type, division, body, (a, t, d, b) => {
        const defined = (USCC_ORGANISATION_TYPES[a] ?? '').includes(t);
        const expected = defined && d !== '000000' && !/^0+$/.test(b) ? null : 'void';
        expect(usccProblem(withCheck(a + t + d + b))).toBe(expected);
      }),
    );
  });
});
