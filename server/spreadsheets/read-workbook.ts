/**
 * Reads an .xlsx/.xlsm into plain rows with exceljs's STREAMING reader.
 *
 * Why streaming: the full reader (`workbook.xlsx.load`) parses every style and defined name and
 * takes ~13 s on the contract's Anexo C; the streaming reader with styles ignored reads it in
 * < 1 s. Consequence of ignoring styles: a date cell arrives as its serial number (the number
 * format is what makes it a date); parsers convert where they expect a date (day headers,
 * FECHA SANCION) with `excelSerialToIso`.
 *
 * Values are normalised: rich text → string, formula → its cached result (shared formulas
 * included), error cells → their text (`#NAME?`), hyperlinks → text. A formula without a cached
 * result becomes a {@link MissingFormulaValue} marker: only the parsers know whether that cell
 * matters (the sábana's TOTALES column has such formulas and is ignored), so they decide whether
 * to fail with `formula_without_value`.
 *
 * Bad files fail fast with a {@link SpreadsheetError} *before* exceljs sees them: exceljs hangs
 * forever on an empty input and happily half-reads a truncated zip.
 */
import ExcelJS from 'exceljs';
import { once, type EventEmitter } from 'node:events';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { SpreadsheetError } from './spreadsheet-error.js';

/** A formula cell whose file carries no computed value (never recalculated, e.g. written by a script). */
export class MissingFormulaValue {
  constructor(readonly formula: string) {}
}

export type CellValue = string | number | boolean | Date | null | MissingFormulaValue;

/** One non-empty row. `cells[0]` is column A; trailing empty cells may be absent. */
export interface SheetRow {
  readonly number: number;
  readonly cells: readonly CellValue[];
}

export interface SheetData {
  readonly name: string;
  readonly hidden: boolean;
  /** Non-empty rows only, in file order. */
  readonly rows: readonly SheetRow[];
}

export interface WorkbookData {
  /** Every sheet of the file, in file order (rows empty for sheets left out by `includeSheet`). */
  readonly sheets: readonly SheetData[];
  /** Old Mac workbooks count serials from 1904. */
  readonly date1904: boolean;
}

export interface ReadWorkbookOptions {
  /** Data rows allowed per sheet (default {@link DEFAULT_MAX_DATA_ROWS}). See {@link HEADER_ZONE_ROWS}. */
  readonly maxDataRows?: number;
  /** Called with the number of rows read so far (every {@link PROGRESS_EVERY} rows and at the end). */
  readonly onProgress?: (rowsRead: number) => void;
  /** Sheets that must exist (compared with {@link sheetNameKey}); otherwise `sheet_not_found`. */
  readonly requiredSheets?: readonly string[];
  /** Keep rows only of the sheets this accepts (others are still read, their rows dropped). */
  readonly includeSheet?: (name: string) => boolean;
}

export const DEFAULT_MAX_DATA_ROWS = 50_000;
/**
 * The reader does not know where the header is, so it stops a sheet only past
 * `maxDataRows + HEADER_ZONE_ROWS` non-empty rows (a memory guard); parsers, which know the header
 * row, apply the exact `maxDataRows` limit with {@link assertDataRowLimit}.
 */
export const HEADER_ZONE_ROWS = 100;
export const PROGRESS_EVERY = 1_000;

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY_ARCHIVE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_END_OF_CENTRAL_DIRECTORY = ZIP_EMPTY_ARCHIVE;
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The end-of-central-directory record sits in the last 22 bytes + up to 64 KiB of comment. */
const ZIP_TAIL_BYTES = 22 + 65_535;

/** Sheet-name comparison key: `PUE´s BME`, `PUES BME` and `pue's bme` are the same sheet. */
export function sheetNameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** The sheet whose name matches `name` by {@link sheetNameKey}. */
export function findSheet(workbook: WorkbookData, name: string): SheetData | undefined {
  const key = sheetNameKey(name);
  return workbook.sheets.find((s) => sheetNameKey(s.name) === key);
}

function utf16(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

/** Classifies an OLE2 compound file (the container of encrypted xlsx and of legacy .xls/.doc). */
function oleError(whole: Buffer): SpreadsheetError {
  if (whole.includes(utf16('EncryptedPackage')) || whole.includes(utf16('EncryptionInfo'))) {
    return new SpreadsheetError(
      'password_protected',
      'El archivo está protegido con contraseña. Quite la contraseña en Excel y vuelva a subirlo.',
    );
  }
  if (whole.includes(utf16('Workbook')) || whole.includes(utf16('Book'))) {
    return new SpreadsheetError('not_excel', 'El archivo es un libro de Excel 97-2003 (.xls). Guárdelo como .xlsx y vuelva a subirlo.');
  }
  if (whole.includes(utf16('WordDocument'))) {
    return new SpreadsheetError('not_excel', 'El archivo es un documento de Word, no un libro de Excel (.xlsx o .xlsm).');
  }
  // An OLE container that holds no known document: Office writes encrypted workbooks this way.
  return new SpreadsheetError(
    'password_protected',
    'El archivo está protegido con contraseña (archivo cifrado). Quite la contraseña en Excel y vuelva a subirlo.',
  );
}

/** Checks signature and zip integrity from the first bytes and the tail; throws on a bad file. */
async function inspect(head: Buffer, tail: Buffer, size: number, whole: () => Promise<Buffer>): Promise<void> {
  if (size === 0) throw new SpreadsheetError('empty_file', 'El archivo está vacío.');
  if (head.subarray(0, 8).equals(OLE_SIGNATURE)) throw oleError(await whole());
  if (head.subarray(0, 4).equals(ZIP_EMPTY_ARCHIVE))
    throw new SpreadsheetError('not_excel', 'El archivo es un ZIP vacío, no un libro de Excel.');
  if (!head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
    throw new SpreadsheetError('not_excel', 'El archivo no es un libro de Excel (.xlsx o .xlsm).');
  }
  if (!tail.includes(ZIP_END_OF_CENTRAL_DIRECTORY)) {
    throw new SpreadsheetError(
      'corrupt_file',
      'El archivo está incompleto o dañado (¿se cortó la descarga?). Vuelva a guardarlo en Excel.',
    );
  }
}

async function openInput(input: Buffer | Uint8Array | string): Promise<Readable> {
  if (typeof input !== 'string') {
    const buffer = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    await inspect(buffer.subarray(0, 8), buffer.subarray(Math.max(0, buffer.length - ZIP_TAIL_BYTES)), buffer.length, async () => buffer);
    return new PassThrough().end(buffer);
  }
  const handle = await open(input, 'r').catch((cause: unknown) => {
    throw new SpreadsheetError('not_excel', 'No se pudo abrir el archivo.', {}, cause);
  });
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(8, size));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(ZIP_TAIL_BYTES, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    await inspect(head, tail, size, () => readFile(input));
  } catch (cause) {
    if (cause instanceof SpreadsheetError) throw cause;
    throw new SpreadsheetError('not_excel', 'No se pudo abrir el archivo.', {}, cause);
  } finally {
    await handle.close();
  }
  return createReadStream(input);
}

function richTextToString(parts: readonly { text?: unknown }[]): string {
  return parts.map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
}

/** exceljs cell value → {@link CellValue}. */
export function normaliseCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '#ERROR';
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return richTextToString(v.richText as { text?: unknown }[]);
  if (typeof v.error === 'string') return v.error;
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined || v.result === null) {
      return new MissingFormulaValue(String(v.formula ?? v.sharedFormula ?? ''));
    }
    return normaliseCell(v.result);
  }
  if ('sharedString' in v) {
    throw new SpreadsheetError('corrupt_file', 'El archivo está dañado: faltan los textos compartidos (sharedStrings.xml).');
  }
  if ('text' in v) return normaliseCell(v.text);
  return null;
}

function isEmpty(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

interface StreamedSheet {
  name?: string;
  state?: string;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown }>;
}

function tooManyRows(sheet: string, limit: number): SpreadsheetError {
  return new SpreadsheetError(
    'too_many_rows',
    `La hoja «${sheet}» tiene más de ${limit.toLocaleString('es-MX')} filas de datos, el máximo permitido. Divida el archivo.`,
    { sheet, limit },
  );
}

/** Throws `too_many_rows` when a sheet has more than `maxDataRows` non-empty rows after `headerRow`. */
export function assertDataRowLimit(sheet: SheetData, headerRow: number, maxDataRows = DEFAULT_MAX_DATA_ROWS): void {
  let count = 0;
  for (const row of sheet.rows) if (row.number > headerRow) count++;
  if (count > maxDataRows) throw tooManyRows(sheet.name, maxDataRows);
}

/**
 * Opens a workbook (Buffer or file path) and returns its sheets as plain rows.
 * Throws {@link SpreadsheetError}: `empty_file`, `not_excel`, `corrupt_file`, `password_protected`,
 * `no_sheets`, `sheet_not_found`, `too_many_rows`.
 */
export async function readWorkbook(input: Buffer | Uint8Array | string, options: ReadWorkbookOptions = {}): Promise<WorkbookData> {
  const maxDataRows = options.maxDataRows ?? DEFAULT_MAX_DATA_ROWS;
  const stream = await openInput(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    styles: 'ignore',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let sawWorkbook = false;
  // exceljs's typings omit that the reader is an EventEmitter; 'entry' tells us workbook.xml was seen.
  (reader as unknown as EventEmitter).on('entry', (entry: { type?: string }) => {
    if (entry.type === 'workbook') sawWorkbook = true;
  });
  // A read stream that fails (file deleted mid-read) must reject, not hang.
  const streamFailed = once(stream, 'error').then(([cause]: unknown[]) => {
    throw new SpreadsheetError('corrupt_file', 'No se pudo leer el archivo.', {}, cause);
  });
  streamFailed.catch(() => undefined);

  const sheets: SheetData[] = [];
  let rowsRead = 0;
  try {
    const work = (async () => {
      for await (const worksheet of reader as unknown as AsyncIterable<StreamedSheet>) {
        const name = worksheet.name ?? `Hoja${sheets.length + 1}`;
        const keep = options.includeSheet?.(name) ?? true;
        const rows: SheetRow[] = [];
        let nonEmpty = 0;
        for await (const row of worksheet) {
          rowsRead++;
          if (rowsRead % PROGRESS_EVERY === 0) options.onProgress?.(rowsRead);
          const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
          const cells: CellValue[] = [];
          let any = false;
          for (let c = 1; c < values.length; c++) {
            const cell = normaliseCell(values[c]);
            cells.push(cell);
            if (!isEmpty(cell)) any = true;
          }
          if (!any) continue;
          if (++nonEmpty > maxDataRows + HEADER_ZONE_ROWS) throw tooManyRows(name, maxDataRows);
          if (keep) rows.push({ number: row.number, cells });
        }
        sheets.push({ name, hidden: worksheet.state !== undefined && worksheet.state !== 'visible', rows });
      }
    })();
    work.catch(() => undefined); // if the stream error wins the race, the loser must not go unhandled
    await Promise.race([work, streamFailed]);
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError(
      'corrupt_file',
      'El archivo está dañado o incompleto y no se pudo leer. Vuelva a guardarlo en Excel.',
      {},
      error,
    );
  } finally {
    stream.destroy();
  }
  options.onProgress?.(rowsRead);

  if (!sawWorkbook) throw new SpreadsheetError('not_excel', 'El archivo es un ZIP pero no un libro de Excel (.xlsx o .xlsm).');
  if (sheets.length === 0) throw new SpreadsheetError('no_sheets', 'El libro no tiene hojas.');
  const date1904 = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true;
  const workbook: WorkbookData = { sheets, date1904 };
  for (const required of options.requiredSheets ?? []) {
    if (findSheet(workbook, required) === undefined) {
      throw new SpreadsheetError(
        'sheet_not_found',
        `No se encontró la hoja «${required}». Hojas del archivo: ${sheets.map((s) => `«${s.name}»`).join(', ')}.`,
        { required, sheets: sheets.map((s) => s.name) },
      );
    }
  }
  return workbook;
}
