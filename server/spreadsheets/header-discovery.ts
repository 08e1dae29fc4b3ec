/**
 * Finds the header row of a catalogue/annex table and maps its columns.
 *
 * The real workbooks put the header anywhere in the first rows (row 6 in the contract, row 11 in
 * the PTE workbook below a merged "human" header, row 2 in the sábana, row 1 in the PUE sheet)
 * and spell it many ways (`P.U. M.N.`, `P.U.M.N.`, `P.U. MN`, `PRECIO UNITARIO M.N.`…). Matching
 * compares a key without accents, case, dots, spaces or punctuation against known synonyms, and
 * is exact on that key, so `PRECIO UNITARIO CON LETRA` or `IMPORTE PTE M.N.` never pass for a
 * price column. Columns whose header is a day (date cell, serial or day-first text) are the
 * daily programme.
 */
import { parseDayHeader } from '../../domain/catalogue/day-header.js';
import { cellText, columnLetter } from './cells.js';
import { HEADER_ZONE_ROWS, MissingFormulaValue, sheetNameKey, type CellValue, type SheetData, type WorkbookData } from './read-workbook.js';
import { SpreadsheetError } from './spreadsheet-error.js';

export type ColumnField =
  | 'subAnnex'
  | 'code'
  | 'concept'
  | 'unit'
  | 'quantity'
  | 'puMxn'
  | 'puUsd'
  | 'ok'
  | 'extCode'
  | 'status'
  | 'sanctionDate'
  | 'originPte'
  | 'originOt'
  | 'comment';

/** How each field is named in messages (the spelling users know). */
export const FIELD_LABELS: Readonly<Record<ColumnField, string>> = {
  subAnnex: 'ANEXO',
  code: 'PARTIDA',
  concept: 'CONCEPTO',
  unit: 'UNIDAD',
  quantity: 'VOLUMEN PTE / CANTIDAD',
  puMxn: 'P.U. M.N.',
  puUsd: 'P.U. USD',
  ok: 'OK',
  extCode: 'PARTIDA EXT',
  status: 'ESTATUS',
  sanctionDate: 'FECHA SANCION',
  originPte: 'PTE CREACION',
  originOt: 'OT CREACION',
  comment: 'COMENTARIO',
};

/** Header keys per field, best first (when two columns qualify, the better synonym wins). */
const SYNONYMS: Readonly<Record<ColumnField, readonly string[]>> = {
  subAnnex: ['ANEXO', 'SUBANEXO'],
  code: ['PARTIDA', 'PART', 'PARTIDAORDINARIA', 'NOPARTIDA'],
  concept: ['CONCEPTO', 'DESCRIPCION', 'DESCRIPCIONDECONCEPTOS', 'DESCRIPCIONDELCONCEPTO', 'DESCRIPCIONCONCEPTO', 'CONCEPTOS'],
  unit: ['UNIDAD', 'UNID', 'UNIDADDEMEDIDA', 'UM', 'UNIDADES'],
  quantity: [
    'VOLUMENPTE',
    'VOLUMENAUTORIZADO',
    'VOLUMEN',
    'CANTIDADESDEREFERENCIA',
    'CANTIDADDEREFERENCIA',
    'CANTIDAD',
    'CANTIDADTOTAL',
    'CANTIDADES',
    'CANT',
  ],
  puMxn: ['PUMN', 'PUMXN', 'PRECIOUNITARIOMN', 'PRECIOUNITARIOMXN', 'PUMONEDANACIONAL', 'PRECIOUNITARIOMONEDANACIONAL'],
  puUsd: ['PUUSD', 'PUDLS', 'PUDLLS', 'PRECIOUNITARIOUSD', 'PUDOLARES', 'PRECIOUNITARIODOLARES', 'PUME', 'PRECIOUNITARIOME'],
  ok: ['OK'],
  extCode: ['PARTIDAEXT', 'PARTIDAEXTRAORDINARIA', 'CLAVEPUE'],
  status: ['ESTATUS', 'STATUS', 'ESTADO'],
  sanctionDate: ['FECHASANCION', 'FECHADESANCION', 'FECHAAUTORIZACION'],
  originPte: ['PTECREACION', 'PTEORIGEN'],
  originOt: ['OTCREACION', 'OTORIGEN'],
  comment: ['COMENTARIO', 'COMENTARIOS'],
};

const FIELD_OF_KEY: ReadonlyMap<string, { field: ColumnField; rank: number }> = new Map(
  (Object.entries(SYNONYMS) as [ColumnField, readonly string[]][]).flatMap(([field, keys]) =>
    keys.map((k, rank) => [k, { field, rank }] as const),
  ),
);

/** Default depth of the header search (spec §3.5); the reader's row guard allows for the same zone. */
export const HEADER_SCAN_ROWS = HEADER_ZONE_ROWS;

/** Comparison key of a header text: `P.U. M.N.` → `PUMN`, `Descripción` → `DESCRIPCION`. */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** A column of the daily programme. */
export interface DayColumn {
  /** 0-based column index. */
  readonly index: number;
  readonly letter: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

export interface HeaderMatch {
  readonly sheet: SheetData;
  /** 1-based row number of the header. */
  readonly headerRow: number;
  /** 0-based column of each field found. */
  readonly columns: Readonly<Partial<Record<ColumnField, number>>>;
  /** Header text per column as shown to users (day columns as `DD/MM/AAAA`). */
  readonly headers: readonly string[];
  readonly dayColumns: readonly DayColumn[];
}

function displayDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Maps one candidate header row. Day columns are those not claimed by a field. */
export function mapHeaderRow(cells: readonly CellValue[], date1904 = false): Omit<HeaderMatch, 'sheet' | 'headerRow'> {
  const best = new Map<ColumnField, { index: number; rank: number }>();
  const headers: string[] = [];
  const dayColumns: DayColumn[] = [];
  cells.forEach((cell, index) => {
    const value = cell instanceof MissingFormulaValue ? null : cell;
    const text = cellText(value);
    headers[index] = text;
    const hit = FIELD_OF_KEY.get(headerKey(text));
    if (hit !== undefined) {
      const prev = best.get(hit.field);
      if (prev === undefined || hit.rank < prev.rank) best.set(hit.field, { index, rank: hit.rank });
      return;
    }
    const date = parseDayHeader(value, { date1904 });
    if (date !== null) {
      dayColumns.push({ index, letter: columnLetter(index), date });
      headers[index] = displayDay(date);
    }
  });
  for (let i = 0; i < headers.length; i++) headers[i] ??= '';
  const columns: Partial<Record<ColumnField, number>> = {};
  for (const [field, { index }] of best) columns[field] = index;
  return { columns, headers, dayColumns };
}

export interface DiscoverOptions {
  /** Fields the header must contain. */
  readonly required: readonly ColumnField[];
  /** Search order: lower rank first, file order within a rank (default: all rank 0). */
  readonly sheetRank?: (sheet: SheetData) => number;
  /** Only these sheets are searched. */
  readonly onlySheet?: (sheet: SheetData) => boolean;
  readonly scanRows?: number;
}

interface SheetScan {
  readonly match: HeaderMatch | null;
  /** Best near miss, for the message: row and missing fields. */
  readonly nearest: { row: number; missing: ColumnField[] } | null;
}

function scanSheet(sheet: SheetData, required: readonly ColumnField[], scanRows: number, date1904: boolean): SheetScan {
  let nearest: SheetScan['nearest'] = null;
  for (const row of sheet.rows) {
    if (row.number > scanRows) break;
    const mapped = mapHeaderRow(row.cells, date1904);
    const missing = required.filter((f) => mapped.columns[f] === undefined);
    if (missing.length === 0) return { match: { sheet, headerRow: row.number, ...mapped }, nearest: null };
    if (missing.length < required.length && (nearest === null || missing.length < nearest.missing.length)) {
      nearest = { row: row.number, missing };
    }
  }
  return { match: null, nearest };
}

function orderSheets(workbook: WorkbookData, options: DiscoverOptions): SheetData[] {
  const rank = options.sheetRank ?? (() => 0);
  return workbook.sheets
    .filter((s) => options.onlySheet?.(s) ?? true)
    .map((sheet, order) => ({ sheet, order, rank: rank(sheet) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((x) => x.sheet);
}

function notFound(required: readonly ColumnField[], scanRows: number, log: string[]): SpreadsheetError {
  const wanted = required.map((f) => FIELD_LABELS[f]).join(', ');
  return new SpreadsheetError(
    'header_not_found',
    `No se encontró la fila de encabezados con ${wanted} en las primeras ${scanRows} filas. Revisado: ${log.join('; ') || 'ninguna hoja'}.`,
    { required: required.map((f) => FIELD_LABELS[f]), log },
  );
}

function describe(sheet: SheetData, scan: SheetScan): string {
  if (scan.nearest === null) return `«${sheet.name}»: sin encabezados reconocibles`;
  return `«${sheet.name}» fila ${scan.nearest.row}: faltan ${scan.nearest.missing.map((f) => FIELD_LABELS[f]).join(', ')}`;
}

/** Every sheet that has a header with the required fields (the contract has one per sheet). */
export function discoverHeaders(
  workbook: WorkbookData,
  options: DiscoverOptions,
): { matches: HeaderMatch[]; skipped: { sheet: string; reason_es: string }[] } {
  const scanRows = options.scanRows ?? HEADER_SCAN_ROWS;
  const matches: HeaderMatch[] = [];
  const skipped: { sheet: string; reason_es: string }[] = [];
  for (const sheet of orderSheets(workbook, options)) {
    const scan = scanSheet(sheet, options.required, scanRows, workbook.date1904);
    if (scan.match !== null) matches.push(scan.match);
    else skipped.push({ sheet: sheet.name, reason_es: describe(sheet, scan) });
  }
  if (matches.length === 0)
    throw notFound(
      options.required,
      scanRows,
      skipped.map((s) => s.reason_es),
    );
  return { matches, skipped };
}

/** The first header found, preferred sheets first; `header_not_found` with a per-sheet log otherwise. */
export function discoverHeader(workbook: WorkbookData, options: DiscoverOptions): HeaderMatch {
  const scanRows = options.scanRows ?? HEADER_SCAN_ROWS;
  const log: string[] = [];
  for (const sheet of orderSheets(workbook, options)) {
    const scan = scanSheet(sheet, options.required, scanRows, workbook.date1904);
    if (scan.match !== null) return scan.match;
    log.push(describe(sheet, scan));
  }
  throw notFound(options.required, scanRows, log);
}

/**
 * Where an OT annex most likely lives: `ANEXO C` first (a PTE workbook may also carry a copy of
 * the sábana, and its ANEXO C is the authorised annex), then `SABANA DE RECURSOS` / `RECURSOS
 * PROGRAMADOS`, then any other sheet. Why it matters: the PTE's `ANEXO DE-MN` sheet also has
 * PARTIDA…P.U. M.N. headers (the legacy importer tried such sheets first too).
 */
export function annexSheetRank(sheet: SheetData): number {
  const key = sheetNameKey(sheet.name);
  if (key.includes('ANEXOC')) return 0;
  if (key.includes('SABANA') || key.includes('RECURSOS')) return 1;
  return 2;
}
