import { constants, crc32, deflateRawSync } from 'zlib';

/**
 * Hostile workbooks for the import tests, written byte by byte: a minimal XLSX whose first sheet
 * holds one cell of `cellBytes` letters, or `rows` rows of short cells. The sheet is deflated
 * as one megabyte compressed once and repeated (each block flushed whole, so the copies join into one
 * valid stream): a gigabyte costs about a megabyte of file and nothing to make. `declare` sets what the
 * ZIP's directory says the sheet unpacks to: the truth by default, or a lie.
 */
export function hostileXlsx(sheet: { cellBytes: number } | { rows: number }, declare?: (actual: number) => number): Buffer {
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  const [open, unit, close] =
    'cellBytes' in sheet
      ? [`${head}<row r="1"><c r="A1" t="inlineStr"><is><t>`, 'a', `</t></is></c></row>${tail}`]
      : [head, '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', tail]; // every row says it is row 1: exceljs needs addresses
  const units = 'cellBytes' in sheet ? sheet.cellBytes : sheet.rows;
  const chunkUnits = Math.max(1, Math.floor((1 << 20) / unit.length));
  const flushed = (text: string) => deflateRawSync(Buffer.from(text), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [flushed(open)];
  const chunk = flushed(unit.repeat(chunkUnits));
  for (let left = units; left > 0; left -= chunkUnits) parts.push(left >= chunkUnits ? chunk : flushed(unit.repeat(left)));
  parts.push(deflateRawSync(Buffer.from(close), { level: 9 }));
  const actual = Buffer.byteLength(open) + units * unit.length + Buffer.byteLength(close);
  const sheetEntry = {
    path: 'xl/worksheets/sheet1.xml',
    data: Buffer.concat(parts),
    size: declare ? declare(actual) : actual,
    crc: 0,
    method: 8,
  };

  const stored = (path: string, text: string) => ({
    path,
    data: Buffer.from(text),
    size: Buffer.byteLength(text),
    crc: crc32(text),
    method: 0,
  });
  return zip([
    stored(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    stored(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    stored(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    stored(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    sheetEntry,
  ]);
}

/** A ZIP archive of the entries as given (sizes and CRCs included, true or not). */
function zip(entries: Array<{ path: string; data: Buffer; size: number; crc: number; method: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
