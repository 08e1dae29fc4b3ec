/**
 * The monthly pack as PDF (spec §3.1): cover with totals, sign-offs, checklist, daily reports per
 * site, production per site and layer with amounts MXN/USD, GPU evidence, excess and totals.
 *
 * Why GPU evidence is grouped here: a 3,000-item month has ~20,000 GPU records; one PDF row per
 * record would be hundreds of pages nobody reads. The PDF groups them per line item, site and
 * layer (with their distinct links); the XLSX keeps one row per record.
 * Tables use fixed widths: pdfmake's auto widths measure every cell twice (the S7 budget).
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatAmount, formatVolume } from '../../domain/money';
import { formatDate, monthName } from '../../domain/numbers-format';
import type { PackData } from '../modules/monthly-reports/pack/load-pack-data';
import { renderPdf } from './pdfmake-server';

const RESULT_LABEL = { ok: 'OK', falla: 'FALLA', aviso: 'AVISO' } as const;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const head = (cells: string[]): TableCell[] => cells.map((text) => ({ text, style: 'th' }));
const num = (text: string): TableCell => ({ text, alignment: 'right' });
const link = (url: string | null): TableCell => (url ? { text: cut(url, 80), link: url, color: '#0b5394' } : { text: '—' });

function table(widths: (number | string)[], header: string[], body: TableCell[][]): Content {
  return { table: { headerRows: 1, widths, body: [head(header), ...body] }, layout: 'lightHorizontalLines', margin: [0, 2, 0, 8] };
}

function cover(d: PackData): Content[] {
  return [
    { text: d.title, style: 'h1' },
    { text: `Carpeta mensual de ${monthName(d.month, 'es')} ${d.year} — versión ${d.version}`, style: 'h2' },
    {
      table: {
        widths: [130, '*'],
        body: [
          ['OT', `${d.folio} — ${d.description}`],
          ['Cliente', d.clientName],
          ['Periodo', `${monthName(d.month, 'es')} ${d.year}`],
          ['Estatus', d.statusLabel],
          ['Sitios', d.sites.map((s) => s.name).join(', ') || '—'],
          ['Carpeta de evidencia', link(d.evidenceUrl)],
          ['Reportes diarios', `${d.grandTotal.dailyReports} (días productivos: ${d.grandTotal.productiveDays})`],
          ['Importe MXN', `$${formatAmount(d.grandTotal.amountMxn)} MXN`],
          ['Importe USD', `$${formatAmount(d.grandTotal.amountUsd)} USD`],
          ['Excedente (no cobrable)', formatVolume(d.grandTotal.excessVolume)],
          ['Generado', `${d.generatedAt.slice(0, 19).replace('T', ' ')} UTC`],
        ],
      },
      layout: 'noBorders',
      margin: [0, 8, 0, 8],
    },
    { text: 'Firmas de revisión', style: 'h3' },
    d.signOffs.length
      ? table([200, '*', 120], ['Firma', 'Usuario', 'Fecha'], d.signOffs.map((s) => [s.label, s.userName, s.signedAt.slice(0, 16).replace('T', ' ')]))
      : { text: 'Sin firmas registradas.', italics: true, margin: [0, 2, 0, 8] },
    { text: 'Lista de verificación previa al cierre', style: 'h3' },
    table(
      [150, 40, 30, '*'],
      ['Punto', 'Result.', 'Núm.', 'Detalle'],
      d.checklist.map((i) => [`${i.label_es}${i.blocking ? ' (bloqueante)' : ''}`, RESULT_LABEL[i.result], num(String(i.count)), i.message_es]),
    ),
    { text: 'Totales por sitio y capa', style: 'h3' },
    table(
      ['*', 40, 80, 80, 90, 90],
      ['Sitio', 'Capa', 'Volumen', 'Excedente', 'Importe MXN', 'Importe USD'],
      [
        ...d.totals.map((t) => [t.siteName, t.layer, num(formatVolume(t.volume)), num(formatVolume(t.excessVolume)), num(formatAmount(t.amountMxn)), num(formatAmount(t.amountUsd))]),
        [{ text: 'Total', bold: true }, '', '', num(formatVolume(d.grandTotal.excessVolume)), num(formatAmount(d.grandTotal.amountMxn)), num(formatAmount(d.grandTotal.amountUsd))],
      ],
    ),
  ];
}

function dailyReports(d: PackData): Content[] {
  const out: Content[] = [{ text: 'Reportes diarios por sitio', style: 'h2', pageBreak: 'before' }];
  if (!d.dailyReports.length) out.push({ text: 'Sin reportes diarios.', italics: true });
  for (const site of [...new Set(d.dailyReports.map((r) => r.siteName))]) {
    out.push({ text: site, style: 'h3' });
    out.push(
      table(
        [60, 80, 100, '*', 120],
        ['Fecha', 'Estatus operativo', 'Firma', 'Nota', 'Incidente'],
        d.dailyReports.filter((r) => r.siteName === site).map((r) => [formatDate(r.date), r.operational, r.signature, r.note ?? '', r.incident ? link(r.incidentUrl) : '']),
      ),
    );
  }
  return out;
}

function production(d: PackData): Content[] {
  const out: Content[] = [{ text: 'Producción por sitio y capa', style: 'h2', pageBreak: 'before' }];
  if (!d.production.length) out.push({ text: 'Sin producción en el mes.', italics: true });
  for (const t of d.totals) {
    const lines = d.production.filter((p) => p.siteName === t.siteName && p.layer === t.layer);
    out.push({ text: `${t.siteName} — ${t.layer === 'TE' ? 'TE (tiempo efectivo)' : 'CMA (costo mínimo aplicado)'}`, style: 'h3' });
    out.push(
      table(
        [38, 42, '*', 34, 22, 62, 52, 62, 62],
        ['Anexo', 'Partida', 'Concepto', 'Unidad', 'Días', 'Volumen', 'Excedente', 'Importe MXN', 'Importe USD'],
        [
          ...lines.map((p) => [
            p.subAnnex,
            p.code,
            cut(p.concept, 70),
            p.unit,
            num(String(p.days)),
            num(formatVolume(p.volume)),
            num(formatVolume(p.excessVolume)),
            num(formatAmount(p.amountMxn)),
            num(formatAmount(p.amountUsd)),
          ]),
          [{ text: 'Subtotal', bold: true, colSpan: 5 }, '', '', '', '', num(formatVolume(t.volume)), num(formatVolume(t.excessVolume)), num(formatAmount(t.amountMxn)), num(formatAmount(t.amountUsd))],
        ],
      ),
    );
  }
  return out;
}

function gpus(d: PackData): Content[] {
  const groups = new Map<string, { code: string; concept: string; siteName: string; layer: string; count: number; statuses: Map<string, number>; links: Set<string> }>();
  for (const g of d.gpus) {
    const key = `${g.code}|${g.concept}|${g.siteName}|${g.layer}`;
    const entry = groups.get(key) ?? { code: g.code, concept: g.concept, siteName: g.siteName, layer: g.layer, count: 0, statuses: new Map(), links: new Set() };
    entry.count += 1;
    entry.statuses.set(g.status, (entry.statuses.get(g.status) ?? 0) + 1);
    if (g.evidenceUrl) entry.links.add(g.evidenceUrl);
    groups.set(key, entry);
  }
  const rows: TableCell[][] = [...groups.values()].map((g) => {
    const links = [...g.links];
    return [
      g.code,
      cut(g.concept, 50),
      g.siteName,
      g.layer,
      num(String(g.count)),
      [...g.statuses].map(([s, n]) => `${s}: ${n}`).join(', '),
      links.length ? { stack: [...links.slice(0, 3).map((u) => link(u) as Content), ...(links.length > 3 ? [{ text: `y ${links.length - 3} más` }] : [])] } : { text: 'Sin evidencia' },
    ];
  });
  return [
    { text: 'GPU (generadores) con evidencia', style: 'h2', pageBreak: 'before' },
    rows.length ? table([42, 120, 70, 28, 26, 90, '*'], ['Partida', 'Concepto', 'Sitio', 'Capa', 'Reg.', 'Estatus', 'Evidencia'], rows) : { text: 'Sin registros GPU.', italics: true },
  ];
}

function excess(d: PackData): Content[] {
  return [
    { text: 'Excedentes y reconocimientos', style: 'h2', pageBreak: 'before' },
    d.excess.length
      ? table(
          [42, '*', 60, 50, 28, 55, 55, 130],
          ['Partida', 'Concepto', 'Sitio', 'Fecha', 'Capa', 'Volumen', 'Excedente', 'Reconocido'],
          d.excess.map((e) => [
            e.code,
            cut(e.concept, 50),
            e.siteName,
            formatDate(e.date),
            e.layer,
            num(formatVolume(e.volume)),
            num(formatVolume(e.excessVolume)),
            e.acknowledged ? `${e.ackBy ?? ''} ${e.ackAt ?? ''}: ${e.ackReason ?? ''}` : 'Sin reconocer',
          ]),
        )
      : { text: 'Sin excedentes en el mes.', italics: true },
  ];
}

export async function renderMonthlyPackPdf(d: PackData): Promise<Buffer> {
  return renderPdf({
    info: { title: d.title, subject: `Carpeta mensual versión ${d.version}`, creator: 'Carpeta' },
    pageSize: 'LETTER',
    pageOrientation: 'landscape',
    pageMargins: [30, 36, 30, 36],
    defaultStyle: { fontSize: 7.5 },
    styles: { h1: { fontSize: 16, bold: true }, h2: { fontSize: 12, bold: true, margin: [0, 4, 0, 4] }, h3: { fontSize: 9.5, bold: true, margin: [0, 6, 0, 2] }, th: { bold: true, fillColor: '#e8eef4' } },
    header: (page) => ({ text: `${d.title} — versión ${d.version}`, fontSize: 7, color: '#666', margin: [30, 14, 30, 0], ...(page === 1 ? { text: '' } : {}) }),
    footer: (page, pages) => ({ text: `Página ${page} de ${pages}`, alignment: 'right', fontSize: 7, color: '#666', margin: [30, 8, 30, 0] }),
    content: [...cover(d), ...dailyReports(d), ...production(d), ...gpus(d), ...excess(d)],
  });
}
