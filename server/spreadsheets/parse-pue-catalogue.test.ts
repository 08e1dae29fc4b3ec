import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePueCatalogue } from './parse-pue-catalogue.js';
import { isSpreadsheetError } from './spreadsheet-error.js';
import { buildWorkbook } from './test-workbook.js';

const SABANA = join(import.meta.dirname, '../../tests/fixtures/ot-annex-sabana.xlsx');

describe('parsePueCatalogue on the PUE´s BME sheet of the sábana fixture', async () => {
  const t0 = performance.now();
  const result = await parsePueCatalogue(SABANA);
  console.info(`parsePueCatalogue(ot-annex-sabana.xlsx): ${(performance.now() - t0).toFixed(0)} ms`);
  const tally = (f: (i: (typeof result.items)[number]) => string | null) => {
    const m: Record<string, number> = {};
    for (const i of result.items) {
      const k = f(i) ?? 'null';
      m[k] = (m[k] ?? 0) + 1;
    }
    return m;
  };

  it('reads exactly 3,056 PUE rows (header on row 1), all valid', () => {
    expect(result.headerRow).toBe(1);
    expect(result.items).toHaveLength(3056);
    expect(result.errors).toEqual([]);
  });

  it('matches the census of original-system.md A.2', () => {
    expect(tally((i) => i.extSubAnnex)).toEqual({ C3EXT: 1869, C2EXT: 985, C5EXT: 168, C4EXT: 28, C1EXT: 5, C6EXT: 1 });
    expect(result.items.filter((i) => i.ordinaryCode !== null)).toHaveLength(180);
    expect(tally((i) => i.status)).toEqual({ null: 2052, 'EN ELABORACION': 752, CANCELADA: 252 });
    expect(result.items.filter((i) => i.sanctionDate !== null)).toHaveLength(151);
    expect(result.items.filter((i) => i.puMxn !== '0')).toHaveLength(177);
    expect(result.items.filter((i) => i.puUsd !== '0')).toHaveLength(39);
    expect(new Set(result.items.map((i) => i.referenceQty))).toEqual(new Set(['1']));
    expect(new Set(result.items.map((i) => i.extraordinaryCode)).size).toBe(3056);
  });

  it('places each PUE: its new annex when sanctioned, else its EXT annex', () => {
    expect(result.counts).toEqual({
      C1EXT: 1,
      C2EXT: 985,
      C3EXT: 1697,
      C4EXT: 26,
      C5EXT: 166,
      C6EXT: 1,
      'C-7': 45,
      'C-8': 8,
      'C-9': 1,
      'C-10': 2,
      'C-11': 12,
      'C-12': 32,
      'C-13': 21,
      'C-14': 9,
      'C-15': 16,
      'C-16': 2,
      'C-17': 1,
      'C-18': 2,
      'C-19': 26,
      'C-20': 3,
    });
  });

  it('gives exact rows', () => {
    const row5 = result.items.find((i) => i.extraordinaryCode === 'C3EXT-0977');
    expect(row5).toMatchObject({
      row: 5,
      subAnnex: 'C-11',
      extSubAnnex: 'C3EXT',
      ordinaryCode: '10C-11',
      unit: 'SERVICIO',
      referenceQty: '1',
      puMxn: '110951.68',
      puUsd: '141510.08',
      status: null,
      sanctionDate: '2025-06-06',
      originPte: 'BME-3801-050-2023',
      originOt: 'OT-GRZ-801-24-8.1-Pokche-NE',
      comment: '8.1-POKCHE-NE',
    });
    expect(row5?.concept.startsWith('SERVICIO DE MAPEO DE LECHO MARINO EN EL CAMPO POKCHE-NE')).toBe(true);
    expect(result.items[0]).toMatchObject({
      row: 2,
      ordinaryCode: '1C-009',
      extraordinaryCode: 'C1EXT-0002',
      unit: 'DIA',
      unitRaw: 'DÍA',
      sanctionDate: '2024-09-27',
    });
    // `TON ` with a trailing space and `M²` are ordinary units once canonical.
    expect(result.items.filter((i) => i.unitRaw === 'TON ').every((i) => i.unit === 'TON')).toBe(true);
    expect(result.items.filter((i) => i.unitRaw === 'M²').map((i) => i.unit)).toEqual(['M2', 'M2', 'M2']);
  });
});

describe('parsePueCatalogue errors', () => {
  const header = [
    'ANEXO',
    'PARTIDA',
    'CONCEPTO',
    'UNIDAD',
    'CANTIDADES DE REFERENCIA',
    'P.U. M.N.',
    'P.U. USD',
    'FECHA SANCION',
    'PARTIDA EXT',
    'ESTATUS',
  ];

  it('needs the PUE´s BME sheet', async () => {
    const error = await parsePueCatalogue(await buildWorkbook({ Hoja1: [header] })).catch((e: unknown) => e);
    expect(isSpreadsheetError(error, 'sheet_not_found')).toBe(true);
  });

  it('reports duplicates, unknown statuses and bad dates per row', async () => {
    const buffer = await buildWorkbook({
      'PUE´s BME': [
        header,
        [null, null, 'Uno', 'PZA', 1, 0, 0, '06/06/2025', 'C3EXT-0001', 'En elaboración'],
        [null, null, 'Dos', 'PZA', 1, 0, 0, 'mañana', 'C3EXT-0002', 'AUTORIZADA'],
        [null, null, 'Tres', 'PZA', 1, 0, 0, null, 'C3EXT-0001', 'PENDIENTE'],
      ],
    });
    const { items, errors } = await parsePueCatalogue(buffer);
    expect(items.map((i) => [i.row, i.extraordinaryCode, i.status, i.sanctionDate, i.subAnnex])).toEqual([
      [2, 'C3EXT-0001', 'EN ELABORACION', '2025-06-06', 'C3EXT'],
    ]);
    expect(errors.map((e) => [e.row, e.column, e.reason_es])).toEqual([
      [3, 'FECHA SANCION', 'Fecha no válida en la columna FECHA SANCION'],
      [4, 'ESTATUS', 'Estatus desconocido: PENDIENTE'],
      [4, 'PARTIDA EXT', 'Partida extraordinaria repetida: C3EXT-0001 (también en la fila 2)'],
    ]);
  });
});
