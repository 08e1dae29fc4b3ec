/**
 * Everything the monthly pack (PDF + XLSX) shows, read in one transaction so both files describe
 * the same instant: cover, daily reports per site, production per site and layer with amounts,
 * GPU records, excess and acknowledgments, the checklist, sign-offs and totals.
 * Amounts follow spec §2: volume × PU rounded half-even per line, per currency; the billable
 * volume of a line is its volume minus its excess (excess is recorded, not billable).
 */
import { sql } from 'drizzle-orm';
import { summarizeChecklist, type ChecklistItem } from '../../../../domain/checklist';
import { computeChecklistFromFacts } from '../../../../domain/checklist-aggregated';
import { OPERATIONAL_STATUS_LABELS } from '../../../../domain/daily-report';
import { GPU_STATUS_LABELS } from '../../../../domain/gpu';
import { amount, sumAmounts, sumVolumes, toDec } from '../../../../domain/money';
import { MONTHLY_REPORT_STATUS_LABELS, reportDisplayName } from '../../../../domain/monthly-report-status';
import { SIGNATURE_STATUS_LABELS } from '../../../../domain/signature-status';
import { SIGN_OFF_LABELS } from '../../../../domain/sign-off';
import type { DbOrTx } from '../../../db/database';
import { loadChecklistFacts } from '../checklist-data';
import { listSignOffs, type MonthlyReportRow } from '../monthly-reports.repository';
import { readAll } from '../run-queries';

export interface PackProductionLine {
  siteId: number;
  siteName: string;
  layer: 'TE' | 'CMA';
  lineItemId: number;
  subAnnex: string;
  code: string;
  concept: string;
  unit: string;
  days: number;
  volume: string;
  excessVolume: string;
  billableVolume: string;
  puMxn: string;
  puUsd: string;
  amountMxn: string;
  amountUsd: string;
}

export interface PackData {
  title: string;
  folio: string;
  description: string;
  clientName: string;
  year: number;
  month: number;
  statusLabel: string;
  version: number;
  evidenceUrl: string | null;
  generatedAt: string;
  sites: { id: number; name: string }[];
  dailyReports: { siteName: string; date: string; operational: string; signature: string; note: string | null; incident: boolean; incidentUrl: string | null }[];
  production: PackProductionLine[];
  gpus: { code: string; concept: string; siteName: string; date: string; layer: string; volume: string; status: string; evidenceUrl: string | null }[];
  excess: { code: string; concept: string; siteName: string; date: string; layer: string; volume: string; excessVolume: string; acknowledged: boolean; ackBy: string | null; ackAt: string | null; ackReason: string | null }[];
  checklist: ChecklistItem[];
  canClose: boolean;
  signOffs: { label: string; userName: string; signedAt: string }[];
  totals: { siteName: string; layer: string; volume: string; excessVolume: string; amountMxn: string; amountUsd: string }[];
  grandTotal: { amountMxn: string; amountUsd: string; excessVolume: string; productiveDays: number; dailyReports: number };
  /** Compact cell list for the closed snapshot and the version diff. */
  cells: [number, number, string, string, string, string][];
}

export async function loadPackData(db: DbOrTx, report: MonthlyReportRow): Promise<PackData> {
  const checklistInput = await loadChecklistFacts(db, report);
  const checklist = computeChecklistFromFacts(checklistInput);
  const [head, daily, lines, cells, gpus, excess, signOffs] = await readAll(db, [
    () => db.execute<{ clientName: string }>(sql`select c.name as "clientName" from work_orders w join clients c on c.id = w.client_id where w.id = ${report.workOrderId}`),
    () => db.execute<{ siteName: string; date: string; operational: keyof typeof OPERATIONAL_STATUS_LABELS; signature: keyof typeof SIGNATURE_STATUS_LABELS; note: string | null; incident: boolean; incidentUrl: string | null }>(sql`
      select s.name as "siteName", d.date, d.operational_status as operational, d.signature_status as signature, d.note, d.incident, d.incident_url as "incidentUrl"
      from daily_reports d join sites s on s.id = d.site_id where d.monthly_report_id = ${report.id} order by s.name, d.date`),
    () => db.execute<Omit<PackProductionLine, 'billableVolume' | 'amountMxn' | 'amountUsd'>>(sql`
      select p.site_id as "siteId", s.name as "siteName", p.layer, l.id as "lineItemId", l.sub_annex as "subAnnex", l.code, l.concept, u.code as unit,
        count(*)::int as days, sum(p.volume)::text as volume, sum(p.excess_volume)::text as "excessVolume", l.pu_mxn::text as "puMxn", l.pu_usd::text as "puUsd"
      from production_entries p join line_items l on l.id = p.line_item_id join sites s on s.id = p.site_id join units u on u.id = l.unit_id
      where p.monthly_report_id = ${report.id} and l.active
      group by p.site_id, s.name, p.layer, l.id, u.code
      order by s.name, p.layer desc, l.sort_key, l.id`),
    () => db.execute<{ l: number; s: number; d: string; y: string; v: string; e: string }>(sql`
      select p.line_item_id as l, p.site_id as s, p.date as d, p.layer as y, p.volume::text as v, p.excess_volume::text as e
      from production_entries p join line_items l on l.id = p.line_item_id where p.monthly_report_id = ${report.id} and l.active
      order by p.line_item_id, p.site_id, p.date, p.layer`),
    () => db.execute<{ code: string; concept: string; siteName: string; date: string; layer: string; volume: string; status: keyof typeof GPU_STATUS_LABELS; evidenceUrl: string | null }>(sql`
      select l.code, l.concept, s.name as "siteName", p.date, p.layer, p.volume::text as volume, g.status, g.evidence_url as "evidenceUrl"
      from gpu_records g join production_entries p on p.id = g.production_entry_id join line_items l on l.id = p.line_item_id join sites s on s.id = p.site_id
      where p.monthly_report_id = ${report.id} and l.active order by l.sort_key, l.id, s.name, p.date, p.layer`),
    () => db.execute<PackData['excess'][number]>(sql`
      select l.code, l.concept, s.name as "siteName", p.date, p.layer, p.volume::text as volume, p.excess_volume::text as "excessVolume",
        (p.excess_ack_at is not null) as acknowledged, u.name as "ackBy", to_char(p.excess_ack_at at time zone 'America/Mexico_City', 'DD/MM/YYYY HH24:MI') as "ackAt", p.excess_ack_reason as "ackReason"
      from production_entries p join line_items l on l.id = p.line_item_id join sites s on s.id = p.site_id left join users u on u.id = p.excess_ack_by
      where p.monthly_report_id = ${report.id} and l.active and p.excess_volume > 0 order by l.sort_key, l.id, p.date, p.layer desc, s.name`),
    () => listSignOffs(db, report.id, report.version),
  ] as const);

  const production = lines.rows.map((l) => {
    const billable = toDec(l.volume).minus(toDec(l.excessVolume)).toFixed();
    return { ...l, billableVolume: billable, amountMxn: amount(billable, l.puMxn), amountUsd: amount(billable, l.puUsd) };
  });
  const totals = new Map<string, PackData['totals'][number] & { parts: PackProductionLine[] }>();
  for (const line of production) {
    const key = `${line.siteName}|${line.layer}`;
    const t = totals.get(key) ?? { siteName: line.siteName, layer: line.layer, volume: '0', excessVolume: '0', amountMxn: '0', amountUsd: '0', parts: [] };
    t.parts.push(line);
    totals.set(key, t);
  }
  const totalRows = [...totals.values()].map(({ parts, ...t }) => ({
    ...t,
    volume: sumVolumes(parts.map((p) => p.volume)),
    excessVolume: sumVolumes(parts.map((p) => p.excessVolume)),
    amountMxn: sumAmounts(parts.map((p) => p.amountMxn)),
    amountUsd: sumAmounts(parts.map((p) => p.amountUsd)),
  }));

  return {
    title: reportDisplayName(report.folio, report.month, report.year),
    folio: report.folio,
    description: report.description,
    clientName: head.rows[0]?.clientName ?? '',
    year: report.year,
    month: report.month,
    statusLabel: MONTHLY_REPORT_STATUS_LABELS[report.status].es,
    version: report.version,
    evidenceUrl: report.evidenceUrl,
    generatedAt: new Date().toISOString(),
    sites: checklistInput.sites.map((s) => ({ id: s.id, name: s.name })),
    dailyReports: daily.rows.map((d) => ({
      ...d,
      operational: OPERATIONAL_STATUS_LABELS[d.operational].es,
      signature: SIGNATURE_STATUS_LABELS[d.signature].es,
    })),
    production,
    gpus: gpus.rows.map((g) => ({ ...g, status: GPU_STATUS_LABELS[g.status].es })),
    excess: excess.rows,
    checklist,
    canClose: summarizeChecklist(checklist).canClose,
    signOffs: signOffs.map((s) => ({ label: SIGN_OFF_LABELS[s.kind].es, userName: s.userName, signedAt: s.signedAt })),
    totals: totalRows,
    grandTotal: {
      amountMxn: sumAmounts(production.map((p) => p.amountMxn)),
      amountUsd: sumAmounts(production.map((p) => p.amountUsd)),
      excessVolume: sumVolumes(production.map((p) => p.excessVolume)),
      productiveDays: daily.rows.filter((d) => d.operational === 'productivo').length,
      dailyReports: daily.rows.length,
    },
    cells: cells.rows.map((c) => [c.l, c.s, c.d, c.y, c.v, c.e]),
  };
}
