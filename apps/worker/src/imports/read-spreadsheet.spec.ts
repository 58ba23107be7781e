import ExcelJS from 'exceljs';
import { hostileXlsx } from '../../../../test/support/hostile-xlsx';
import { MAX_UNPACKED_BYTES, UnreadableFile, decodeCsv, readSpreadsheet } from './read-spreadsheet';

/** Reads every record, or the code the file was refused with; and how far the process's memory grew meanwhile. */
async function refusal(bytes: Buffer): Promise<{ reason: string | null; rows: number; grewMb: number }> {
  const before = process.memoryUsage().rss;
  let rows = 0;
  try {
    for await (const record of readSpreadsheet('xlsx', bytes)) rows += record.cells.length ? 1 : 0;
    return { reason: null, rows, grewMb: (process.memoryUsage().rss - before) / 2 ** 20 };
  } catch (error) {
    return {
      reason: error instanceof UnreadableFile ? error.reason : String(error),
      rows,
      grewMb: (process.memoryUsage().rss - before) / 2 ** 20,
    };
  }
}

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

  describe('a workbook is held to what it may unpack to, before and while inflating', () => {
    it('reads a hand-made workbook of the same shape as the hostile ones (the generator is sound)', async () => {
      expect(await refusal(hostileXlsx({ rows: 1000 }))).toMatchObject({ reason: null, rows: 1000 });
      expect(await refusal(hostileXlsx({ cellBytes: 30_000 }))).toMatchObject({ reason: null, rows: 1 });
    });

    it('refuses a zip bomb (a 3 MB file of 1.2 GB of rows) from its directory, inflating nothing', async () => {
      const bomb = hostileXlsx({ rows: 20_000_000 });
      expect(bomb.length).toBeLessThan(4 * 2 ** 20);
      const result = await refusal(bomb);
      expect(result).toMatchObject({ reason: 'FILE_TOO_LARGE_UNPACKED', rows: 0 });
    });

    it('refuses the same bomb whose directory lies (says 1 KB) once the sheet inflates past what it said, long before the limit', async () => {
      const result = await refusal(hostileXlsx({ rows: 20_000_000 }, () => 1024));
      expect(result.reason).toBe('UNREADABLE_FILE');
      expect(result.rows).toBeLessThan(100);
    });

    it('refuses a small file holding one cell of 100 MB before the XML parser holds it (CELL_TOO_LONG)', async () => {
      const bytes = hostileXlsx({ cellBytes: 100 * 2 ** 20 });
      expect(bytes.length).toBeLessThan(200 * 1024);
      const result = await refusal(bytes);
      expect(result).toMatchObject({ reason: 'CELL_TOO_LONG', rows: 0 });
      expect(result.grewMb).toBeLessThan(50);
    });

    it('allows a workbook up to the limit', () => {
      expect(MAX_UNPACKED_BYTES).toBeGreaterThanOrEqual(4 * 37 * 2 ** 20); // 10^5 students unpack to ~37 MB
    });
  });
});
