/**
 * The contract's Anexo C workbook → catalogue line items (no database).
 *
 * Layout (original-system.md A.1): one sheet per sub-annex, 5 title rows, header on row 6
 * (`ANEXO, PARTIDA, CONCEPTO, UNIDAD, CANTIDADES DE REFERENCIA, P.U. MN, P.U. USD, …`), section
 * title rows with code and concept but no unit (skipped), a place/date and signature block at
 * the end (no unit: skipped). The `Anexo C-CR` summary sheet has no P.U. columns on one header
 * row, so header discovery leaves it out (reported in `skippedSheets`), as the legacy importer did.
 */
import { compareSubAnnex, canonicalSubAnnex } from '../../domain/catalogue/sub-annex.js';
import { discoverHeaders } from './header-discovery.js';
import { isTitleRow, readLineFields } from './line-fields.js';
import { assertDataRowLimit, readWorkbook, type ReadWorkbookOptions } from './read-workbook.js';
import { RowReader, type ParseRowError } from './row-reader.js';

export interface ContractCatalogueItem {
  readonly sheet: string;
  readonly row: number;
  readonly subAnnex: string;
  readonly code: string;
  readonly codeRaw: string;
  readonly concept: string;
  readonly conceptKey: string;
  /** Canonical unit code. */
  readonly unit: string;
  readonly unitRaw: string;
  /** "Cantidades de referencia", 6 decimals max, as a decimal string. */
  readonly referenceQty: string;
  /** Unit prices, 4 decimals max, decimal strings (`'0'` when blank). */
  readonly puMxn: string;
  readonly puUsd: string;
}

export interface ContractCatalogue {
  readonly items: ContractCatalogueItem[];
  readonly errors: ParseRowError[];
  /** Items per canonical sub-annex, keys in natural order. */
  readonly counts: Record<string, number>;
  readonly sheets: { name: string; headerRow: number; items: number }[];
  readonly skippedSheets: { sheet: string; reason_es: string }[];
}

export type ParseOptions = Pick<ReadWorkbookOptions, 'maxDataRows' | 'onProgress'>;

/** Items per sub-annex with keys in natural order (`C-2`, `C-3`, …, `C-4-1`, …). */
export function countBySubAnnex(items: readonly { subAnnex: string | null }[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = item.subAnnex ?? 'S/A';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => compareSubAnnex(a, b)));
}

export async function parseContractCatalogue(input: Buffer | string, options: ParseOptions = {}): Promise<ContractCatalogue> {
  const workbook = await readWorkbook(input, options);
  const { matches, skipped } = discoverHeaders(workbook, { required: ['code', 'concept', 'unit', 'puMxn'] });
  const items: ContractCatalogueItem[] = [];
  const errors: ParseRowError[] = [];
  const sheets: ContractCatalogue['sheets'] = [];

  for (const match of matches) {
    assertDataRowLimit(match.sheet, match.headerRow, options.maxDataRows);
    // `Anexo C-2-CR` → C-2: used only when a row's ANEXO cell is blank.
    const sheetSubAnnex = canonicalSubAnnex(match.sheet.name);
    const before = items.length;
    for (const row of match.sheet.rows) {
      if (row.number <= match.headerRow) continue;
      const r = new RowReader(match, row);
      if (isTitleRow(r)) continue;
      const fields = readLineFields(r, sheetSubAnnex, { requireSubAnnex: true });
      const referenceQty = r.decimal('quantity', 'volume');
      const puMxn = r.decimal('puMxn', 'price');
      const puUsd = r.decimal('puUsd', 'price');
      if (fields === null || fields.subAnnex === null || referenceQty === null || puMxn === null || puUsd === null) {
        errors.push(...r.errors);
        continue;
      }
      items.push({ sheet: match.sheet.name, row: row.number, ...fields, subAnnex: fields.subAnnex, referenceQty, puMxn, puUsd });
    }
    sheets.push({ name: match.sheet.name, headerRow: match.headerRow, items: items.length - before });
  }
  return { items, errors, counts: countBySubAnnex(items), sheets, skippedSheets: skipped };
}
