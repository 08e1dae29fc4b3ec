import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSheet, MissingFormulaValue, readWorkbook, sheetNameKey } from './read-workbook.js';
import { isSpreadsheetError, type SpreadsheetErrorCode } from './spreadsheet-error.js';
import { buildWorkbook } from './test-workbook.js';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures');

async function codeOf(promise: Promise<unknown>): Promise<SpreadsheetErrorCode | 'no error'> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    if (isSpreadsheetError(error)) return error.code;
    throw error;
  }
}

describe('readWorkbook on the real fixtures', () => {
  it('reads every sheet of the contract (path input) with its non-empty rows', async () => {
    const wb = await readWorkbook(join(FIXTURES, 'anexo-c-contrato.xlsx'));
    expect(wb.sheets.map((s) => s.name)).toEqual([
      'Anexo C-CR',
      'Anexo C-2-CR',
      'Anexo C-3-CR',
      'Anexo C-4-CR',
      'Anexo C-4-1',
      'Anexo C-5-CR',
      'Anexo C-5-1',
      'Anexo C-6-CR',
    ]);
    const c2 = findSheet(wb, 'anexo c-2-cr');
    // Header on row 6, column A = ANEXO.
    expect(c2?.rows.find((r) => r.number === 6)?.cells.slice(0, 7)).toEqual([
      'ANEXO',
      'PARTIDA',
      'CONCEPTO',
      'UNIDAD',
      'CANTIDADES DE REFERENCIA',
      'P.U. MN',
      'P.U. USD',
    ]);
    expect(c2?.rows.find((r) => r.number === 10)?.cells.slice(0, 7)).toEqual([
      'C-2',
      '2.1.',
      'Tubo de acero al carbón de 8"Ø, XS, cédula 80, espesor de pared 0.500',
      'M',
      76,
      11813.3,
      0,
    ]);
  });

  it('reads the PTE .xlsm (Buffer input): formulas give their cached result, error cells their text, hidden sheets flagged', async () => {
    const wb = await readWorkbook(await readFile(join(FIXTURES, 'ot-annex-pte.xlsm')));
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['DATOS', true],
      ['ANEXO C', false],
      ['ANEXO DE-MN', false],
      ['ANEXO DE-ME', false],
      ['ANEXO DT-6', false],
      ['ANEXO DT-6-3', false],
    ]);
    const annex = findSheet(wb, 'ANEXO C');
    expect(annex?.rows.find((r) => r.number === 1)?.cells[1]).toBe('ANEXO "C"'); // B1 =DATOS!B14
    expect(annex?.rows.find((r) => r.number === 18)?.cells[2]).toBe('#NAME?'); // C18
  });

  it('reads shared formulas and keeps formulas without a cached value as markers (sábana)', async () => {
    const wb = await readWorkbook(join(FIXTURES, 'ot-annex-sabana.xlsx'));
    const sabana = findSheet(wb, 'SABANA DE RECURSOS');
    const header = sabana?.rows.find((r) => r.number === 2)?.cells ?? [];
    expect(header[11]).toBe(45992); // L2, a date cell read without styles: 2025-12-01
    expect(header[13]).toBe(45994); // N2 = M2+1, master of a shared formula
    expect(header[41]).toBe(46022); // AP2, dependent of the shared formula: 2025-12-31
    const row3 = sabana?.rows.find((r) => r.number === 3)?.cells ?? [];
    expect(row3[42]).toEqual(new MissingFormulaValue('SUM(L3:AP3)')); // TOTALES never recalculated
    expect(findSheet(wb, 'PUES BME')?.rows).toHaveLength(3057);
  });

  it('reports progress', async () => {
    const seen: number[] = [];
    await readWorkbook(join(FIXTURES, 'ot-annex-sabana.xlsx'), { onProgress: (n) => seen.push(n) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(3080); // every row event, empty ones included
  });

  it('keeps rows only of the sheets asked for', async () => {
    const wb = await readWorkbook(join(FIXTURES, 'ot-annex-sabana.xlsx'), { includeSheet: (n) => n === 'SABANA DE RECURSOS' });
    expect(wb.sheets.map((s) => s.rows.length)).toEqual([0, 23]);
  });
});

describe('readWorkbook cell values', () => {
  it('normalises rich text, formulas, dates, booleans and Uint8Array input', async () => {
    const buffer = await buildWorkbook({
      X: [['a', { formula: 'SUM(B1:B2)' }, { formula: '1+1', result: 2 }, { richText: [{ text: 'ri' }, { text: 'ch' }] }, true]],
    });
    const wb = await readWorkbook(new Uint8Array(buffer));
    expect(wb.sheets[0]?.rows[0]?.cells).toEqual(['a', new MissingFormulaValue('SUM(B1:B2)'), 2, 'rich', true]);
  });
});

describe('readWorkbook errors', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carpeta-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an empty file (Buffer and path) instead of hanging like exceljs does', async () => {
    expect(await codeOf(readWorkbook(Buffer.alloc(0)))).toBe('empty_file');
    const path = join(dir, 'vacio.xlsx');
    await writeFile(path, '');
    expect(await codeOf(readWorkbook(path))).toBe('empty_file');
  });

  it('refuses a missing path with not_excel', async () => {
    expect(await codeOf(readWorkbook(join(dir, 'no-existe.xlsx')))).toBe('not_excel');
  });

  it('requires named sheets', async () => {
    const buffer = await buildWorkbook({ Hoja1: [['x']] });
    const error = await readWorkbook(buffer, { requiredSheets: ['PUE´s BME'] }).catch((e: unknown) => e);
    expect(isSpreadsheetError(error, 'sheet_not_found')).toBe(true);
    expect((error as Error).message).toBe('No se encontró la hoja «PUE´s BME». Hojas del archivo: «Hoja1».');
  });

  it('stops a sheet past the row limit plus the header zone', async () => {
    const rows = Array.from({ length: 131 }, (_, i) => [`fila ${i + 1}`]);
    const buffer = await buildWorkbook({ Hoja1: rows });
    expect(await codeOf(readWorkbook(buffer, { maxDataRows: 30 }))).toBe('too_many_rows');
    expect(await codeOf(readWorkbook(buffer, { maxDataRows: 31 }))).toBe('no error');
  });

  it('compares sheet names without accents, case or punctuation', () => {
    expect(sheetNameKey('PUE´s BME')).toBe(sheetNameKey("pue's bme"));
  });
});
