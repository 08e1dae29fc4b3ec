import { excelDate, writeTableXlsx } from '../../spreadsheets/write-table-xlsx';
import type { presentMonthlyReport } from './monthly-reports.presenter';

type Row = ReturnType<typeof presentMonthlyReport>;

/** The monthly report list as XLSX (every list exports). */
export function exportMonthlyReports(rows: Row[]): Promise<Buffer> {
  return writeTableXlsx<Row>(
    'Reportes mensuales',
    [
      { header: 'Reporte', width: 36, value: (r) => r.displayName },
      { header: 'OT', width: 22, value: (r) => r.folio },
      { header: 'Año', width: 8, value: (r) => r.year },
      { header: 'Mes', width: 6, value: (r) => r.month },
      { header: 'Estatus', width: 14, value: (r) => r.statusLabel },
      { header: 'Versión', width: 8, value: (r) => r.version },
      { header: 'Link Evidencia', width: 60, value: (r) => r.evidenceUrl },
      { header: 'Cerrado', width: 12, numFmt: 'dd/mm/yyyy', value: (r) => excelDate(r.closedAt) },
      { header: 'Creado', width: 12, numFmt: 'dd/mm/yyyy', value: (r) => excelDate(r.createdAt) },
      { header: 'Actualizado', width: 12, numFmt: 'dd/mm/yyyy', value: (r) => excelDate(r.updatedAt) },
    ],
    rows,
  );
}
