/** The catalogue browser's list as XLSX (same filters as the screen). */
import type { CatalogueItemRow } from './catalogue.repository';
import { excelDate, writeTableXlsx, type Column } from '../../spreadsheets/write-table-xlsx';

const num = (s: string) => Number(s); // display copy for Excel; the stored value stays exact in the database

const COLUMNS: Column<CatalogueItemRow>[] = [
  { header: 'Contrato', value: (r) => r.contractNumber },
  { header: 'Anexo', value: (r) => r.subAnnex },
  { header: 'Partida', value: (r) => r.code },
  { header: 'Partida ext.', value: (r) => r.extraCode },
  { header: 'Concepto', width: 80, value: (r) => r.concept },
  { header: 'Unidad', value: (r) => r.unitCode },
  { header: 'Cantidad de referencia', value: (r) => num(r.referenceQty), numFmt: '#,##0.######' },
  { header: 'P.U. M.N.', value: (r) => num(r.puMxn), numFmt: '#,##0.00##' },
  { header: 'P.U. USD', value: (r) => num(r.puUsd), numFmt: '#,##0.00##' },
  { header: 'Tipo', value: (r) => (r.kind === 'ordinary' ? 'Ordinaria' : 'Extraordinaria (PUE)') },
  { header: 'Estatus', value: (r) => r.pueStatus },
  { header: 'Fecha sanción', value: (r) => excelDate(r.sanctionDate), numFmt: 'dd/mm/yyyy' },
  { header: 'PTE creación', value: (r) => r.originPte },
  { header: 'OT creación', value: (r) => r.originOt },
];

export function exportCatalogue(rows: CatalogueItemRow[]): Promise<Buffer> {
  return writeTableXlsx('Catálogo Anexo C', COLUMNS, rows);
}
