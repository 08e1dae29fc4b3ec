/**
 * For benchmarks and tests of synthetic sábanas (server/spreadsheets/generate-sabana.ts): a
 * contract-catalogue workbook (the Anexo C layout: title rows, header on row 6) listing exactly
 * the sábana's line items, so the synthetic annex resolves against a catalogue imported through
 * the real import path. Prices are the sábana's.
 */
import ExcelJS from 'exceljs';
import { parseAnnex } from '../../server/spreadsheets/parse-annex';

export async function contractCatalogueForSabana(sabana: Buffer): Promise<Buffer> {
  const parsed = await parseAnnex(sabana, { maxDataRows: 100_000 });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Anexo C sintetico');
  for (const title of ['DIVISION', 'DEPARTAMENTO', 'DESCRIPCION', '', 'ANEXO C']) ws.addRow([title]);
  ws.addRow(['ANEXO', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'CANTIDADES DE REFERENCIA', 'P.U. MN', 'P.U. USD']);
  for (const i of parsed.items) ws.addRow([i.subAnnex, i.codeRaw, i.concept, i.unitRaw, 1, Number(i.puMxn), Number(i.puUsd)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
