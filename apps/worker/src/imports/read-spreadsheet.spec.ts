import ExcelJS from 'exceljs';
import { UnreadableFile, decodeCsv, readSpreadsheet } from './read-spreadsheet';

describe('reading an uploaded spreadsheet', () => {
  it('reads UTF-8 with or without a byte-order mark', async () => {
    for (const text of ['\uFEFF姓名,邮箱\r\n王五,w@x.cn\r\n', '姓名,邮箱\n王五,w@x.cn\n']) {
      const records = [];
      for await (const record of readSpreadsheet('csv', Buffer.from(text))) records.push(record);
      expect(records.map((r) => r.cells)).toEqual([
        ['姓名', '邮箱'],
        ['王五', 'w@x.cn'],
      ]);
    }
  });

  it('falls back to GB 18030, the "CSV" of Excel in Chinese', () => {
    // 姓名 in GBK
    expect(decodeCsv(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('姓名');
  });

  it('refuses an XLSX that is not a workbook', async () => {
    const read = async () => {
      for await (const record of readSpreadsheet('xlsx', Buffer.from('PK\u0003\u0004 not really'))) void record;
    };
    await expect(read()).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('reads the first worksheet of a workbook: dates as days, hyperlinked e-mails as their text, numbers as written', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('学生');
    sheet.addRow(['姓名', '邮箱', '入学年份', '出生日期']);
    sheet.addRow(['王五', { text: 'w5@x.cn', hyperlink: 'mailto:w5@x.cn' }, 2025, new Date(Date.UTC(2009, 4, 1))]);
    sheet.addRow([]);
    sheet.addRow(['李四', 'l4@x.cn', 2024, '2008/3/7']);
    workbook.addWorksheet('other').addRow(['ignored']);
    const records = [];
    for await (const record of readSpreadsheet('xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))) records.push(record);
    expect(records).toEqual([
      { line: 1, cells: ['姓名', '邮箱', '入学年份', '出生日期'] },
      { line: 2, cells: ['王五', 'w5@x.cn', '2025', '2009-05-01'] },
      { line: 4, cells: ['李四', 'l4@x.cn', '2024', '2008/3/7'] },
    ]);
  });
});
