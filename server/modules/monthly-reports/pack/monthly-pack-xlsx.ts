/**
 * The monthly pack as XLSX: one sheet per section, every record in full (one GPU row per record),
 * streamed through exceljs's WorkbookWriter so a 3,000-item month stays fast and small in memory.
 * Exact decimals are computed before; cells hold numbers so Excel can sum them.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { monthName } from '../../../../domain/numbers-format';
import type { PackData } from './load-pack-data';

type Cell = string | number | boolean | Date | null | { text: string; hyperlink: string };
interface Sheet {
  name: string;
  columns: { header: string; width: number; numFmt?: string }[];
  rows: Iterable<Cell[]>;
}

const VOL = '#,##0.######';
const MONEY = '#,##0.00';
const DATE = 'dd/mm/yyyy';
const n = (v: string) => Number(v);
const url = (u: string | null): Cell => (u ? { text: u, hyperlink: u } : null);
/** Rows made one at a time as the writer takes them (no array of ~20,000 rows up front). */
function* each<T>(list: readonly T[], row: (item: T) => Cell[]): Iterable<Cell[]> {
  for (const item of list) yield row(item);
}
/**
 * An ISO date as its Excel serial day (what exceljs writes for a Date at UTC midnight), shown as a
 * date by the column's format; skips a Date object per cell.
 */
const excelDay = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 + 25_569;

function sheets(d: PackData): Sheet[] {
  return [
    {
      name: 'Portada',
      columns: [
        { header: 'Dato', width: 28 },
        { header: 'Valor', width: 80 },
      ],
      rows: [
        ['Reporte', d.title],
        ['OT', d.folio],
        ['Descripción', d.description],
        ['Cliente', d.clientName],
        ['Periodo', `${monthName(d.month, 'es')} ${d.year}`],
        ['Estatus', d.statusLabel],
        ['Versión', d.version],
        ['Carpeta de evidencia', url(d.evidenceUrl)],
        ['Sitios', d.sites.map((s) => s.name).join(', ')],
        ['Reportes diarios', d.grandTotal.dailyReports],
        ['Días productivos', d.grandTotal.productiveDays],
        ['Importe MXN', n(d.grandTotal.amountMxn)],
        ['Importe USD', n(d.grandTotal.amountUsd)],
        ['Excedente (no cobrable)', n(d.grandTotal.excessVolume)],
        ['Generado (UTC)', d.generatedAt],
        ...d.signOffs.map((s): Cell[] => [`Firma: ${s.label}`, `${s.userName} — ${s.signedAt}`]),
      ],
    },
    {
      name: 'Lista de verificación',
      columns: [
        { header: 'Punto', width: 45 },
        { header: 'Bloqueante', width: 12 },
        { header: 'Resultado', width: 12 },
        { header: 'Número', width: 10 },
        { header: 'Detalle', width: 100 },
      ],
      rows: each(d.checklist, (i): Cell[] => [i.label_es, i.blocking ? 'Sí' : 'No', i.result, i.count, i.message_es]),
    },
    {
      name: 'Reportes diarios',
      columns: [
        { header: 'Sitio', width: 28 },
        { header: 'Fecha', width: 12, numFmt: DATE },
        { header: 'Estatus operativo', width: 18 },
        { header: 'Firma', width: 20 },
        { header: 'Nota', width: 50 },
        { header: 'Incidente', width: 10 },
        { header: 'Enlace incidente', width: 50 },
      ],
      rows: each(d.dailyReports, (r): Cell[] => [
        r.siteName,
        excelDay(r.date),
        r.operational,
        r.signature,
        r.note,
        r.incident ? 'Sí' : 'No',
        url(r.incidentUrl),
      ]),
    },
    {
      name: 'Producción',
      columns: [
        { header: 'Sitio', width: 24 },
        { header: 'Capa', width: 6 },
        { header: 'Anexo', width: 8 },
        { header: 'Partida', width: 10 },
        { header: 'Concepto', width: 60 },
        { header: 'Unidad', width: 8 },
        { header: 'Días', width: 6 },
        { header: 'Volumen', width: 14, numFmt: VOL },
        { header: 'Excedente', width: 14, numFmt: VOL },
        { header: 'Volumen cobrable', width: 14, numFmt: VOL },
        { header: 'P.U. MXN', width: 14, numFmt: '#,##0.0000' },
        { header: 'P.U. USD', width: 14, numFmt: '#,##0.0000' },
        { header: 'Importe MXN', width: 16, numFmt: MONEY },
        { header: 'Importe USD', width: 16, numFmt: MONEY },
      ],
      rows: each(d.production, (p): Cell[] => [
        p.siteName,
        p.layer,
        p.subAnnex,
        p.code,
        p.concept,
        p.unit,
        p.days,
        n(p.volume),
        n(p.excessVolume),
        n(p.billableVolume),
        n(p.puMxn),
        n(p.puUsd),
        n(p.amountMxn),
        n(p.amountUsd),
      ]),
    },
    {
      name: 'GPU',
      columns: [
        { header: 'Partida', width: 10 },
        { header: 'Concepto', width: 50 },
        { header: 'Sitio', width: 24 },
        { header: 'Fecha', width: 12, numFmt: DATE },
        { header: 'Capa', width: 6 },
        { header: 'Volumen', width: 14, numFmt: VOL },
        { header: 'Estatus', width: 20 },
        { header: 'Evidencia', width: 60 },
      ],
      rows: each(d.gpus, (g): Cell[] => [
        g.code,
        g.concept,
        g.siteName,
        excelDay(g.date),
        g.layer,
        n(g.volume),
        g.status,
        url(g.evidenceUrl),
      ]),
    },
    {
      name: 'Excedentes',
      columns: [
        { header: 'Partida', width: 10 },
        { header: 'Concepto', width: 50 },
        { header: 'Sitio', width: 24 },
        { header: 'Fecha', width: 12, numFmt: DATE },
        { header: 'Capa', width: 6 },
        { header: 'Volumen', width: 14, numFmt: VOL },
        { header: 'Excedente', width: 14, numFmt: VOL },
        { header: 'Reconocido', width: 12 },
        { header: 'Por', width: 24 },
        { header: 'Fecha reconocimiento', width: 18 },
        { header: 'Motivo', width: 50 },
      ],
      rows: each(d.excess, (e): Cell[] => [
        e.code,
        e.concept,
        e.siteName,
        excelDay(e.date),
        e.layer,
        n(e.volume),
        n(e.excessVolume),
        e.acknowledged ? 'Sí' : 'No',
        e.ackBy,
        e.ackAt,
        e.ackReason,
      ]),
    },
    {
      name: 'Totales',
      columns: [
        { header: 'Sitio', width: 28 },
        { header: 'Capa', width: 6 },
        { header: 'Volumen', width: 16, numFmt: VOL },
        { header: 'Excedente', width: 16, numFmt: VOL },
        { header: 'Importe MXN', width: 18, numFmt: MONEY },
        { header: 'Importe USD', width: 18, numFmt: MONEY },
      ],
      rows: [
        ...d.totals.map((t): Cell[] => [t.siteName, t.layer, n(t.volume), n(t.excessVolume), n(t.amountMxn), n(t.amountUsd)]),
        ['Total', null, null, n(d.grandTotal.excessVolume), n(d.grandTotal.amountMxn), n(d.grandTotal.amountUsd)],
      ],
    },
  ];
}

// exceljs caches a style's id by object identity: sharing one object per format (instead of the
// per-cell copies column styles make) keeps it from re-serialising a style for every cell.
const PLAIN: Partial<ExcelJS.Style> = {};
const HEADER: Partial<ExcelJS.Style> = { font: { bold: true } };
const formats = new Map<string, Partial<ExcelJS.Style>>();
const styleOf = (numFmt: string | undefined): Partial<ExcelJS.Style> => {
  if (!numFmt) return PLAIN;
  let style = formats.get(numFmt);
  if (!style) formats.set(numFmt, (style = { numFmt }));
  return style;
};

export async function renderMonthlyPackXlsx(d: PackData): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = 'Carpeta';
  for (const sheet of sheets(d)) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ width: c.width }));
    const styles = sheet.columns.map((c) => styleOf(c.numFmt));
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    for (let i = 1; i <= sheet.columns.length; i++) header.getCell(i).style = HEADER;
    header.commit();
    for (const values of sheet.rows) {
      const row = ws.addRow(values);
      for (let i = 0; i < values.length; i++) row.getCell(i + 1).style = styles[i] ?? PLAIN;
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
