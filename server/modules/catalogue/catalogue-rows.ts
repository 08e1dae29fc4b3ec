/**
 * Both catalogue workbooks (contract Anexo C, PUE sheet) → one row shape, and the diff of those
 * rows against what the contract's catalogue already holds. Pure: no database.
 */
import type { CatalogueFormat } from '../../../contracts/catalogue';
import { Dec } from '../../../domain/money';
import type { ContractCatalogue } from '../../spreadsheets/parse-contract-catalogue';
import type { PueCatalogue } from '../../spreadsheets/parse-pue-catalogue';
import type { ParseRowError } from '../../spreadsheets/row-reader';
import type { StoredCatalogueItem } from './catalogue.repository';

/** One catalogue item as the commit writes it. */
export interface CatalogueRow {
  sheet: string;
  row: number;
  subAnnex: string;
  code: string;
  extraCode: string | null;
  concept: string;
  conceptNorm: string;
  unit: string;
  referenceQty: string;
  puMxn: string;
  puUsd: string;
  kind: 'ordinary' | 'extraordinary';
  pueStatus: string | null;
  sanctionDate: string | null;
  originPte: string | null;
  originOt: string | null;
}

export function identityKey(i: { subAnnex: string; code: string; conceptNorm: string; unit: string }): string {
  return [i.subAnnex, i.code, i.conceptNorm, i.unit].join('\u0001');
}

export function rowsOfContract(parsed: ContractCatalogue): CatalogueRow[] {
  return parsed.items.map((i) => ({
    sheet: i.sheet,
    row: i.row,
    subAnnex: i.subAnnex,
    code: i.code,
    extraCode: null,
    concept: i.concept,
    conceptNorm: i.conceptKey,
    unit: i.unit,
    referenceQty: i.referenceQty,
    puMxn: i.puMxn,
    puUsd: i.puUsd,
    kind: 'ordinary',
    pueStatus: null,
    sanctionDate: null,
    originPte: null,
    originOt: null,
  }));
}

/** A PUE is identified by its ordinary code once sanctioned into an annex, else by its PUE code. */
export function rowsOfPue(parsed: PueCatalogue): CatalogueRow[] {
  return parsed.items.map((i) => ({
    sheet: i.sheet,
    row: i.row,
    subAnnex: i.subAnnex,
    code: i.ordinaryCode ?? i.extraordinaryCode ?? '',
    extraCode: i.extraordinaryCode,
    concept: i.concept,
    conceptNorm: i.conceptKey,
    unit: i.unit,
    referenceQty: i.referenceQty,
    puMxn: i.puMxn,
    puUsd: i.puUsd,
    kind: 'extraordinary',
    pueStatus: i.status,
    sanctionDate: i.sanctionDate,
    originPte: i.originPte,
    originOt: i.originOt,
  }));
}

function sameContent(a: CatalogueRow, b: CatalogueRow): boolean {
  return (
    new Dec(a.referenceQty).eq(b.referenceQty) &&
    new Dec(a.puMxn).eq(b.puMxn) &&
    new Dec(a.puUsd).eq(b.puUsd) &&
    a.extraCode === b.extraCode &&
    a.pueStatus === b.pueStatus &&
    a.sanctionDate === b.sanctionDate
  );
}

/**
 * Rows whose identity (sub-annex, code, concept, unit) repeats an earlier row of the file. An
 * identical repeat (same quantities and prices: the contract's C-4-1 lists `4.7` OPERARIO
 * ESPECIALISTA twice) is one catalogue item: merged, with a warning. A repeat that disagrees is an
 * error: nobody can tell which price is right.
 */
export function mergeDuplicates(rows: readonly CatalogueRow[]): {
  errors: ParseRowError[];
  warnings: ParseRowError[];
  unique: CatalogueRow[];
} {
  const first = new Map<string, CatalogueRow>();
  const errors: ParseRowError[] = [];
  const warnings: ParseRowError[] = [];
  const unique: CatalogueRow[] = [];
  for (const r of rows) {
    const key = identityKey(r);
    const prev = first.get(key);
    if (prev) {
      const same = sameContent(prev, r);
      (same ? warnings : errors).push({
        sheet: r.sheet,
        row: r.row,
        column: 'PARTIDA',
        columnLetter: '',
        reason_es: same
          ? `Partida ${r.code} repetida con el mismo concepto, unidad y precios que la fila ${prev.row} de la hoja «${prev.sheet}»: se registra una sola vez`
          : `Partida ${r.code} repetida con el mismo concepto y unidad que la fila ${prev.row} de la hoja «${prev.sheet}» pero con otra cantidad o precio`,
        values: [],
      });
      continue;
    }
    first.set(key, r);
    unique.push(r);
  }
  return { errors, warnings, unique };
}

const sameDec = (a: string | null, b: string | null) => new Dec(a ?? '0').eq(new Dec(b ?? '0'));

export interface CatalogueDiff {
  created: CatalogueRow[];
  changed: { row: CatalogueRow; existing: StoredCatalogueItem; fields: string[] }[];
  unchanged: number;
}

/** What differs between the file and the stored catalogue, per item. */
export function diffCatalogue(
  format: CatalogueFormat,
  rows: readonly CatalogueRow[],
  existing: readonly StoredCatalogueItem[],
): CatalogueDiff {
  const byIdentity = new Map(existing.map((e) => [identityKey({ ...e, unit: e.unitCode }), e]));
  const byExtraCode = new Map(existing.filter((e) => e.extraCode !== null).map((e) => [e.extraCode as string, e]));
  const diff: CatalogueDiff = { created: [], changed: [], unchanged: 0 };
  for (const row of rows) {
    // A PUE keeps its row when it is sanctioned into an annex (its identity changes, its PUE code does not).
    const found =
      (format === 'pue' && row.extraCode !== null ? byExtraCode.get(row.extraCode) : undefined) ?? byIdentity.get(identityKey(row));
    if (!found) {
      diff.created.push(row);
      continue;
    }
    const fields: string[] = [];
    if (found.subAnnex !== row.subAnnex) fields.push('subAnnex');
    if (found.code !== row.code) fields.push('code');
    if (found.concept !== row.concept) fields.push('concept');
    if (found.unitCode !== row.unit) fields.push('unit');
    if (!sameDec(found.referenceQty, row.referenceQty)) fields.push('referenceQty');
    if (!sameDec(found.puMxn, row.puMxn)) fields.push('puMxn');
    if (!sameDec(found.puUsd, row.puUsd)) fields.push('puUsd');
    if (format === 'pue') {
      if (found.pueStatus !== row.pueStatus) fields.push('pueStatus');
      if (found.sanctionDate !== row.sanctionDate) fields.push('sanctionDate');
      if (found.originPte !== row.originPte) fields.push('originPte');
      if (found.originOt !== row.originOt) fields.push('originOt');
    }
    if (fields.length) diff.changed.push({ row, existing: found, fields });
    else diff.unchanged++;
  }
  return diff;
}
