/**
 * Every way a file can be unusable, through the parsers users actually hit, each with its code.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSabana } from './generate-sabana.js';
import { parseAnnex } from './parse-annex.js';
import { parseContractCatalogue } from './parse-contract-catalogue.js';
import { parsePueCatalogue } from './parse-pue-catalogue.js';
import { SpreadsheetError, type SpreadsheetErrorCode } from './spreadsheet-error.js';
import { buildOleFile, buildWorkbook, buildZip, randomBytes } from './test-workbook.js';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures');

async function failure(promise: Promise<unknown>): Promise<{ code: SpreadsheetErrorCode; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpreadsheetError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SpreadsheetError');
}

describe('bad input files', () => {
  let dir = '';
  let contract = Buffer.alloc(0);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carpeta-bad-'));
    contract = await readFile(join(FIXTURES, 'anexo-c-contrato.xlsx'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('empty buffer → empty_file', async () => {
    expect(await failure(parseAnnex(Buffer.alloc(0)))).toEqual({ code: 'empty_file', message: 'El archivo está vacío.' });
  });

  it('random bytes → not_excel', async () => {
    expect((await failure(parseAnnex(randomBytes(4096)))).code).toBe('not_excel');
  });

  it('text file renamed .xlsx (path input) → not_excel', async () => {
    const path = join(dir, 'notas.xlsx');
    await writeFile(path, 'PARTIDA,CONCEPTO,UNIDAD\n2.1.,Tubo,M\n');
    expect(await failure(parseContractCatalogue(path))).toEqual({
      code: 'not_excel',
      message: 'El archivo no es un libro de Excel (.xlsx o .xlsm).',
    });
  });

  it('a zip that is not a workbook (.docx renamed) → not_excel', async () => {
    const docx = buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect((await failure(parseAnnex(docx))).code).toBe('not_excel');
  });

  it('truncated copy of a fixture → corrupt_file', async () => {
    for (const length of [Math.floor(contract.length / 2), contract.length - 10]) {
      expect((await failure(parseContractCatalogue(contract.subarray(0, length)))).code).toBe('corrupt_file');
    }
  });

  it('damaged bytes inside a fixture → corrupt_file', async () => {
    const damaged = Buffer.from(contract);
    for (let i = 50_000; i < 50_100; i++) damaged[i] = (damaged[i] ?? 0) ^ 0xff;
    expect((await failure(parseContractCatalogue(damaged))).code).toBe('corrupt_file');
  });

  it('OLE compound file (encrypted workbook) → password_protected', async () => {
    expect((await failure(parseAnnex(buildOleFile()))).code).toBe('password_protected');
    const encrypted = await failure(parseAnnex(buildOleFile(['EncryptionInfo', 'EncryptedPackage'])));
    expect(encrypted.code).toBe('password_protected');
    expect(encrypted.message).toMatch(/protegido con contraseña/);
  });

  it('legacy .xls (OLE with a Workbook stream) → not_excel with advice', async () => {
    expect(await failure(parseAnnex(buildOleFile(['Workbook'])))).toEqual({
      code: 'not_excel',
      message: 'El archivo es un libro de Excel 97-2003 (.xls). Guárdelo como .xlsx y vuelva a subirlo.',
    });
  });

  it('workbook without sheets → no_sheets', async () => {
    expect((await failure(parseAnnex(await buildWorkbook({})))).code).toBe('no_sheets');
  });

  it('workbook with only a wrong sheet → sheet_not_found (PUE) / header_not_found (annex, contract)', async () => {
    const wrong = await buildWorkbook({
      Hoja1: [
        ['Nombre', 'Teléfono'],
        ['Ana', '555'],
      ],
    });
    expect(await failure(parsePueCatalogue(wrong))).toEqual({
      code: 'sheet_not_found',
      message: 'No se encontró la hoja «PUE´s BME». Hojas del archivo: «Hoja1».',
    });
    expect((await failure(parseAnnex(wrong))).code).toBe('header_not_found');
    expect((await failure(parseContractCatalogue(wrong))).code).toBe('header_not_found');
  });

  it('50,001 data rows → too_many_rows (default limit 50,000)', async () => {
    const t0 = performance.now();
    const big = await generateSabana({ rows: 50_001, days: 0 });
    const t1 = performance.now();
    const error = await failure(parseAnnex(big));
    console.info(`50,001-row sábana: generated in ${(t1 - t0).toFixed(0)} ms, refused in ${(performance.now() - t1).toFixed(0)} ms`);
    expect(error).toEqual({
      code: 'too_many_rows',
      message: 'La hoja «SABANA DE RECURSOS» tiene más de 50,000 filas de datos, el máximo permitido. Divida el archivo.',
    });
  }, 60_000);

  it('the limit counts data rows below the header exactly and is configurable', async () => {
    const sabana = await generateSabana({ rows: 101, days: 2 });
    expect((await failure(parseAnnex(sabana, { maxDataRows: 100 }))).code).toBe('too_many_rows');
    expect((await parseAnnex(sabana, { maxDataRows: 101 })).items).toHaveLength(101);
  });

  it('formula-only cells (no cached value) in a needed column → formula_without_value', async () => {
    const noValues = await buildWorkbook({
      'ANEXO C': [
        ['PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.', 'ANEXO'],
        ['2.1.', 'Tubo', 'M', { formula: 'B9*2' }, { formula: 'C9' }, 'C-2'],
      ],
    });
    const error = await failure(parseAnnex(noValues));
    expect(error.code).toBe('formula_without_value');
    expect(error.message).toBe(
      'La celda D2 (columna VOLUMEN PTE) de la hoja «ANEXO C» tiene una fórmula sin valor calculado. Abra el archivo en Excel, guárdelo y vuelva a subirlo.',
    );
  });
});
