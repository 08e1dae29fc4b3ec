/**
 * The error report of a refused import: the offending rows exactly as the user sent them, with
 * an `OBSERVACIONES` column in front saying what is wrong (spec §3.5). The user fixes the rows in
 * this file and copies them back, so original values keep their type (numbers stay numbers).
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { PlainCell } from './cells.js';

export const OBSERVATIONS_HEADER = 'OBSERVACIONES';

/** One problem of one row; several problems of the same row are merged into one line. */
export interface ErrorRowInput {
  /** Source sheet, for reports that span sheets (the contract). Optional. */
  readonly sheet?: string;
  /** 1-based row number in the source sheet. */
  readonly row: number;
  readonly reason_es: string;
  /** Original cells of the row, aligned with `header`. */
  readonly values: readonly PlainCell[];
}

export interface WriteErrorsOptions {
  /** Original header texts, in column order. */
  readonly header: readonly string[];
  readonly errors: readonly ErrorRowInput[];
  readonly sheetName?: string;
}

interface MergedRow {
  readonly sheet: string;
  readonly row: number;
  readonly reasons: string[];
  readonly values: readonly PlainCell[];
}

function mergeByRow(errors: readonly ErrorRowInput[]): MergedRow[] {
  const byRow = new Map<string, MergedRow>();
  for (const e of errors) {
    const key = `${e.sheet ?? ''}\u0001${e.row}`;
    let merged = byRow.get(key);
    if (merged === undefined) {
      merged = { sheet: e.sheet ?? '', row: e.row, reasons: [], values: e.values };
      byRow.set(key, merged);
    }
    if (!merged.reasons.includes(e.reason_es)) merged.reasons.push(e.reason_es);
  }
  return [...byRow.values()].sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
}

/** Builds the error workbook. Each observation names the source row (`Fila 14: …`, or `Hoja «…», fila 14: …`). */
export async function writeErrorsXlsx(options: WriteErrorsOptions): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet((options.sheetName ?? 'Errores de importación').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
  });
  sheet.columns = [
    { header: OBSERVATIONS_HEADER, width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
    ...options.header.map((h) => ({ header: h, width: Math.min(60, Math.max(12, h.length + 2)) })),
  ];
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.commit();
  // The sheet is named only when the report spans several (the contract has one per sub-annex).
  const manySheets = new Set(options.errors.map((e) => e.sheet ?? '')).size > 1;
  for (const row of mergeByRow(options.errors)) {
    const where = manySheets ? `Hoja «${row.sheet}», fila ${row.row}` : `Fila ${row.row}`;
    const observation = `${where}: ${row.reasons.join('; ')}`;
    sheet.addRow([observation, ...options.header.map((_, i) => row.values[i] ?? null)]).commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
