import fc from 'fast-check';
import { expandSynonyms, queryTerms, searchTerms, slotSearchTerms } from './search-terms';

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

describe('slot search terms and synonyms', () => {
  const slot = { title: '变电运维实习生', description: '按月发放实习报酬', majors: ['机电一体化技术'], skills: ['PLC编程'] };

  it('a slot is found by its majors and skills, not only its title and description', () => {
    const terms = new Set(slotSearchTerms(slot));
    for (const query of ['机电', '机电一体化', '机电一体化技术', 'plc', '变电运维'])
      expect(queryTerms(query).every((term) => terms.has(term))).toBe(true);
  });

  const synonyms = [
    { term: '焊工', means: '焊接' },
    { term: 'welding', means: '焊接' },
    { term: 'Mechatronics Technology', means: '机电一体化技术' },
    { term: 'technology', means: '技术' },
  ];

  it('writes each synonym as what it means: Chinese anywhere, Latin as whole words, longest first', () => {
    expect(expandSynonyms('焊工', synonyms)).toBe('焊接');
    expect(expandSynonyms('焊工实习', synonyms)).toBe('焊接 实习');
    expect(expandSynonyms('Welding intern', synonyms)).toBe('焊接 intern');
    expect(expandSynonyms('weldings', synonyms)).toBe('weldings');
    expect(expandSynonyms('mechatronics technology 兰州', synonyms)).toBe('机电一体化技术 兰州');
    expect(expandSynonyms('数控技术', synonyms)).toBe('数控技术');
    expect(expandSynonyms('', synonyms)).toBe('');
  });

  it('never rewrites what a synonym wrote', () => {
    expect(
      expandSynonyms('a b', [
        { term: 'a', means: 'b' },
        { term: 'b', means: 'c' },
      ]),
    ).toBe('b c');
  });
});
