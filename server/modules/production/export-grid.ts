/** The grid as a spreadsheet (every list exports to XLSX): frozen header, one column per day. */
import type { GridResponse, GridRow } from '../../../contracts/production';
import { writeTableXlsx, type Column } from '../../spreadsheets/write-table-xlsx';

const num = (v: string | null) => (v === null ? null : Number(v));

export function exportGrid(grid: GridResponse): Promise<Buffer> {
  const columns: Column<GridRow>[] = [
    { header: 'Anexo', value: (r) => r.subAnnex, width: 8 },
    { header: 'Partida', value: (r) => r.code, width: 10 },
    { header: 'Concepto', value: (r) => r.concept, width: 60 },
    { header: 'Unidad', value: (r) => r.unit, width: 8 },
    { header: 'Vol. autorizado', value: (r) => num(r.authorizedVolume), numFmt: '#,##0.######' },
    ...grid.days.map((d, i): Column<GridRow> => ({
      header: String(d.day),
      width: 9,
      value: (r) => num(r.volumes[i] ?? null),
      numFmt: '#,##0.######',
    })),
    { header: `Total mes ${grid.layer}`, value: (r) => num(r.monthTotal), numFmt: '#,##0.######' },
    { header: 'Excedente', value: (r) => num(r.excessTotal), numFmt: '#,##0.######' },
    { header: 'P.U. M.N.', value: (r) => num(r.puMxn), numFmt: '#,##0.0000' },
    { header: 'P.U. USD', value: (r) => num(r.puUsd), numFmt: '#,##0.0000' },
    { header: 'Importe M.N.', value: (r) => num(r.amountMxn), numFmt: '#,##0.00' },
    { header: 'Importe USD', value: (r) => num(r.amountUsd), numFmt: '#,##0.00' },
  ];
  return writeTableXlsx(`${grid.folio} ${grid.month}-${grid.year} ${grid.layer}`.replace(/[\\/?*[\]:]/g, '-'), columns, grid.rows);
}
