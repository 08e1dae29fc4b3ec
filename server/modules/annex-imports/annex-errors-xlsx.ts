/**
 * The error workbook of an annex import: every bad row with its original cells (read again from
 * the stored file, so rows refused at catalogue matching carry them too) and an OBSERVACIONES
 * column in front.
 */
import { readWorkbook, sheetNameKey } from '../../spreadsheets/read-workbook';
import { plainCells, type PlainCell } from '../../spreadsheets/cells';
import { writeErrorsXlsx } from '../../spreadsheets/write-errors-xlsx';
import type { StoredAnnexPreview } from './annex-import-preview';

export async function annexErrorsXlsx(file: Buffer, preview: StoredAnnexPreview): Promise<Buffer> {
  const key = sheetNameKey(preview.sheet);
  const cellsByRow = new Map<number, PlainCell[]>();
  try {
    const workbook = await readWorkbook(file, { includeSheet: (name) => sheetNameKey(name) === key });
    const wanted = new Set(preview.errors.map((e) => e.row));
    for (const row of workbook.sheets.find((s) => sheetNameKey(s.name) === key)?.rows ?? []) {
      if (wanted.has(row.number)) cellsByRow.set(row.number, plainCells(row.cells, preview.header.length));
    }
  } catch {
    // The file was readable at upload; if it is not now, the report still lists every reason.
  }
  return writeErrorsXlsx({
    header: preview.header,
    sheetName: 'Errores de importación',
    errors: preview.errors.map((e) => ({
      row: e.row,
      reason_es: `${e.column}: ${e.reason_es}`,
      values: cellsByRow.get(e.row) ?? e.values,
    })),
  });
}
