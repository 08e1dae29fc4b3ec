/**
 * Cell-level conversions shared by the parsers: text, exact decimals, column letters, and the
 * plain copy of a row kept for the error report.
 */
import { Dec, UNIT_PRICE_DECIMALS, UNIT_PRICE_MAX_INTEGER_DIGITS, VOLUME_DECIMALS, VOLUME_MAX_INTEGER_DIGITS } from '../../domain/money.js';
import { MissingFormulaValue, type CellValue } from './read-workbook.js';
import { SpreadsheetError } from './spreadsheet-error.js';

/** A cell as written back into the error workbook. */
export type PlainCell = string | number | boolean | Date | null;

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Where a cell is, for messages. */
export interface CellLocation {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** Header text of the column, as the user sees it. */
  readonly columnName: string;
}

/**
 * Fails the whole file when a cell the import needs is a formula with no stored result: every
 * such cell would be read as empty, silently, so the file must be recalculated (opened and saved
 * in Excel) first.
 */
export function requireValue(cell: CellValue | undefined, at: CellLocation): Exclude<CellValue, MissingFormulaValue> {
  if (cell instanceof MissingFormulaValue) {
    const ref = `${columnLetter(at.column)}${at.row}`;
    throw new SpreadsheetError(
      'formula_without_value',
      `La celda ${ref} (columna ${at.columnName}) de la hoja «${at.sheet}» tiene una fórmula sin valor calculado. Abra el archivo en Excel, guárdelo y vuelva a subirlo.`,
      { sheet: at.sheet, row: at.row, column: columnLetter(at.column), formula: cell.formula },
    );
  }
  return cell ?? null;
}

/** Display text of a cell: trimmed, inner whitespace collapsed; numbers in their shortest form. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined || cell instanceof MissingFormulaValue) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Copy of a row for the error report (formula markers become empty cells). */
export function plainCells(cells: readonly CellValue[], width: number): PlainCell[] {
  const out: PlainCell[] = [];
  for (let i = 0; i < Math.max(width, cells.length); i++) {
    const c = cells[i];
    out.push(c === undefined || c instanceof MissingFormulaValue ? null : c);
  }
  return out;
}

export type DecimalKind = 'volume' | 'price';

const RULES: Record<DecimalKind, { decimals: number; limit: Dec; shortForm: RegExp }> = {
  volume: {
    decimals: VOLUME_DECIMALS,
    limit: new Dec(10).pow(VOLUME_MAX_INTEGER_DIGITS),
    shortForm: shortForm(VOLUME_DECIMALS, VOLUME_MAX_INTEGER_DIGITS),
  },
  price: {
    decimals: UNIT_PRICE_DECIMALS,
    limit: new Dec(10).pow(UNIT_PRICE_MAX_INTEGER_DIGITS),
    shortForm: shortForm(UNIT_PRICE_DECIMALS, UNIT_PRICE_MAX_INTEGER_DIGITS),
  },
};

/**
 * Fast path (a sábana has ~100,000 day cells): a number whose shortest JS spelling is already a
 * canonical decimal within scale, like `1.25` or `172634.6`, *is* its decimal string.
 */
function shortForm(decimals: number, integerDigits: number): RegExp {
  return new RegExp(`^(?:0|[1-9]\\d{0,${integerDigits - 1}})(?:\\.\\d{0,${decimals - 1}}[1-9])?$`);
}

/** Plain decimal, or digits grouped by commas in threes (`1,234.5`); nothing else is guessed. */
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

export type DecimalCell = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason_es: string };

/**
 * A numeric cell → canonical decimal string (`'172634.6'`, `'0.035'`, `'0'`), never via float
 * arithmetic. Blank, `-` and `$ -` mean 0 (how the workbooks write "nothing").
 * Numbers are first reduced to Excel's own 15 significant digits (so a formula result such as
 * 0.30000000000000004 is 0.3), then rounded half-even to the stored scale (6 decimals for
 * volumes, 4 for prices): the file's value is what the database column can hold, as Excel would
 * display it. Text may carry `$`, spaces and thousands commas; a European `1.234,5` is refused
 * rather than guessed. Negative values are refused (no negative volume or price exists).
 */
export function cellDecimal(cell: Exclude<CellValue, MissingFormulaValue> | undefined, kind: DecimalKind, columnName: string): DecimalCell {
  const invalid = { ok: false, reason_es: `Número no válido en la columna ${columnName}` } as const;
  const rules = RULES[kind];
  let d: Dec;
  if (cell === null || cell === undefined) return { ok: true, value: '0' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return invalid;
    const short = String(cell);
    if (rules.shortForm.test(short)) return { ok: true, value: short };
    d = new Dec(cell.toPrecision(15));
  } else if (typeof cell === 'string') {
    const text = cell.replace(/[\s\u00a0$]/g, '');
    if (text === '' || text === '-') return { ok: true, value: '0' };
    if (PLAIN.test(text)) d = new Dec(text);
    else if (GROUPED.test(text)) d = new Dec(text.replace(/,/g, ''));
    else return invalid;
  } else {
    return invalid;
  }
  if (d.isNegative() && !d.isZero()) return { ok: false, reason_es: `Número negativo en la columna ${columnName}` };
  d = d.toDecimalPlaces(rules.decimals, Dec.ROUND_HALF_EVEN);
  if (d.abs().gte(rules.limit)) return { ok: false, reason_es: `Número demasiado grande en la columna ${columnName}` };
  return { ok: true, value: d.isZero() ? '0' : d.toFixed() };
}
