/**
 * The error workbook of a catalogue import. The parsers keep each bad row's cells but not the
 * sheet's header, so the header is read again from the stored file (only when someone downloads
 * the report; the contract's sheets share one header layout, the first bad sheet's is used).
 */
import { discoverHeader } from '../../spreadsheets/header-discovery';
import { readWorkbook, sheetNameKey } from '../../spreadsheets/read-workbook';
import type { ParseRowError } from '../../spreadsheets/row-reader';
import { writeErrorsXlsx } from '../../spreadsheets/write-errors-xlsx';

async function headerOf(file: Buffer, sheet: string): Promise<string[]> {
  const key = sheetNameKey(sheet);
  try {
    const workbook = await readWorkbook(file, { includeSheet: (name) => sheetNameKey(name) === key });
    return [...discoverHeader(workbook, { required: ['concept', 'unit'], onlySheet: (s) => sheetNameKey(s.name) === key }).headers];
  } catch {
    return [];
  }
}

export async function catalogueErrorsXlsx(file: Buffer, errors: readonly ParseRowError[]): Promise<Buffer> {
  const first = errors.find((e) => e.values.length > 0);
  const header = first ? await headerOf(file, first.sheet) : [];
  const width = Math.max(header.length, ...errors.map((e) => e.values.length));
  const columns = Array.from({ length: width }, (_, i) => header[i] ?? '');
  return writeErrorsXlsx({
    header: columns,
    errors: errors.map((e) => ({ sheet: e.sheet, row: e.row, reason_es: `${e.column}: ${e.reason_es}`, values: e.values })),
  });
}
