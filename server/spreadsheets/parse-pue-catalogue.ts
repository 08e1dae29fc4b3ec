/**
 * The `PUE´s BME` sheet (extraordinary unit prices) → catalogue items (no database).
 *
 * Layout (original-system.md A.2; also copied into every sábana workbook with an extra
 * `Columna1`): header on row 1; `PARTIDA EXT` (`C3EXT-0977`) on every row; `ANEXO` + ordinary
 * `PARTIDA` only on PUEs already sanctioned into a new annex (C-7…C-20); ESTATUS, FECHA SANCION
 * (a date cell, read as a serial), PTE/OT CREACION (origin folios), COMENTARIO (project tag).
 */
import { normaliseCode } from '../../domain/catalogue/code.js';
import { normaliseConcept } from '../../domain/catalogue/concept.js';
import { dateToIso, excelSerialToIso, parseDayText } from '../../domain/catalogue/day-header.js';
import { subAnnexOfExtraordinaryCode } from '../../domain/catalogue/sub-annex.js';
import { discoverHeader } from './header-discovery.js';
import { readLineFields } from './line-fields.js';
import { countBySubAnnex, type ParseOptions } from './parse-contract-catalogue.js';
import { assertDataRowLimit, readWorkbook, sheetNameKey } from './read-workbook.js';
import { RowReader, type ParseRowError } from './row-reader.js';
import { SpreadsheetError } from './spreadsheet-error.js';

export const PUE_SHEET_NAME = 'PUE´s BME';

/** PUE lifecycle as the workbook writes it (accents and gender variants folded). */
export type PueStatus = 'EN ELABORACION' | 'CANCELADA' | 'AUTORIZADO';

const STATUS_OF: Readonly<Record<string, PueStatus>> = {
  'EN ELABORACION': 'EN ELABORACION',
  ELABORACION: 'EN ELABORACION',
  CANCELADA: 'CANCELADA',
  CANCELADO: 'CANCELADA',
  AUTORIZADO: 'AUTORIZADO',
  AUTORIZADA: 'AUTORIZADO',
};

export interface PueCatalogueItem {
  readonly sheet: string;
  readonly row: number;
  /** Where the item lives now: the `ANEXO` cell (`C-11`) when sanctioned into an annex, else its EXT annex (`C3EXT`). */
  readonly subAnnex: string;
  /** The EXT annex from the `PARTIDA EXT` prefix (`C3EXT-0977` → `C3EXT`), null without EXT code. */
  readonly extSubAnnex: string | null;
  /** Normalised ordinary code (`10C-11`), null when not yet sanctioned into an annex. */
  readonly ordinaryCode: string | null;
  /** Normalised `PARTIDA EXT` (`C3EXT-0977`). */
  readonly extraordinaryCode: string | null;
  readonly concept: string;
  readonly conceptKey: string;
  readonly unit: string;
  readonly unitRaw: string;
  readonly referenceQty: string;
  readonly puMxn: string;
  readonly puUsd: string;
  readonly status: PueStatus | null;
  /** FECHA SANCION as `YYYY-MM-DD`. */
  readonly sanctionDate: string | null;
  readonly originPte: string | null;
  readonly originOt: string | null;
  readonly comment: string | null;
}

export interface PueCatalogue {
  readonly sheet: string;
  readonly headerRow: number;
  readonly items: PueCatalogueItem[];
  readonly errors: ParseRowError[];
  readonly counts: Record<string, number>;
}

function readStatus(r: RowReader): PueStatus | null | undefined {
  const text = normaliseConcept(r.text('status'));
  if (text === '') return null;
  const status = STATUS_OF[text];
  if (status === undefined) r.fail('status', `Estatus desconocido: ${r.text('status')}`);
  return status;
}

function readDate(r: RowReader, date1904: boolean): string | null | undefined {
  const i = r.index('sanctionDate');
  if (i === undefined) return null;
  const cell = r.cellAt(i);
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return null;
  const iso =
    typeof cell === 'number'
      ? excelSerialToIso(cell, date1904)
      : cell instanceof Date
        ? dateToIso(cell)
        : typeof cell === 'string'
          ? parseDayText(cell)
          : null;
  if (iso === null) r.fail('sanctionDate', `Fecha no válida en la columna ${r.match.headers[i] ?? 'FECHA SANCION'}`);
  return iso ?? undefined;
}

export async function parsePueCatalogue(input: Buffer | string, options: ParseOptions = {}): Promise<PueCatalogue> {
  const key = sheetNameKey(PUE_SHEET_NAME);
  const workbook = await readWorkbook(input, {
    ...options,
    requiredSheets: [PUE_SHEET_NAME],
    includeSheet: (name) => sheetNameKey(name) === key,
  });
  const match = discoverHeader(workbook, { required: ['extCode', 'concept', 'unit'], onlySheet: (s) => sheetNameKey(s.name) === key });
  assertDataRowLimit(match.sheet, match.headerRow, options.maxDataRows);

  const items: PueCatalogueItem[] = [];
  const errors: ParseRowError[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const row of match.sheet.rows) {
    if (row.number <= match.headerRow) continue;
    const r = new RowReader(match, row);
    const rawExt = r.raw('extCode');
    const extraordinaryCode = normaliseCode(rawExt) || null;
    const ordinaryCode = normaliseCode(r.raw('code')) || null;
    if (extraordinaryCode === null && ordinaryCode === null && r.text('concept') === '') continue;
    const extSubAnnex = subAnnexOfExtraordinaryCode(extraordinaryCode);
    // A PUE not yet sanctioned into an annex is identified by its EXT code.
    const codeField = ordinaryCode === null ? 'extCode' : 'code';
    const fields = readLineFields(r, extSubAnnex, { requireSubAnnex: true, codeField });
    if (extraordinaryCode === null && ordinaryCode !== null) r.fail('extCode', 'Falta la partida extraordinaria (PARTIDA EXT)');
    const referenceQty = r.decimal('quantity', 'volume');
    const puMxn = r.decimal('puMxn', 'price');
    const puUsd = r.decimal('puUsd', 'price');
    const status = readStatus(r);
    const sanctionDate = readDate(r, workbook.date1904);
    if (extraordinaryCode !== null) {
      const first = firstRowOfCode.get(extraordinaryCode);
      if (first !== undefined) r.fail('extCode', `Partida extraordinaria repetida: ${extraordinaryCode} (también en la fila ${first})`);
      else firstRowOfCode.set(extraordinaryCode, row.number);
    }
    if (
      !r.ok ||
      fields === null ||
      fields.subAnnex === null ||
      referenceQty === null ||
      puMxn === null ||
      puUsd === null ||
      status === undefined ||
      sanctionDate === undefined
    ) {
      errors.push(...r.errors);
      continue;
    }
    items.push({
      sheet: match.sheet.name,
      row: row.number,
      subAnnex: fields.subAnnex,
      extSubAnnex,
      ordinaryCode,
      extraordinaryCode,
      concept: fields.concept,
      conceptKey: fields.conceptKey,
      unit: fields.unit,
      unitRaw: fields.unitRaw,
      referenceQty,
      puMxn,
      puUsd,
      status,
      sanctionDate,
      originPte: r.text('originPte') || null,
      originOt: r.text('originOt') || null,
      comment: r.text('comment') || null,
    });
  }
  if (items.length === 0 && errors.length === 0) {
    throw new SpreadsheetError('header_not_found', `La hoja «${match.sheet.name}» no tiene partidas debajo del encabezado.`, {
      sheet: match.sheet.name,
    });
  }
  return { sheet: match.sheet.name, headerRow: match.headerRow, items, errors, counts: countBySubAnnex(items) };
}
