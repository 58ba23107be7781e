import fc from 'fast-check';
import { parseCsv } from './imports/csv';
import { csvLine, inertCell, inertText, xlsxRow } from './spreadsheet-text';

/** What Excel, WPS or LibreOffice would run as a formula when the cell is read or re-entered. */
const FORMULA_START = /^[=+\-@\t\r\n]/;
const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1+1', '\r=1+1', '\n=1+1', '=1,2"3'];

describe('text written into spreadsheets', () => {
  it.each(HOSTILE)('%j is kept as text with a leading apostrophe', (text) => {
    expect(inertText(text)).toBe(`'${text}`);
    expect(inertCell(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text, numbers (negative ones too), booleans and blanks alone', () => {
    for (const text of ['王子涵', 'wang.zihan@school.example.cn', '91620100MA7XQ5D8YX', "it's", ' =1 (a space first)', ''])
      expect(inertText(text)).toBe(text);
    expect(inertCell(-2)).toBe(-2);
    expect(inertCell(true)).toBe(true);
    expect(inertCell(null)).toBeNull();
  });

  it('a CSV line: every text cell inert, then quoted where it must be; it reads back as the inert text', () => {
    const line = csvLine([...HOSTILE, '普通', 42, -7, null]);
    const [record] = [...parseCsv(line, ',')];
    expect(record.cells).toEqual([...HOSTILE.map((text) => `'${text}`), '普通', '42', '-7', '']);
    expect(line.endsWith('\r\n')).toBe(true);
  });

  it('an XLSX row holds the same cells as the CSV line, numbers as numbers', () => {
    expect(xlsxRow(['=1+1', 'ok', 3, -3, null, undefined])).toEqual(["'=1+1", 'ok', 3, -3, null, null]);
  });

  it('no text cell of any line starts as a formula would', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (cells) => {
        // After a first cell of its own, as in the product's files (their first line is a header).
        const [record] = [...parseCsv(csvLine(['name', ...cells]), ',')];
        expect(record.cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
        expect(xlsxRow(cells).filter((cell) => typeof cell === 'string' && FORMULA_START.test(cell))).toEqual([]);
      }),
    );
  });
});
