import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContractCatalogue } from './parse-contract-catalogue.js';
import { buildWorkbook } from './test-workbook.js';

const CONTRACT = join(import.meta.dirname, '../../tests/fixtures/anexo-c-contrato.xlsx');

describe('parseContractCatalogue on the real contract Anexo C', async () => {
  // Timed twice: the first call pays module JIT warm-up, the second is the steady state.
  const t0 = performance.now();
  const result = await parseContractCatalogue(CONTRACT);
  const cold = performance.now() - t0;
  const t1 = performance.now();
  await parseContractCatalogue(CONTRACT);
  const warm = performance.now() - t1;
  console.info(`parseContractCatalogue(anexo-c-contrato.xlsx): cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(0)} ms`);

  it('finds exactly the line items with a unit of each sub-annex', () => {
    expect(result.counts).toEqual({ 'C-2': 501, 'C-3': 649, 'C-4': 88, 'C-4-1': 27, 'C-5': 185, 'C-5-1': 10, 'C-6': 4 });
    expect(result.items).toHaveLength(1464);
    expect(result.errors).toEqual([]);
  });

  it('reads the header on row 6 of every detail sheet and leaves the C-CR summary out', () => {
    expect(result.sheets.map((s) => [s.name, s.headerRow, s.items])).toEqual([
      ['Anexo C-2-CR', 6, 501],
      ['Anexo C-3-CR', 6, 649],
      ['Anexo C-4-CR', 6, 88],
      ['Anexo C-4-1', 6, 27],
      ['Anexo C-5-CR', 6, 185],
      ['Anexo C-5-1', 6, 10],
      ['Anexo C-6-CR', 6, 4],
    ]);
    expect(result.skippedSheets).toEqual([{ sheet: 'Anexo C-CR', reason_es: '«Anexo C-CR» fila 6: faltan P.U. M.N.' }]);
  });

  it('gives exact rows (original-system.md A.1 examples)', () => {
    const find = (sheet: string, code: string) => result.items.filter((i) => i.sheet === sheet && i.code === code);
    expect(find('Anexo C-2-CR', '2.1.')).toEqual([
      {
        sheet: 'Anexo C-2-CR',
        row: 10,
        subAnnex: 'C-2',
        code: '2.1.',
        codeRaw: '2.1.',
        concept: 'Tubo de acero al carbón de 8"Ø, XS, cédula 80, espesor de pared 0.500',
        conceptKey: 'TUBO DE ACERO AL CARBON DE 8"Ø, XS, CEDULA 80, ESPESOR DE PARED 0.500',
        unit: 'M',
        unitRaw: 'M',
        referenceQty: '76',
        puMxn: '11813.3',
        puUsd: '0',
      },
    ]);
    expect(find('Anexo C-3-CR', '3.1.')[0]).toMatchObject({ unit: 'TON', referenceQty: '36', puMxn: '122364.63' });
    expect(find('Anexo C-4-CR', '4.1.')[0]).toMatchObject({ unit: 'H-H', referenceQty: '8800', puMxn: '625' });
    expect(find('Anexo C-6-CR', '6.1.')[0]).toMatchObject({ unit: 'HOM/DIA', unitRaw: 'HOM/DÍA', referenceQty: '1049146', puMxn: '475' });
  });

  it('reads numeric code cells of C-4-1 with the canonical trailing dot, keeping same-code variants apart by concept', () => {
    const c41 = result.items.filter((i) => i.subAnnex === 'C-4-1');
    expect(c41[0]).toMatchObject({
      row: 9,
      code: '4.4.',
      codeRaw: '4.4',
      concept: 'AYUDANTE DE OPERARIO ESPTA.',
      unit: 'JORNADA',
      referenceQty: '4',
      puMxn: '1463.99',
    });
    expect(
      c41
        .filter((i) => i.code === '4.7.')
        .slice(0, 2)
        .map((i) => [i.row, i.codeRaw, i.concept]),
    ).toEqual([
      [11, '4.7', 'OPERARIO ESPECIALISTA.'],
      [12, '4.7.', 'OPERARIO ESPECIALISTA. (TUBERO)'],
    ]);
  });

  it('uses only canonical units, ML being metro lineal', () => {
    const units = [...new Set(result.items.map((i) => i.unit))].sort();
    expect(units).toEqual(['COMIDA', 'DIA', 'H-H', 'HOM/DIA', 'HORA', 'JORNADA', 'JUNTA', 'M', 'M2', 'ML', 'PZA', 'SERVICIO', 'TON']);
  });
});

describe('parseContractCatalogue row errors', () => {
  const header = ['ANEXO', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'CANTIDADES DE REFERENCIA', 'P.U. MN', 'P.U. USD'];

  it('reports each bad cell and keeps the good rows; a blank ANEXO takes the sheet’s sub-annex', async () => {
    const buffer = await buildWorkbook({
      'Anexo C-7-CR': [
        ['titulo'],
        [],
        [],
        [],
        ['Anexo C-7-CR: catálogo'],
        header,
        ['C-7', 7, 'Sección sin unidad'],
        ['C-7', '7.1.', 'Bueno', 'PZA', 3, 10.5, 0],
        [null, '7.2.', 'Sin anexo', 'Día', 1, '1,200.00', null],
        ['C-7', '7.3.', 'Unidad rara', 'GALONES', 1, 1, 0],
        ['C-7', '7.4.', 'Precio malo', 'PZA', 1, 'N/D', 0],
        ['C-7', null, 'Sin partida', 'PZA', 1, 1, 0],
        ['ANEXO CD', '7.5.', 'Anexo raro', 'PZA', 1, 1, 0],
        [null, 'Ciudad del Carmen, Campeche a 10 de Enero de 2023'],
      ],
    });
    const { items, errors, counts } = await parseContractCatalogue(buffer);
    expect(items.map((i) => [i.row, i.subAnnex, i.code, i.unit, i.referenceQty, i.puMxn, i.puUsd])).toEqual([
      [8, 'C-7', '7.1.', 'PZA', '3', '10.5', '0'],
      [9, 'C-7', '7.2.', 'DIA', '1', '1200', '0'],
    ]);
    expect(counts).toEqual({ 'C-7': 2 });
    expect(errors.map((e) => [e.row, e.column, e.columnLetter, e.reason_es])).toEqual([
      [10, 'UNIDAD', 'D', 'Unidad desconocida: GALONES'],
      [11, 'P.U. MN', 'F', 'Número no válido en la columna P.U. MN'],
      [12, 'PARTIDA', 'B', 'Falta la partida'],
      [13, 'ANEXO', 'A', 'Anexo no reconocido: ANEXO CD'],
    ]);
    expect(errors[0]?.values).toEqual(['C-7', '7.3.', 'Unidad rara', 'GALONES', 1, 1, 0]);
  });
});
