/** The GPU board as a spreadsheet. */
import { GPU_STATUS_LABELS } from '../../../domain/gpu';
import type { GpuRecord } from '../../../contracts/gpu';
import { excelDate, writeTableXlsx } from '../../spreadsheets/write-table-xlsx';

export function exportGpuBoard(items: GpuRecord[]): Promise<Buffer> {
  return writeTableXlsx(
    'GPU',
    [
      { header: 'Anexo', value: (r) => r.subAnnex, width: 8 },
      { header: 'Partida', value: (r) => r.code, width: 10 },
      { header: 'Concepto', value: (r) => r.concept, width: 50 },
      { header: 'Unidad', value: (r) => r.unit, width: 8 },
      { header: 'Fecha', value: (r) => excelDate(r.date), numFmt: 'dd/mm/yyyy' },
      { header: 'Sitio', value: (r) => r.siteName, width: 20 },
      { header: 'Capa', value: (r) => r.layer, width: 6 },
      { header: 'Volumen', value: (r) => Number(r.volume), numFmt: '#,##0.######' },
      { header: 'Excedente', value: (r) => Number(r.excessVolume), numFmt: '#,##0.######' },
      { header: 'Estatus', value: (r) => GPU_STATUS_LABELS[r.status].es, width: 20 },
      { header: 'Evidencia', value: (r) => r.evidenceUrl, width: 40 },
      { header: 'Nota', value: (r) => r.note, width: 30 },
    ],
    items,
  );
}
