/**
 * An OT's annex workbook → line items with authorized volume, prices and daily programme
 * (parse-level checks only; catalogue matching happens later on the server against the DB).
 *
 * Two shapes exist (original-system.md A.5):
 *  - `pte`: PTE workbook (.xlsm), sheet `ANEXO C`, human header on rows 8–9 and the machine
 *    header (`PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N., P.U. USD, …, ANEXO`) below it;
 *  - `sabana`: sábana de recursos, the whole catalogue with an `OK` column selecting the rows the
 *    OT uses and one column per calendar day holding the planned volume.
 * The shape is `sabana` when the header has an `OK` column or day columns, `pte` otherwise.
 * Rows without a unit are titles/subtotals and are skipped; with an OK column, rows not marked OK
 * are skipped too (`rowsNotSelected`). A blank ANEXO cell is allowed: the PUE code prefix
 * (`C3EXT-…`) implies it, otherwise `subAnnex` is null and the server places the line through
 * the catalogue. Repeated day columns add up (the legacy importer summed them too).
 */
import { normaliseConcept } from '../../domain/catalogue/concept.js';
import { subAnnexOfExtraordinaryCode } from '../../domain/catalogue/sub-annex.js';
import { Dec } from '../../domain/money.js';
import { cellText } from './cells.js';
import { annexSheetRank, discoverHeader, type DayColumn } from './header-discovery.js';
import { isTitleRow, readLineFields, type LineFields } from './line-fields.js';
import type { ParseOptions } from './parse-contract-catalogue.js';
import { assertDataRowLimit, readWorkbook } from './read-workbook.js';
import { RowReader, type ParseRowError } from './row-reader.js';

export interface PlannedVolume {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Decimal string, > 0. */
  readonly volume: string;
}

export interface AnnexItem extends LineFields {
  readonly sheet: string;
  readonly row: number;
  /** VOLUMEN PTE: the cap this annex states (6 decimals max). */
  readonly authorizedVolume: string;
  readonly puMxn: string;
  readonly puUsd: string;
  /** Days with a planned volume > 0, in date order. */
  readonly planned: readonly PlannedVolume[];
}

export interface ParsedAnnex {
  readonly shape: 'pte' | 'sabana';
  readonly sheet: string;
  readonly headerRow: number;
  /** Header texts of the header row (day columns as `DD/MM/AAAA`): the columns of the error workbook. */
  readonly header: readonly string[];
  readonly hasOkColumn: boolean;
  /** Rows with a unit that were not marked OK (sábana only). */
  readonly rowsNotSelected: number;
  readonly items: AnnexItem[];
  readonly errors: ParseRowError[];
  readonly dayColumns: readonly DayColumn[];
}

function identity(f: LineFields): string {
  return [f.subAnnex ?? '', f.code, f.conceptKey, f.unit].join('\u0001');
}

function readPlanned(r: RowReader, dayColumns: readonly DayColumn[]): PlannedVolume[] | null {
  const byDate = new Map<string, string>();
  let ok = true;
  for (const day of dayColumns) {
    const volume = r.decimalAt(day.index, 'volume');
    if (volume === null) ok = false;
    else if (volume !== '0') {
      const previous = byDate.get(day.date);
      byDate.set(day.date, previous === undefined ? volume : new Dec(previous).plus(volume).toFixed());
    }
  }
  if (!ok) return null;
  return [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, volume]) => ({ date, volume }));
}

export async function parseAnnex(input: Buffer | string, options: ParseOptions = {}): Promise<ParsedAnnex> {
  const workbook = await readWorkbook(input, options);
  const match = discoverHeader(workbook, {
    required: ['subAnnex', 'code', 'concept', 'unit', 'quantity', 'puMxn'],
    sheetRank: annexSheetRank,
  });
  assertDataRowLimit(match.sheet, match.headerRow, options.maxDataRows);
  const okIndex = match.columns.ok;
  const items: AnnexItem[] = [];
  const errors: ParseRowError[] = [];
  const firstRowOf = new Map<string, number>();
  let rowsNotSelected = 0;

  for (const row of match.sheet.rows) {
    if (row.number <= match.headerRow) continue;
    const r = new RowReader(match, row);
    if (isTitleRow(r)) continue;
    if (okIndex !== undefined && normaliseConcept(cellText(r.cellAt(okIndex))) !== 'OK') {
      rowsNotSelected++;
      continue;
    }
    const rawCode = r.raw('code');
    const fields = readLineFields(r, subAnnexOfExtraordinaryCode(rawCode === null ? null : String(rawCode)), { requireSubAnnex: false });
    const authorizedVolume = r.decimal('quantity', 'volume');
    const puMxn = r.decimal('puMxn', 'price');
    const puUsd = r.decimal('puUsd', 'price');
    const planned = readPlanned(r, match.dayColumns);
    if (fields !== null) {
      const key = identity(fields);
      const first = firstRowOf.get(key);
      if (first !== undefined) r.fail('code', `Partida repetida en el archivo: ${fields.code} (también en la fila ${first})`);
      else firstRowOf.set(key, row.number);
    }
    if (!r.ok || fields === null || authorizedVolume === null || puMxn === null || puUsd === null || planned === null) {
      errors.push(...r.errors);
      continue;
    }
    items.push({ sheet: match.sheet.name, row: row.number, ...fields, authorizedVolume, puMxn, puUsd, planned });
  }

  return {
    shape: okIndex !== undefined || match.dayColumns.length > 0 ? 'sabana' : 'pte',
    sheet: match.sheet.name,
    headerRow: match.headerRow,
    header: match.headers,
    hasOkColumn: okIndex !== undefined,
    rowsNotSelected,
    items,
    errors,
    dayColumns: match.dayColumns,
  };
}
