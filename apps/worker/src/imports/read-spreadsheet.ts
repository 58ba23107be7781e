import { CsvRecord, parseCsv } from '@skillbridge/domain';
import ExcelJS from 'exceljs';

export class UnreadableFile extends Error {}

/** The file's text: UTF-8 (with or without BOM); failing that, GB 18030, which Excel in China writes as "CSV". */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new UnreadableFile('the file is neither UTF-8 nor GB 18030 text');
    }
  }
}

/** A cell as the text a person sees: dates as ISO days, hyperlinks and rich text as their words. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** The first worksheet's rows, numbered as Excel numbers them (the header is row 1). */
async function xlsxRecords(bytes: Buffer): Promise<CsvRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('the file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
    records.push({ line, cells });
  });
  return records;
}

/** Every record of the file, header first. */
export async function readSpreadsheet(format: 'csv' | 'xlsx', bytes: Buffer): Promise<Iterable<CsvRecord>> {
  return format === 'xlsx' ? xlsxRecords(bytes) : parseCsv(decodeCsv(bytes));
}
