import { UnreadableFile, decodeCsv, readSpreadsheet } from './read-spreadsheet';

describe('reading an uploaded spreadsheet', () => {
  it('reads UTF-8 with or without a byte-order mark', async () => {
    for (const text of ['\uFEFF姓名,邮箱\r\n王五,w@x.cn\r\n', '姓名,邮箱\n王五,w@x.cn\n']) {
      const records = [...(await readSpreadsheet('csv', Buffer.from(text)))];
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
    await expect(readSpreadsheet('xlsx', Buffer.from('PK\u0003\u0004 not really'))).rejects.toBeInstanceOf(UnreadableFile);
  });
});
