import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excelSerialToIso, parseDayHeader } from './day-header.js';

describe('parseDayHeader', () => {
  it.each([
    // sábana fixture: L2 = 45992 (date cell read without styles) … AP2 = 46022
    [45992, '2025-12-01'],
    [46022, '2025-12-31'],
    [45992.75, '2025-12-01'],
    [new Date(Date.UTC(2025, 11, 1)), '2025-12-01'],
    ['01-dic-25', '2025-12-01'],
    ['01-DIC-2025', '2025-12-01'],
    ['1-Dic-25', '2025-12-01'],
    ['01-dic.-25', '2025-12-01'],
    ['01-Dec-25', '2025-12-01'],
    ['31-ago-25', '2025-08-31'],
    ['5 ene 2026', '2026-01-05'],
    ['01/sept/2025', '2025-09-01'],
    ['1 de diciembre de 2025', '2025-12-01'],
    ['1/12/2025', '2025-12-01'],
    ['01/12/25', '2025-12-01'],
    ['13.01.2026', '2026-01-13'],
    ['2025-12-01', '2025-12-01'],
    ['2025-12-01T00:00:00.000Z', '2025-12-01'],
    ['29-feb-24', '2024-02-29'],
    [' 01-DIC-25 ', '2025-12-01'],
  ] as const)('%j → %s', (cell, iso) => {
    expect(parseDayHeader(cell)).toBe(iso);
  });

  it.each([
    ['TOTALES'],
    ['ID'],
    ['VOLUMEN PTE'],
    [''],
    ['31-feb-25'],
    ['29-feb-25'],
    ['32/12/2025'],
    ['01-xyz-25'],
    ['12/31/2025'],
    [1],
    [31],
    [2025],
    [-5],
    [Number.NaN],
    [null],
    [undefined],
    [true],
    [{ formula: 'L2+1' }],
    [new Date(Number.NaN)],
  ] as const)('%j is not a day header', (cell) => {
    expect(parseDayHeader(cell)).toBeNull();
  });

  it('round-trips every day of 2000–2099 through its Excel serial and its Spanish text', () => {
    const es = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
    fc.assert(
      fc.property(fc.integer({ min: 36526, max: 73050 }), (serial) => {
        const iso = excelSerialToIso(serial);
        expect(iso).not.toBeNull();
        const [y, m, d] = (iso as string).split('-');
        expect(parseDayHeader(`${d}-${es[Number(m) - 1]}-${y?.slice(2)}`)).toBe(iso);
        expect(parseDayHeader(`${Number(d)}/${Number(m)}/${y}`)).toBe(iso);
      }),
    );
  });

  it('honours the 1904 date system', () => {
    expect(parseDayHeader(45992 - 1462, { date1904: true })).toBe('2025-12-01');
  });
});
