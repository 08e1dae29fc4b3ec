/**
 * Reads the mapped fields of one data row and collects that row's problems, so every parser
 * reports errors the same way: per row and column, with the original values for the error file.
 */
import { cellDecimal, cellText, columnLetter, plainCells, requireValue, type DecimalKind, type PlainCell } from './cells.js';
import type { ColumnField, HeaderMatch } from './header-discovery.js';
import type { CellValue, MissingFormulaValue, SheetRow } from './read-workbook.js';

/** A row-level problem. Nothing is imported while any exists (spec §3.5). */
export interface ParseRowError {
  readonly sheet: string;
  /** 1-based row number in the sheet. */
  readonly row: number;
  /** Header text of the offending column (`VOLUMEN PTE`, `01/12/2025`). */
  readonly column: string;
  readonly columnLetter: string;
  readonly reason_es: string;
  /** The row's original cells, aligned with the header, for the `OBSERVACIONES` workbook. */
  readonly values: readonly PlainCell[];
}

export class RowReader {
  readonly errors: ParseRowError[] = [];

  constructor(
    readonly match: HeaderMatch,
    readonly row: SheetRow,
  ) {}

  /** Column index of a field, if the header has it. */
  index(field: ColumnField): number | undefined {
    return this.match.columns[field];
  }

  /** The cell at a column, failing the file on a formula without cached value. */
  cellAt(index: number): Exclude<CellValue, MissingFormulaValue> {
    return requireValue(this.row.cells[index], {
      sheet: this.match.sheet.name,
      row: this.row.number,
      column: index,
      columnName: this.match.headers[index] ?? columnLetter(index),
    });
  }

  /** Trimmed text of a field ('' when the column is absent or blank). */
  text(field: ColumnField): string {
    const i = this.index(field);
    return i === undefined ? '' : cellText(this.cellAt(i));
  }

  /** Raw (non-normalised) value of a field, for codes that may be numeric cells. */
  raw(field: ColumnField): string | number | null {
    const i = this.index(field);
    if (i === undefined) return null;
    const v = this.cellAt(i);
    return typeof v === 'number' ? v : cellText(v) || null;
  }

  /** Decimal of a field (`'0'` when the column is absent); `null` after recording an error. */
  decimal(field: ColumnField, kind: DecimalKind): string | null {
    const i = this.index(field);
    return i === undefined ? '0' : this.decimalAt(i, kind);
  }

  decimalAt(index: number, kind: DecimalKind): string | null {
    const name = this.match.headers[index] || columnLetter(index);
    const result = cellDecimal(this.cellAt(index), kind, name);
    if (result.ok) return result.value;
    this.failAt(index, result.reason_es);
    return null;
  }

  /** Records a problem on a field's column (or the row's first column when the field is absent). */
  fail(field: ColumnField, reason_es: string): void {
    this.failAt(this.index(field) ?? 0, reason_es);
  }

  failAt(index: number, reason_es: string): void {
    this.errors.push({
      sheet: this.match.sheet.name,
      row: this.row.number,
      column: this.match.headers[index] || columnLetter(index),
      columnLetter: columnLetter(index),
      reason_es,
      values: plainCells(this.row.cells, this.match.headers.length),
    });
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
