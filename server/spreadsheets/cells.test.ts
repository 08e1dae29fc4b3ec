import { describe, expect, it } from 'vitest';
import { cellDecimal, columnLetter, requireValue } from './cells.js';
import { MissingFormulaValue } from './read-workbook.js';
import { isSpreadsheetError } from './spreadsheet-error.js';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [11, 'L'],
    [25, 'Z'],
    [26, 'AA'],
    [41, 'AP'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
  });
});

describe('cellDecimal', () => {
  it.each([
    [172634.6, 'price', '172634.6'],
    [0.035, 'volume', '0.035'],
    [0.1 + 0.2, 'volume', '0.3'], // float noise from a formula is Excel's 15 digits away
    [1 / 24, 'volume', '0.041667'], // beyond the stored scale: half-even to 6 decimals
    [1463.98999999999, 'price', '1463.99'],
    [2.00005, 'price', '2'], // half-even at the 4th decimal
    [2.00015, 'price', '2.0002'],
    [1e-7, 'volume', '0'],
    [0, 'price', '0'],
    [null, 'price', '0'],
    ['', 'volume', '0'],
    ['-', 'volume', '0'],
    [' $ - ', 'price', '0'],
    ['$ 1,234.50', 'price', '1234.5'],
    ['12,345,678.123456', 'volume', '12345678.123456'],
    ['0.5', 'volume', '0.5'],
    ['.5', 'volume', '0.5'],
    ['1 000', 'volume', '1000'],
  ] as const)('%j (%s) → %s', (cell, kind, expected) => {
    expect(cellDecimal(cell, kind, 'X')).toEqual({ ok: true, value: expected });
  });

  it.each([['abc'], ['1.234,5'], ['12,34'], ['#N/A'], ['1e5'], [true], [new Date()], [Number.NaN], ['1.2.3']])(
    '%j is not a valid number',
    (cell) => {
      expect(cellDecimal(cell, 'volume', 'VOLUMEN PTE')).toEqual({ ok: false, reason_es: 'Número no válido en la columna VOLUMEN PTE' });
    },
  );

  it('refuses negatives and values too large for the column', () => {
    expect(cellDecimal(-1, 'volume', 'VOLUMEN PTE')).toEqual({ ok: false, reason_es: 'Número negativo en la columna VOLUMEN PTE' });
    expect(cellDecimal('1e13', 'volume', 'V').ok).toBe(false);
    expect(cellDecimal(1e12, 'volume', 'V')).toEqual({ ok: false, reason_es: 'Número demasiado grande en la columna V' });
    expect(cellDecimal(1e12, 'price', 'P')).toEqual({ ok: true, value: '1000000000000' });
  });
});

describe('requireValue', () => {
  it('fails the file on a formula without cached value, naming the cell', () => {
    let error: unknown;
    try {
      requireValue(new MissingFormulaValue('SUM(H3:H4)'), { sheet: 'ANEXO C', row: 14, column: 4, columnName: 'VOLUMEN PTE' });
    } catch (e) {
      error = e;
    }
    expect(isSpreadsheetError(error, 'formula_without_value')).toBe(true);
    expect((error as Error).message).toContain('La celda E14 (columna VOLUMEN PTE) de la hoja «ANEXO C»');
  });

  it('passes other values through', () => {
    expect(requireValue(3, { sheet: 'X', row: 1, column: 0, columnName: 'A' })).toBe(3);
    expect(requireValue(undefined, { sheet: 'X', row: 1, column: 0, columnName: 'A' })).toBeNull();
  });
});
