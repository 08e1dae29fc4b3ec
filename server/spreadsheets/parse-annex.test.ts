import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSabana } from './generate-sabana.js';
import { parseAnnex } from './parse-annex.js';
import { isSpreadsheetError } from './spreadsheet-error.js';
import { buildWorkbook, type TestCell } from './test-workbook.js';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures');

describe('parseAnnex on the PTE workbook (ot-annex-pte.xlsm)', async () => {
  const result = await parseAnnex(join(FIXTURES, 'ot-annex-pte.xlsm'));

  it('reads sheet ANEXO C with the machine header on row 11', () => {
    expect([result.shape, result.sheet, result.headerRow, result.hasOkColumn]).toEqual(['pte', 'ANEXO C', 11, false]);
    expect(result.header.slice(1, 11)).toEqual([
      'PARTIDA',
      'CONCEPTO',
      'UNIDAD',
      'VOLUMEN PTE',
      'P.U. M.N.',
      'P.U. USD',
      'PRECIO UNITARIO CON LETRA',
      'IMPORTE PTE M.N.',
      'IMPORTE PTE USD',
      'ANEXO',
    ]);
    expect(result.dayColumns).toEqual([]);
  });

  it('finds exactly 1 line item', () => {
    // How counted (cell by cell in the sheet XML): below the header (row 11) only rows 12–16 and 18 hold data.
    // Rows 12 ("2" + C-2 catalogue title) and 13 (group title) have no unit: titles. Row 14 is the only row with
    // a unit. Rows 15 ("SUBTOTAL ANEXO C-3EXT") and 16 ("IMPORTE DE LA PROPUESTA…") are totals without unit, and
    // row 18 is a lone #NAME? error cell. Rows 19–182 are empty (formatting only).
    expect(result.items).toHaveLength(1);
    expect(result.errors).toEqual([]);
    expect(result.items[0]).toEqual({
      sheet: 'ANEXO C',
      row: 14,
      subAnnex: 'C-2',
      code: '2.4.',
      codeRaw: '2.4.',
      concept: 'Tubo de acero al carbón de 12"Ø, XS, espesor de pared 0.750',
      conceptKey: 'TUBO DE ACERO AL CARBON DE 12"Ø, XS, ESPESOR DE PARED 0.750',
      unit: 'TON',
      unitRaw: 'TON',
      authorizedVolume: '2',
      puMxn: '172634.6',
      puUsd: '0',
      planned: [],
    });
  });
});

describe('parseAnnex on the sábana de recursos (ot-annex-sabana.xlsx)', async () => {
  const result = await parseAnnex(join(FIXTURES, 'ot-annex-sabana.xlsx'));

  it('reads sheet SABANA DE RECURSOS, header on row 2, 31 day columns L…AP = 2025-12-01…2025-12-31', () => {
    expect([result.shape, result.sheet, result.headerRow, result.hasOkColumn]).toEqual(['sabana', 'SABANA DE RECURSOS', 2, true]);
    expect(result.dayColumns).toHaveLength(31);
    expect(result.dayColumns[0]).toEqual({ index: 11, letter: 'L', date: '2025-12-01' });
    expect(result.dayColumns[30]).toEqual({ index: 41, letter: 'AP', date: '2025-12-31' });
    expect(result.dayColumns.map((d) => d.date)).toEqual(Array.from({ length: 31 }, (_, i) => `2025-12-${String(i + 1).padStart(2, '0')}`));
    expect(result.header.at(-1)).toBe('TOTALES');
  });

  it('takes exactly the 2 rows marked OK', () => {
    // How counted: data rows are 3–23. Rows 3, 6, 7, 8 are titles (no unit). Of the 17 rows with a unit
    // (4, 5, 9–23) only rows 10 and 11 carry "OK" in column B; the other 15 are not selected.
    // No day cell holds a volume in this file, so the programme is empty.
    expect(result.items.map((i) => i.row)).toEqual([10, 11]);
    expect(result.rowsNotSelected).toBe(15);
    expect(result.errors).toEqual([]);
    expect(result.items[0]).toMatchObject({
      subAnnex: 'C-2',
      code: '2.2.',
      unit: 'TON',
      authorizedVolume: '20',
      puMxn: '126009.03',
      puUsd: '0',
      planned: [],
    });
    expect(result.items[0]?.concept.startsWith('Tubo de acero al carbón de 10"Ø, estándar')).toBe(true);
    expect(result.items[1]).toMatchObject({
      subAnnex: 'C-2',
      code: '2.3.',
      unit: 'TON',
      authorizedVolume: '20',
      puMxn: '138775.26',
      puUsd: '0',
    });
    expect(result.items[1]?.concept.startsWith('Tubo de acero al carbón de 12"Ø, XS')).toBe(true);
  });
});

const SABANA_HEADER: TestCell[] = [
  'ID',
  'OK',
  'ANEXO',
  'PARTIDA',
  'CONCEPTO',
  'UNIDAD',
  'VOLUMEN PTE',
  'P.U. M.N.',
  'P.U. USD',
  '01-dic-25',
  '02-DIC-2025',
  '01-Dec-25',
  'TOTALES',
];

describe('parseAnnex rules', () => {
  it('reads Spanish-text day headers, sums a repeated day, and reports parse-level errors with the original row', async () => {
    const buffer = await buildWorkbook({
      'SABANA DE RECURSOS': [
        ['TITULO'],
        SABANA_HEADER,
        [1, 'ok', 'C-2', '2.1.', 'Tubo', 'M', 10.5, 100, 0, 1.25, null, 0.75, null],
        [2, 'OK', null, 'C3EXT-0977', 'Mapeo', 'SERVICIO', 1, 0, '141,510.08', null, 2, null, null],
        [3, 'OK', null, '9.9.', 'Sin anexo', 'LOTE', 1, 0, 0, null, null, null, null],
        [4, 'OK', 'C-2', '2.2.', 'Unidad rara', 'GALON', 1, 1, 0, null, null, null, null],
        [5, 'OK', 'C-2', '2.3.', 'Volumen malo', 'TON', 'diez', 1, 0, 'x', null, null, null],
        [6, 'OK', 'C-2', '2.1.', 'tubo', 'm', 3, 100, 0, null, null, null, null],
        [7, null, 'C-2', '2.4.', 'No seleccionada', 'GALON', 'x', 1, 0, null, null, null, null],
        [8, 'OK', 'C-2', null, 'Título sin unidad', null, null, null, null, null, null, null, null],
      ],
    });
    const result = await parseAnnex(buffer);
    expect(result.dayColumns.map((d) => [d.letter, d.date])).toEqual([
      ['J', '2025-12-01'],
      ['K', '2025-12-02'],
      ['L', '2025-12-01'],
    ]);
    expect(result.items.map((i) => [i.row, i.subAnnex, i.code, i.unit, i.authorizedVolume, i.puUsd, i.planned])).toEqual([
      [3, 'C-2', '2.1.', 'M', '10.5', '0', [{ date: '2025-12-01', volume: '2' }]],
      [4, 'C3EXT', 'C3EXT-0977', 'SERVICIO', '1', '141510.08', [{ date: '2025-12-02', volume: '2' }]],
      [5, null, '9.9.', 'LOTE', '1', '0', []],
    ]);
    expect(result.rowsNotSelected).toBe(1);
    expect(result.errors.map((e) => [e.row, e.column, e.reason_es])).toEqual([
      [6, 'UNIDAD', 'Unidad desconocida: GALON'],
      [7, 'VOLUMEN PTE', 'Número no válido en la columna VOLUMEN PTE'],
      [7, '01/12/2025', 'Número no válido en la columna 01/12/2025'],
      [8, 'PARTIDA', 'Partida repetida en el archivo: 2.1. (también en la fila 3)'],
    ]);
    expect(result.errors[1]?.values).toEqual([5, 'OK', 'C-2', '2.3.', 'Volumen malo', 'TON', 'diez', 1, 0, 'x', null, null, null]);
  });

  it('prefers ANEXO C over a sábana copy and over other sheets with similar headers', async () => {
    const table = (code: string): TestCell[][] => [
      ['PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.', 'ANEXO'],
      [code, 'Tubo', 'M', 1, 1, 'C-2'],
    ];
    const buffer = await buildWorkbook({ 'ANEXO DE-MN': table('9.9.'), 'SABANA DE RECURSOS (2)': table('8.8.'), 'ANEXO C': table('2.1.') });
    const result = await parseAnnex(buffer);
    expect([result.sheet, result.items.map((i) => i.code)]).toEqual(['ANEXO C', ['2.1.']]);
  });

  it('fails the file when a needed cell is a formula without cached value, but not for ignored columns', async () => {
    const rows = (volume: TestCell): TestCell[][] => [
      ['TITULO'],
      SABANA_HEADER,
      [1, 'OK', 'C-2', '2.1.', 'Tubo', 'M', volume, 100, 0, null, null, null, { formula: 'SUM(J3:L3)' }],
    ];
    const fine = await parseAnnex(await buildWorkbook({ SABANA: rows(5) }));
    expect(fine.items).toHaveLength(1);
    const error = await parseAnnex(await buildWorkbook({ SABANA: rows({ formula: 'H9*2' }) })).catch((e: unknown) => e);
    expect(isSpreadsheetError(error, 'formula_without_value')).toBe(true);
    expect((error as Error).message).toContain('La celda G3 (columna VOLUMEN PTE) de la hoja «SABANA»');
  });
});

describe('parseAnnex on a generated 3,000 × 31 sábana', async () => {
  const buffer = await generateSabana({ rows: 3000, days: 31, seed: 42 });
  const t0 = performance.now();
  const result = await parseAnnex(buffer);
  const cold = performance.now() - t0;
  const t1 = performance.now();
  const again = await parseAnnex(buffer);
  const warm = performance.now() - t1;
  console.info(
    `parseAnnex(3,000 rows × 31 days, ${(buffer.length / 1024).toFixed(0)} KiB): cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(0)} ms`,
  );

  // Timing is measured by `npm run bench` (S3), never asserted in tests.
  it('parses every row and day', () => {
    expect(result.items).toHaveLength(3000);
    expect(result.errors).toEqual([]);
    expect(result.dayColumns).toHaveLength(31);
    expect(result.items.some((i) => i.planned.length > 0)).toBe(true);
    expect(again.items).toEqual(result.items);
  });

  it('is deterministic per seed and reads text day headers the same as date cells', async () => {
    const textual = await parseAnnex(await generateSabana({ rows: 3000, days: 31, seed: 42, dayHeaders: 'text-es' }));
    expect(textual.dayColumns).toEqual(result.dayColumns);
    expect(textual.items).toEqual(result.items);
    const other = await parseAnnex(await generateSabana({ rows: 3000, days: 31, seed: 43 }));
    expect(other.items).not.toEqual(result.items);
  });
});
