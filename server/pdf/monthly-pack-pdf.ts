/**
 * The monthly pack as PDF (spec §3.1): cover with totals, sign-offs, checklist, daily reports per
 * site, production per site and layer with amounts MXN/USD, GPU evidence, excess and totals.
 *
 * Drawn with pdfkit at fixed column positions (`pdf-layout.ts`): a 3,000-item month has ~5,000
 * production lines, ~8,000 excess entries and ~20,000 GPU records, which a layout engine that
 * measures every cell (pdfmake) took tens of seconds to set.
 *
 * Why GPU evidence is grouped here: one PDF row per record would be hundreds of pages nobody
 * reads. The PDF groups them per line item, site and layer (with their distinct links); the XLSX
 * keeps one row per record.
 */
import { formatDate, monthName } from '../../domain/numbers-format';
import type { PackData } from '../modules/monthly-reports/pack/load-pack-data';
import { amt, vol } from './pdf-numbers';
import { renderLayout, type Cell, type Column, type PdfLayout, type Span } from './pdf-layout';

const RESULT_LABEL = { ok: 'OK', falla: 'FALLA', aviso: 'AVISO' } as const;

const link = (url: string | null): Span => (url ? { text: url, link: url } : { text: '—' });
const bold = (text: string): Span => ({ text, font: 'bold' });

function cover(pdf: PdfLayout, d: PackData): void {
  pdf.heading(d.title, 16, 0, 2);
  pdf.heading(`Carpeta mensual de ${monthName(d.month, 'es')} ${d.year} — versión ${d.version}`, 12, 2, 6);
  pdf.table(
    [
      { header: '', width: 130, maxLines: 2 },
      { header: '', width: '*', maxLines: 3 },
    ],
    [
      ['OT', `${d.folio} — ${d.description}`],
      ['Cliente', d.clientName],
      ['Periodo', `${monthName(d.month, 'es')} ${d.year}`],
      ['Estatus', d.statusLabel],
      ['Sitios', d.sites.map((s) => s.name).join(', ') || '—'],
      ['Carpeta de evidencia', link(d.evidenceUrl)],
      ['Reportes diarios', `${d.grandTotal.dailyReports} (días productivos: ${d.grandTotal.productiveDays})`],
      ['Importe MXN', `$${amt(d.grandTotal.amountMxn)} MXN`],
      ['Importe USD', `$${amt(d.grandTotal.amountUsd)} USD`],
      ['Excedente (no cobrable)', vol(d.grandTotal.excessVolume)],
      ['Generado', `${d.generatedAt.slice(0, 19).replace('T', ' ')} UTC`],
    ],
    { header: false, rules: false },
  );
  pdf.heading('Firmas de revisión', 9.5, 6, 2, 30);
  if (d.signOffs.length)
    pdf.table(
      [
        { header: 'Firma', width: 200 },
        { header: 'Usuario', width: '*' },
        { header: 'Fecha', width: 120 },
      ],
      d.signOffs.map((s) => [s.label, s.userName, s.signedAt.slice(0, 16).replace('T', ' ')]),
    );
  else pdf.paragraph('Sin firmas registradas.', 'italic');
  pdf.heading('Lista de verificación previa al cierre', 9.5, 6, 2, 30);
  pdf.table(
    [
      { header: 'Punto', width: 170, maxLines: 2 },
      { header: 'Result.', width: 40 },
      { header: 'Núm.', width: 40, align: 'right' },
      { header: 'Detalle', width: '*', maxLines: 8 },
    ],
    d.checklist.map((i) => [`${i.label_es}${i.blocking ? ' (bloqueante)' : ''}`, RESULT_LABEL[i.result], String(i.count), i.message_es]),
  );
  pdf.heading('Totales por sitio y capa', 9.5, 6, 2, 30);
  pdf.table(
    [
      { header: 'Sitio', width: '*' },
      { header: 'Capa', width: 40 },
      { header: 'Volumen', width: 80, align: 'right' },
      { header: 'Excedente', width: 80, align: 'right' },
      { header: 'Importe MXN', width: 90, align: 'right' },
      { header: 'Importe USD', width: 90, align: 'right' },
    ],
    [
      ...d.totals.map((t): Cell[] => [t.siteName, t.layer, vol(t.volume), vol(t.excessVolume), amt(t.amountMxn), amt(t.amountUsd)]),
      [bold('Total'), '', '', bold(vol(d.grandTotal.excessVolume)), bold(amt(d.grandTotal.amountMxn)), bold(amt(d.grandTotal.amountUsd))],
    ],
  );
}

function dailyReports(pdf: PdfLayout, d: PackData): void {
  pdf.pageBreak();
  pdf.heading('Reportes diarios por sitio', 12, 4, 4);
  if (!d.dailyReports.length) pdf.paragraph('Sin reportes diarios.', 'italic');
  const bySite = new Map<string, PackData['dailyReports']>();
  for (const r of d.dailyReports) bySite.set(r.siteName, [...(bySite.get(r.siteName) ?? []), r]);
  for (const [site, reports] of bySite) {
    pdf.heading(site, 9.5, 6, 2, 30);
    pdf.table(
      [
        { header: 'Fecha', width: 60 },
        { header: 'Estatus operativo', width: 80 },
        { header: 'Firma', width: 100 },
        { header: 'Nota', width: '*', maxLines: 3 },
        { header: 'Incidente', width: 160 },
      ],
      reports.map((r) => [formatDate(r.date), r.operational, r.signature, r.note ?? '', r.incident ? link(r.incidentUrl) : '']),
    );
  }
}

function production(pdf: PdfLayout, d: PackData): void {
  pdf.pageBreak();
  pdf.heading('Producción por sitio y capa', 12, 4, 4);
  if (!d.production.length) pdf.paragraph('Sin producción en el mes.', 'italic');
  const columns: Column[] = [
    { header: 'Anexo', width: 40 },
    { header: 'Partida', width: 48 },
    { header: 'Concepto', width: '*' },
    { header: 'Unidad', width: 36 },
    { header: 'Días', width: 26, align: 'right' },
    { header: 'Volumen', width: 66, align: 'right' },
    { header: 'Excedente', width: 60, align: 'right' },
    { header: 'Importe MXN', width: 70, align: 'right' },
    { header: 'Importe USD', width: 66, align: 'right' },
  ];
  for (const t of d.totals) {
    pdf.heading(`${t.siteName} — ${t.layer === 'TE' ? 'TE (tiempo efectivo)' : 'CMA (costo mínimo aplicado)'}`, 9.5, 6, 2, 30);
    const rows = function* (): Iterable<Cell[]> {
      for (const p of d.production) {
        if (p.siteName !== t.siteName || p.layer !== t.layer) continue;
        yield [
          p.subAnnex,
          p.code,
          p.concept,
          p.unit,
          String(p.days),
          vol(p.volume),
          vol(p.excessVolume),
          amt(p.amountMxn),
          amt(p.amountUsd),
        ];
      }
      yield [
        bold('Subtotal'),
        '',
        '',
        '',
        '',
        bold(vol(t.volume)),
        bold(vol(t.excessVolume)),
        bold(amt(t.amountMxn)),
        bold(amt(t.amountUsd)),
      ];
    };
    pdf.table(columns, rows());
  }
}

interface GpuGroup {
  code: string;
  concept: string;
  siteName: string;
  layer: string;
  count: number;
  statuses: Map<string, number>;
  links: Set<string>;
}

/** GPU records grouped per line item, site and layer, in record order. */
function gpuGroups(d: PackData): GpuGroup[] {
  const groups = new Map<string, GpuGroup>();
  for (const g of d.gpus) {
    const key = `${g.code}|${g.concept}|${g.siteName}|${g.layer}`;
    let entry = groups.get(key);
    if (!entry)
      groups.set(
        key,
        (entry = {
          code: g.code,
          concept: g.concept,
          siteName: g.siteName,
          layer: g.layer,
          count: 0,
          statuses: new Map(),
          links: new Set(),
        }),
      );
    entry.count += 1;
    entry.statuses.set(g.status, (entry.statuses.get(g.status) ?? 0) + 1);
    if (g.evidenceUrl) entry.links.add(g.evidenceUrl);
  }
  return [...groups.values()];
}

function gpus(pdf: PdfLayout, groups: readonly GpuGroup[]): void {
  pdf.pageBreak();
  pdf.heading('GPU (generadores) con evidencia', 12, 4, 4);
  if (!groups.length) {
    pdf.paragraph('Sin registros GPU.', 'italic');
    return;
  }
  pdf.table(
    [
      { header: 'Partida', width: 48 },
      { header: 'Concepto', width: 150 },
      { header: 'Sitio', width: 80 },
      { header: 'Capa', width: 30 },
      { header: 'Reg.', width: 30, align: 'right' },
      { header: 'Estatus', width: 110, maxLines: 4 },
      { header: 'Evidencia', width: '*' },
    ],
    (function* (): Iterable<Cell[]> {
      for (const g of groups) {
        const links = [...g.links];
        const evidence: Span[] = links.length ? links.slice(0, 3).map(link) : [{ text: 'Sin evidencia' }];
        if (links.length > 3) evidence.push({ text: `y ${links.length - 3} más` });
        yield [
          g.code,
          g.concept,
          g.siteName,
          g.layer,
          String(g.count),
          [...g.statuses].map(([s, n]) => `${s}: ${n}`).join(', '),
          { lines: evidence },
        ];
      }
    })(),
  );
}

function excess(pdf: PdfLayout, d: PackData): void {
  pdf.pageBreak();
  pdf.heading('Excedentes y reconocimientos', 12, 4, 4);
  if (!d.excess.length) {
    pdf.paragraph('Sin excedentes en el mes.', 'italic');
    return;
  }
  pdf.table(
    [
      { header: 'Partida', width: 48 },
      { header: 'Concepto', width: '*' },
      { header: 'Sitio', width: 80 },
      { header: 'Fecha', width: 50 },
      { header: 'Capa', width: 30 },
      { header: 'Volumen', width: 60, align: 'right' },
      { header: 'Excedente', width: 60, align: 'right' },
      { header: 'Reconocido', width: 170, maxLines: 3 },
    ],
    (function* (): Iterable<Cell[]> {
      for (const e of d.excess)
        yield [
          e.code,
          e.concept,
          e.siteName,
          formatDate(e.date),
          e.layer,
          vol(e.volume),
          vol(e.excessVolume),
          e.acknowledged ? `${e.ackBy ?? ''} ${e.ackAt ?? ''}: ${e.ackReason ?? ''}` : 'Sin reconocer',
        ];
    })(),
  );
}

export async function renderMonthlyPackPdf(d: PackData): Promise<Buffer> {
  const groups = gpuGroups(d);
  return renderLayout(
    {
      runningHeader: `${d.title} — versión ${d.version}`,
      info: { Title: d.title, Subject: `Carpeta mensual versión ${d.version}`, Creator: 'Carpeta' },
      fontSize: 7.5,
    },
    (pdf) => {
      cover(pdf, d);
      dailyReports(pdf, d);
      production(pdf, d);
      gpus(pdf, groups);
      excess(pdf, d);
    },
  );
}
