import { describe, expect, it } from 'vitest';
import { parseAnnex } from './parse-annex.js';
import { readWorkbook } from './read-workbook.js';
import { buildWorkbook } from './test-workbook.js';
import { OBSERVATIONS_HEADER, writeErrorsXlsx } from './write-errors-xlsx.js';

describe('writeErrorsXlsx', () => {
  it('puts OBSERVACIONES in front of the original columns, one line per row, values kept as typed', async () => {
    const buffer = await writeErrorsXlsx({
      header: ['PARTIDA', 'UNIDAD', 'VOLUMEN PTE'],
      errors: [
        { row: 9, reason_es: 'Número no válido en la columna VOLUMEN PTE', values: ['2.2.', 'TON', 'diez'] },
        { row: 4, reason_es: 'Unidad desconocida: GALON', values: ['2.1.', 'GALON', 3.5] },
        { row: 9, reason_es: 'Unidad desconocida: XX', values: ['2.2.', 'TON', 'diez'] },
      ],
    });
    const wb = await readWorkbook(buffer);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Errores de importación']);
    expect(wb.sheets[0]?.rows.map((r) => r.cells)).toEqual([
      [OBSERVATIONS_HEADER, 'PARTIDA', 'UNIDAD', 'VOLUMEN PTE'],
      ['Fila 4: Unidad desconocida: GALON', '2.1.', 'GALON', 3.5],
      ['Fila 9: Número no válido en la columna VOLUMEN PTE; Unidad desconocida: XX', '2.2.', 'TON', 'diez'],
    ]);
  });

  it('writes the report of a refused annex straight from parseAnnex’s result', async () => {
    const source = await buildWorkbook({
      'ANEXO C': [
        ['PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.', 'P.U. USD', 'ANEXO'],
        ['4.4.', 'AYUDANTE', 'JORNADA', 184, 1463.99, 0, 'C-4'],
        ['4.5.', 'MANIOBRISTA', 'JORNADAS?', 12, 'mil', 0, 'C-4'],
      ],
    });
    const parsed = await parseAnnex(source);
    const buffer = await writeErrorsXlsx({ header: parsed.header, errors: parsed.errors, sheetName: 'Errores' });
    const rows = (await readWorkbook(buffer)).sheets[0]?.rows.map((r) => r.cells);
    expect(rows).toEqual([
      ['OBSERVACIONES', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.', 'P.U. USD', 'ANEXO'],
      [
        'Fila 3: Unidad desconocida: JORNADAS?; Número no válido en la columna P.U. M.N.',
        '4.5.',
        'MANIOBRISTA',
        'JORNADAS?',
        12,
        'mil',
        0,
        'C-4',
      ],
    ]);
  });

  it('names the sheet when errors span sheets (contract catalogue)', async () => {
    const buffer = await writeErrorsXlsx({
      header: ['PARTIDA'],
      errors: [
        { sheet: 'Anexo C-3-CR', row: 12, reason_es: 'Falta el concepto', values: ['3.3.'] },
        { sheet: 'Anexo C-2-CR', row: 40, reason_es: 'Falta el concepto', values: ['2.9.'] },
      ],
    });
    const rows = (await readWorkbook(buffer)).sheets[0]?.rows.map((r) => r.cells[0]);
    expect(rows).toEqual([
      'OBSERVACIONES',
      'Hoja «Anexo C-2-CR», fila 40: Falta el concepto',
      'Hoja «Anexo C-3-CR», fila 12: Falta el concepto',
    ]);
  });
});
