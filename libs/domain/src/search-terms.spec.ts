import fc from 'fast-check';
import { queryTerms, searchTerms } from './search-terms';

const matches = (text: string, query: string): boolean => {
  const terms = new Set(searchTerms(text));
  return queryTerms(query).every((term) => terms.has(term));
};

describe('search terms for Chinese and Latin text', () => {
  it('splits Chinese into overlapping bigrams and keeps Latin words whole', () => {
    expect(searchTerms('数控加工实习生')).toEqual(['数控', '控加', '加工', '工实', '实习', '习生']);
    expect(searchTerms('BIM 建模 Python3')).toEqual(['建模', 'bim', 'python3']);
  });

  it('finds a text by any part of it', () => {
    const title = '新能源汽车维修实习生，配备企业导师';
    expect(matches(title, '汽车维修')).toBe(true);
    expect(matches(title, '企业导师')).toBe(true);
    expect(matches(title, '维修 导师')).toBe(true);
    expect(matches(title, '护理')).toBe(false);
  });

  it('is case-insensitive for Latin words', () => {
    expect(matches('PLC编程与调试', 'plc')).toBe(true);
  });

  it('every substring of two or more CJK characters is found', () => {
    const cjk = fc.string({ unit: fc.constantFrom(...'数控加工实习生汽车维修护理烹饪'), minLength: 2, maxLength: 20 });
    fc.assert(
      fc.property(cjk, fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % (text.length - 1);
        const end = start + 2 + (b % (text.length - start - 1));
        expect(matches(text, text.slice(start, end))).toBe(true);
      }),
    );
  });
});
