import { WORK_ORDER_STATUS_LABELS } from '../../../domain/work-order';
import { excelDate, writeTableXlsx } from '../../spreadsheets/write-table-xlsx';
import type { presentWorkOrder } from './work-orders.presenter';

type Presented = ReturnType<typeof presentWorkOrder>;

export function exportWorkOrders(rows: Presented[]): Promise<Buffer> {
  const date = 'dd/mm/yyyy';
  return writeTableXlsx<Presented>(
    'OT',
    [
      { header: 'ID', value: (r) => r.id },
      { header: 'Folio', width: 28, value: (r) => r.folio },
      { header: 'Tipo', value: (r) => (r.kind === 'initial' ? 'Inicial' : `Reprogramación ${r.reprogrammingNumber}`) },
      { header: 'Descripción', width: 50, value: (r) => r.description },
      { header: 'Cliente', width: 24, value: (r) => r.clientName },
      {
        header: 'Estatus',
        width: 18,
        value: (r) => WORK_ORDER_STATUS_LABELS[r.status as keyof typeof WORK_ORDER_STATUS_LABELS]?.es ?? r.status,
      },
      { header: 'Frente', value: (r) => r.frontName },
      { header: 'Sitios', width: 30, value: (r) => r.sites.map((s) => s.name).join(', ') },
      { header: 'Inicio programado', numFmt: date, value: (r) => excelDate(r.plannedStart) },
      { header: 'Término programado', numFmt: date, value: (r) => excelDate(r.plannedEnd) },
      { header: 'Inicio real', numFmt: date, value: (r) => excelDate(r.actualStart) },
      { header: 'Término real', numFmt: date, value: (r) => excelDate(r.actualEnd) },
      { header: 'Vigencia desde', numFmt: date, value: (r) => excelDate(r.validity.start) },
      { header: 'Vigencia hasta', numFmt: date, value: (r) => excelDate(r.validity.end) },
      { header: 'Monto MXN', numFmt: '#,##0.00', value: (r) => Number(r.amountMxn) },
      { header: 'Monto USD', numFmt: '#,##0.00', value: (r) => Number(r.amountUsd) },
      { header: 'Plazo (días)', value: (r) => r.termDays },
      { header: 'Oficio', value: (r) => r.officialLetter },
      { header: 'Responsable cliente', width: 24, value: (r) => r.clientResponsible },
      { header: 'Líder', width: 24, value: (r) => r.leaderName },
    ],
    rows,
  );
}
