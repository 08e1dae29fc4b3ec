/**
 * Test support: small in-memory workbooks and raw files for the bad-input cases.
 * Not used by production code.
 */
import ExcelJS from 'exceljs';
import { crc32 } from 'node:zlib';

/** A cell as exceljs accepts it (including `{ formula }` without `result`). */
export type TestCell =
  string | number | boolean | Date | null | { formula: string; result?: string | number } | { richText: { text: string }[] };

/** Builds an .xlsx with the given sheets, rows written from row 1 (or `startRow`). */
export async function buildWorkbook(sheets: Record<string, readonly (readonly TestCell[])[]>, startRow = 1): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((cells, i) => {
      const row = sheet.getRow(startRow + i);
      cells.forEach((value, c) => {
        if (value !== null) row.getCell(c + 1).value = value as ExcelJS.CellValue;
      });
      row.commit();
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A minimal "stored" (uncompressed) zip, to fake files that are zips but not workbooks (.docx). */
export function buildZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** 512-byte OLE2 compound-file header (the container Office uses for encrypted workbooks). */
export function buildOleFile(streamNames: readonly string[] = []): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const names = streamNames.map((n) => Buffer.from(n, 'utf16le'));
  return Buffer.concat([header, ...names, Buffer.alloc(512)]);
}

/** Deterministic pseudo-random bytes (never starting with a zip or OLE signature). */
export function randomBytes(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out[0] = 0x42;
  return out;
}
