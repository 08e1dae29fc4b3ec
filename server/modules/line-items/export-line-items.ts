/** The OT's annex (line items with amounts) as XLSX. */
import type { LineItem } from '../../../contracts/annex';
import { writeTableXlsx, type Column } from '../../spreadsheets/write-table-xlsx';

const COLUMNS: Column<LineItem>[] = [
  { header: 'Anexo', value: (r) => r.subAnnex },
  { header: 'Partida', value: (r) => r.code },
  { header: 'Concepto', width: 80, value: (r) => r.concept },
  { header: 'Unidad', value: (r) => r.unitCode },
  { header: 'Volumen autorizado', value: (r) => Number(r.authorizedVolume), numFmt: '#,##0.######' },
  { header: 'P.U. M.N.', value: (r) => Number(r.puMxn), numFmt: '#,##0.00##' },
  { header: 'P.U. USD', value: (r) => Number(r.puUsd), numFmt: '#,##0.00##' },
  { header: 'Importe M.N.', value: (r) => Number(r.amountMxn), numFmt: '#,##0.00' },
  { header: 'Importe USD', value: (r) => Number(r.amountUsd), numFmt: '#,##0.00' },
  { header: 'Versión', value: (r) => r.versionNumber },
  {
    header: 'Origen',
    value: (r) => (r.origin === 'adhoc' ? (r.versionNumber === null ? 'Fuera de anexo (sin autorizar)' : 'Fuera de anexo') : 'Anexo'),
  },
];

export function exportLineItems(items: LineItem[]): Promise<Buffer> {
  return writeTableXlsx('Anexo C de la OT', COLUMNS, items);
}
