/**
 * Matches the rows of an OT annex workbook against the contract catalogue (pure, no database).
 *
 * Catalogue identity in practice is (code, concept, unit) (original-system.md §1.2): the same code
 * can name several concepts (`4.7.` welder / pipe-fitter), and a PUE can be cited by its PUE code
 * (`C3EXT-0977`) even after it was sanctioned into an annex under an ordinary code. A row that
 * matches nothing gets the reason the field needs (concept or unit differs, wrong code, unknown).
 * Prices: the catalogue's wins when it is > 0, per currency (as in the field); the file's is kept
 * to show where they differed.
 */
import { Dec } from '../../../domain/money';
import type { AnnexItem } from '../../spreadsheets/parse-annex';
import type { ParseRowError } from '../../spreadsheets/row-reader';
import type { StoredCatalogueItem } from '../catalogue/catalogue.repository';

/** A row of the file resolved to a catalogue item: what a line item version will state. */
export interface ResolvedRow {
  sheet: string;
  row: number;
  subAnnex: string;
  code: string;
  concept: string;
  conceptNorm: string;
  unitId: number;
  unitCode: string;
  catalogueItemId: number;
  statedVolume: string;
  puMxn: string;
  puUsd: string;
  filePuMxn: string;
  filePuUsd: string;
  planned: { date: string; volume: string }[];
}

export const lineKey = (i: { subAnnex: string; code: string; conceptNorm: string; unitId: number }) =>
  [i.subAnnex, i.code, i.conceptNorm, String(i.unitId)].join('\u0001');

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class CatalogueIndex {
  private readonly byCode = new Map<string, StoredCatalogueItem[]>();
  private readonly byConcept = new Map<string, StoredCatalogueItem[]>();

  constructor(items: readonly StoredCatalogueItem[]) {
    for (const item of items) {
      push(this.byCode, item.code, item);
      if (item.extraCode !== null && item.extraCode !== item.code) push(this.byCode, item.extraCode, item);
      push(this.byConcept, item.conceptNorm, item);
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  withCode(code: string): StoredCatalogueItem[] {
    return this.byCode.get(code) ?? [];
  }

  withConcept(conceptNorm: string): StoredCatalogueItem[] {
    return this.byConcept.get(conceptNorm) ?? [];
  }
}

const positive = (s: string) => new Dec(s).gt(0);

function error(item: AnnexItem, column: string, reason_es: string): ParseRowError {
  return { sheet: item.sheet, row: item.row, column, columnLetter: '', reason_es, values: [] };
}

function mismatch(item: AnnexItem, sameCode: StoredCatalogueItem[], index: CatalogueIndex): ParseRowError {
  if (sameCode.length) {
    const sameConcept = sameCode.filter((c) => c.conceptNorm === item.conceptKey);
    if (sameConcept.length) {
      const units = [...new Set(sameConcept.map((c) => c.unitCode))].join(', ');
      return error(
        item,
        'UNIDAD',
        `La partida ${item.code} existe en el catálogo con otra unidad: archivo «${item.unitRaw.trim()}», catálogo «${units}»`,
      );
    }
    const units = new Set(sameCode.map((c) => c.unitCode));
    const unitToo = units.has(item.unit) ? '' : ` y otra unidad (catálogo: ${[...units].join(', ')})`;
    return error(item, 'CONCEPTO', `La partida ${item.code} existe en el catálogo pero con otro concepto${unitToo}: revise la descripción`);
  }
  const sameConcept = index.withConcept(item.conceptKey).filter((c) => c.unitCode === item.unit);
  if (sameConcept.length) {
    const codes = [...new Set(sameConcept.map((c) => c.code))].slice(0, 3).join(', ');
    return error(item, 'PARTIDA', `Partida incorrecta: ${item.code} no existe en el catálogo; ese concepto es la partida ${codes}`);
  }
  return error(item, 'PARTIDA', `La partida ${item.code} no está en el catálogo del contrato`);
}

export function resolveAnnexRows(items: readonly AnnexItem[], index: CatalogueIndex): { rows: ResolvedRow[]; errors: ParseRowError[] } {
  const rows: ResolvedRow[] = [];
  const errors: ParseRowError[] = [];
  const firstRow = new Map<string, number>();
  for (const item of items) {
    const sameCode = index.withCode(item.code);
    const matches = sameCode.filter((c) => c.conceptNorm === item.conceptKey && c.unitCode === item.unit);
    const match = matches.find((c) => c.subAnnex === item.subAnnex) ?? matches[0];
    if (!match) {
      errors.push(mismatch(item, sameCode, index));
      continue;
    }
    const row: ResolvedRow = {
      sheet: item.sheet,
      row: item.row,
      subAnnex: item.subAnnex ?? match.subAnnex,
      code: item.code,
      concept: match.concept,
      conceptNorm: match.conceptNorm,
      unitId: match.unitId,
      unitCode: match.unitCode,
      catalogueItemId: match.id,
      statedVolume: item.authorizedVolume,
      puMxn: positive(match.puMxn) ? new Dec(match.puMxn).toFixed() : item.puMxn,
      puUsd: positive(match.puUsd) ? new Dec(match.puUsd).toFixed() : item.puUsd,
      filePuMxn: item.puMxn,
      filePuUsd: item.puUsd,
      planned: [...item.planned],
    };
    const key = lineKey(row);
    const first = firstRow.get(key);
    if (first !== undefined) {
      errors.push(
        error(item, 'PARTIDA', `Partida repetida: ${row.code} ya está en la fila ${first} con el mismo anexo, concepto y unidad`),
      );
      continue;
    }
    firstRow.set(key, row.row);
    rows.push(row);
  }
  return { rows, errors };
}
