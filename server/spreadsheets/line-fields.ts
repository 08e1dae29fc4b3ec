/**
 * The identity fields every priced line carries (contract, PUE sheet, OT annex): sub-annex,
 * code, concept and unit, normalised with the domain rules and validated the same way.
 */
import { normaliseCode } from '../../domain/catalogue/code.js';
import { normaliseConcept } from '../../domain/catalogue/concept.js';
import { canonicalSubAnnex } from '../../domain/catalogue/sub-annex.js';
import { canonicalUnit, isBlankUnit } from '../../domain/catalogue/units.js';
import { cellText } from './cells.js';
import type { ColumnField } from './header-discovery.js';
import type { RowReader } from './row-reader.js';

export interface LineFields {
  /** Canonical sub-annex (`C-2`, `C3EXT`), or null when the row does not say and nothing implies it. */
  readonly subAnnex: string | null;
  /** Normalised code (`2.9.`, `C3EXT-0977`); see domain/catalogue/code.ts for the dot convention. */
  readonly code: string;
  /** The code exactly as written (numbers as their shortest text). */
  readonly codeRaw: string;
  /** Concept as written, whitespace collapsed: for display. */
  readonly concept: string;
  /** Identity key of the concept (upper case, no accents). */
  readonly conceptKey: string;
  /** Canonical unit code (`PZA`, `DIA`, `ML` = metro lineal). */
  readonly unit: string;
  /** Unit cell as written (`Día`, `TON `). */
  readonly unitRaw: string;
}

/** True when the row is a title, subtotal or signature row (no unit): skipped, not an error. */
export function isTitleRow(r: RowReader): boolean {
  return isBlankUnit(r.text('unit'));
}

/**
 * Reads and validates the identity fields; records row errors and returns null when any is bad.
 * `impliedSubAnnex` is used when the ANEXO cell is blank (sheet name, PUE code prefix);
 * `codeField` names the column holding the identifying code (default PARTIDA).
 */
export function readLineFields(
  r: RowReader,
  impliedSubAnnex: string | null,
  options: { readonly requireSubAnnex: boolean; readonly codeField?: ColumnField },
): LineFields | null {
  const before = r.errors.length;
  const codeField = options.codeField ?? 'code';
  const rawCode = r.raw(codeField);
  const codeRaw = rawCode === null ? '' : String(rawCode);
  const code = normaliseCode(rawCode);
  if (code === '') r.fail(codeField, 'Falta la partida');

  const concept = r.text('concept');
  if (concept === '') r.fail('concept', 'Falta el concepto');

  const unitIndex = r.index('unit');
  const unitCell = unitIndex === undefined ? null : r.cellAt(unitIndex);
  const unitRaw = typeof unitCell === 'string' ? unitCell : cellText(unitCell);
  const unit = canonicalUnit(unitRaw);
  if (unit === null) r.fail('unit', `Unidad desconocida: ${unitRaw.trim()}`);

  const annexText = r.text('subAnnex');
  const subAnnex = annexText === '' ? impliedSubAnnex : canonicalSubAnnex(annexText);
  if (annexText !== '' && subAnnex === null) r.fail('subAnnex', `Anexo no reconocido: ${annexText}`);
  else if (subAnnex === null && options.requireSubAnnex) r.fail('subAnnex', 'Falta el anexo');

  if (r.errors.length > before || unit === null) return null;
  return { subAnnex, code, codeRaw, concept, conceptKey: normaliseConcept(concept), unit: unit.code, unitRaw };
}
