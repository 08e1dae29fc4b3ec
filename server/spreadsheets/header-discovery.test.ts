import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annexSheetRank, discoverHeader, headerKey, mapHeaderRow } from './header-discovery.js';
import { readWorkbook } from './read-workbook.js';
import { isSpreadsheetError } from './spreadsheet-error.js';
import { buildWorkbook } from './test-workbook.js';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures');
const ANNEX = ['subAnnex', 'code', 'concept', 'unit', 'quantity', 'puMxn'] as const;

describe('mapHeaderRow', () => {
  it.each([['P.U. M.N.'], ['P.U.M.N.'], ['PU MN'], ['P.U. MN'], ['PRECIO UNITARIO M.N.'], ['Precio unitario MXN'], ['p.u. m.n']])(
    '%j is the MXN unit price',
    (text) => {
      expect(mapHeaderRow([text]).columns.puMxn).toBe(0);
    },
  );

  it('maps every known header and ignores look-alikes', () => {
    const { columns, dayColumns } = mapHeaderRow([
      'ANEXO',
      'Partida',
      'Descripción',
      'UNID.',
      'VOLUMEN PTE',
      'P.U. M.N.',
      'P.U. USD',
      'PRECIO UNITARIO CON LETRA',
      'IMPORTE PTE M.N.',
      'OK',
      'PARTIDA EXT',
      'ESTATUS',
      'FECHA SANCION',
      'PTE CREACION',
      'OT CREACION',
      'COMENTARIO',
    ]);
    expect(columns).toEqual({
      subAnnex: 0,
      code: 1,
      concept: 2,
      unit: 3,
      quantity: 4,
      puMxn: 5,
      puUsd: 6,
      ok: 9,
      extCode: 10,
      status: 11,
      sanctionDate: 12,
      originPte: 13,
      originOt: 14,
      comment: 15,
    });
    expect(dayColumns).toEqual([]);
  });

  it('prefers VOLUMEN PTE over CANTIDAD wherever they are', () => {
    expect(mapHeaderRow(['CANTIDAD', 'VOLUMEN PTE']).columns.quantity).toBe(1);
  });

  it('detects day columns from serials, dates and Spanish text, not from claimed or other headers', () => {
    const { dayColumns, headers } = mapHeaderRow([
      'PARTIDA',
      45992,
      new Date(Date.UTC(2025, 11, 2)),
      '03-dic-25',
      '04-DIC-2025',
      'TOTALES',
      7,
    ]);
    expect(dayColumns.map((d) => [d.letter, d.date])).toEqual([
      ['B', '2025-12-01'],
      ['C', '2025-12-02'],
      ['D', '2025-12-03'],
      ['E', '2025-12-04'],
    ]);
    expect(headers).toEqual(['PARTIDA', '01/12/2025', '02/12/2025', '03/12/2025', '04/12/2025', 'TOTALES', '7']);
  });

  it('keys headers without accents, case or punctuation', () => {
    expect(headerKey('  Cantidades de  Referencia\n')).toBe('CANTIDADESDEREFERENCIA');
    expect(headerKey('DESCRIPCIÓN DE CONCEPTOS')).toBe('DESCRIPCIONDECONCEPTOS');
  });
});

describe('discoverHeader', () => {
  it('finds the machine header of the PTE workbook (row 11 of ANEXO C, not the human header nor ANEXO DE-MN)', async () => {
    const wb = await readWorkbook(join(FIXTURES, 'ot-annex-pte.xlsm'));
    const match = discoverHeader(wb, { required: ANNEX, sheetRank: annexSheetRank });
    expect([match.sheet.name, match.headerRow]).toEqual(['ANEXO C', 11]);
    expect(match.columns).toMatchObject({ code: 1, concept: 2, unit: 3, quantity: 4, puMxn: 5, puUsd: 6, subAnnex: 10 });
    // Why ANEXO is required and ANEXO C preferred: ANEXO DE-MN (monthly amounts) also has
    // PARTIDA, CONCEPTO, UNIDAD, CANTIDAD TOTAL and PRECIO UNITARIO M.N. (row 8) but no ANEXO.
    expect(
      discoverHeader(wb, { required: ['code', 'concept', 'unit', 'quantity', 'puMxn'], onlySheet: (s) => s.name === 'ANEXO DE-MN' })
        .headerRow,
    ).toBe(8);
  });

  it('finds the sábana header on row 2 with 31 day columns L…AP', async () => {
    const wb = await readWorkbook(join(FIXTURES, 'ot-annex-sabana.xlsx'));
    const match = discoverHeader(wb, { required: ANNEX, sheetRank: annexSheetRank });
    expect([match.sheet.name, match.headerRow, match.columns.ok]).toEqual(['SABANA DE RECURSOS', 2, 1]);
    expect(match.dayColumns).toHaveLength(31);
    expect([match.dayColumns[0]?.letter, match.dayColumns[0]?.date]).toEqual(['L', '2025-12-01']);
    expect([match.dayColumns[30]?.letter, match.dayColumns[30]?.date]).toEqual(['AP', '2025-12-31']);
  });

  it('explains, per sheet, what is missing', async () => {
    const buffer = await buildWorkbook({ Hoja1: [['PARTIDA', 'CONCEPTO', 'UNIDAD']], Notas: [['hola']] });
    const wb = await readWorkbook(buffer);
    let error: unknown;
    try {
      discoverHeader(wb, { required: ANNEX });
    } catch (e) {
      error = e;
    }
    expect(isSpreadsheetError(error, 'header_not_found')).toBe(true);
    expect((error as Error).message).toBe(
      'No se encontró la fila de encabezados con ANEXO, PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE / CANTIDAD, P.U. M.N. en las primeras 100 filas. ' +
        'Revisado: «Hoja1» fila 1: faltan ANEXO, VOLUMEN PTE / CANTIDAD, P.U. M.N.; «Notas»: sin encabezados reconocibles.',
    );
  });

  it('only looks at the first 100 rows', async () => {
    const rows = [
      ...Array.from({ length: 100 }, () => ['relleno']),
      ['ANEXO', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.'],
    ];
    const wb = await readWorkbook(await buildWorkbook({ Hoja1: rows }));
    expect(() => discoverHeader(wb, { required: ANNEX })).toThrow(/primeras 100 filas/);
    expect(discoverHeader(wb, { required: ANNEX, scanRows: 101 }).headerRow).toBe(101);
  });
});
