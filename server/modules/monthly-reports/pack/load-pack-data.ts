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
  dailyReports: {
    siteName: string;
    date: string;
    operational: string;
    signature: string;
    note: string | null;
    incident: boolean;
    incidentUrl: string | null;
  }[];
  production: PackProductionLine[];
  gpus: {
    code: string;
    concept: string;
    siteName: string;
    date: string;
    layer: string;
    volume: string;
    status: string;
    evidenceUrl: string | null;
  }[];
  excess: {
    code: string;
    concept: string;
    siteName: string;
    date: string;
    layer: string;
    volume: string;
    excessVolume: string;
    acknowledged: boolean;
    ackBy: string | null;
    ackAt: string | null;
    ackReason: string | null;
  }[];
  checklist: ChecklistItem[];
  canClose: boolean;
  signOffs: { label: string; userName: string; signedAt: string }[];
  totals: { siteName: string; layer: string; volume: string; excessVolume: string; amountMxn: string; amountUsd: string }[];
  grandTotal: { amountMxn: string; amountUsd: string; excessVolume: string; productiveDays: number; dailyReports: number };
  /** Compact cell list for the closed snapshot and the version diff. */
  cells: [number, number, string, string, string, string][];
}

/**
 * Loads the pack's data. The reads run side by side on the pool (one after the other inside a
 * transaction), and rows are used as they come (no copies of ~30,000 objects). `cells` (the
 * closed snapshot's cell list, ~30,000 rows) is only read when asked for: downloads skip it.
 */
export async function loadPackData(db: DbOrTx, report: MonthlyReportRow, options: { cells?: boolean } = {}): Promise<PackData> {
  const R = report.id;
  const [checklistInput, head, daily, lines, cells, gpus, excess, signOffs] = await readAll(db, [
    () => loadChecklistFacts(db, report),
    () =>
      db.execute<{ clientName: string }>(
        sql`select c.name as "clientName" from work_orders w join clients c on c.id = w.client_id where w.id = ${report.workOrderId}`,
      ),
    () =>
      db.execute<{
        siteName: string;
        date: string;
        operational: keyof typeof OPERATIONAL_STATUS_LABELS;
        signature: keyof typeof SIGNATURE_STATUS_LABELS;
        note: string | null;
        incident: boolean;
        incidentUrl: string | null;
      }>(sql`
      select s.name as "siteName", d.date, d.operational_status as operational, d.signature_status as signature, d.note, d.incident, d.incident_url as "incidentUrl"
      from daily_reports d join sites s on s.id = d.site_id where d.monthly_report_id = ${R} order by s.name, d.date`),
    // Summed per (site, layer, line item) first, then labelled: the sort only sees ~5,000 rows.
    () =>
      db.execute<Omit<PackProductionLine, 'billableVolume' | 'amountMxn' | 'amountUsd'>>(sql`
      select x.site_id as "siteId", s.name as "siteName", x.layer, l.id as "lineItemId", l.sub_annex as "subAnnex", l.code, l.concept, u.code as unit,
        x.days, x.volume::text as volume, x.excess::text as "excessVolume", l.pu_mxn::text as "puMxn", l.pu_usd::text as "puUsd"
      from (
        select site_id, layer, line_item_id, count(*)::int as days, sum(volume) as volume, sum(excess_volume) as excess
        from production_entries where monthly_report_id = ${R} group by site_id, layer, line_item_id
      ) x
      join line_items l on l.id = x.line_item_id join sites s on s.id = x.site_id join units u on u.id = l.unit_id
      where l.active
      order by s.name, x.layer desc, l.sort_key, l.id`),
    async () =>
      options.cells === false
        ? { rows: [] as { l: number; s: number; d: string; y: string; v: string; e: string }[] }
        : db.execute<{ l: number; s: number; d: string; y: string; v: string; e: string }>(sql`
      select p.line_item_id as l, p.site_id as s, p.date as d, p.layer as y, p.volume::text as v, p.excess_volume::text as e
      from production_entries p join line_items l on l.id = p.line_item_id where p.monthly_report_id = ${R} and l.active
      order by p.line_item_id, p.site_id, p.date, p.layer`),
    // One index probe per entry for its GPU record (OFFSET 0 keeps the lateral subquery a probe:
    // as a plain join the planner may scan every GPU record of every report).
    () =>
      db.execute<PackData['gpus'][number]>(sql`
      select l.code, l.concept, s.name as "siteName", p.date, p.layer, p.volume::text as volume, g.status, g.evidence_url as "evidenceUrl"
      from production_entries p join line_items l on l.id = p.line_item_id join sites s on s.id = p.site_id
      join lateral (select status, evidence_url from gpu_records g where g.production_entry_id = p.id offset 0) g on true
      where p.monthly_report_id = ${R} and l.active order by l.sort_key, l.id, s.name, p.date, p.layer`),
    () =>
      db.execute<PackData['excess'][number]>(sql`
      select l.code, l.concept, s.name as "siteName", p.date, p.layer, p.volume::text as volume, p.excess_volume::text as "excessVolume",
        (p.excess_ack_at is not null) as acknowledged, u.name as "ackBy", to_char(p.excess_ack_at at time zone 'America/Mexico_City', 'DD/MM/YYYY HH24:MI') as "ackAt", p.excess_ack_reason as "ackReason"
      from production_entries p join line_items l on l.id = p.line_item_id join sites s on s.id = p.site_id left join users u on u.id = p.excess_ack_by
      where p.monthly_report_id = ${R} and l.active and p.excess_volume > 0 order by l.sort_key, l.id, p.date, p.layer desc, s.name`),
    () => listSignOffs(db, R, report.version),
  ] as const);
  const checklist = computeChecklistFromFacts(checklistInput);

  const production = lines.rows.map((l) => {
    const billable = toDec(l.volume).minus(toDec(l.excessVolume)).toFixed();
    return { ...l, billableVolume: billable, amountMxn: amount(billable, l.puMxn), amountUsd: amount(billable, l.puUsd) };
  });
  const totals = new Map<string, PackData['totals'][number] & { parts: PackProductionLine[] }>();
  for (const line of production) {
    const key = `${line.siteName}|${line.layer}`;
    const t = totals.get(key) ?? {
      siteName: line.siteName,
      layer: line.layer,
      volume: '0',
      excessVolume: '0',
      amountMxn: '0',
      amountUsd: '0',
      parts: [],
    };
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

  // Status labels in place: ~20,000 rows are not copied.
  for (const g of gpus.rows) g.status = GPU_STATUS_LABELS[g.status as keyof typeof GPU_STATUS_LABELS].es;

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
    gpus: gpus.rows,
    excess: excess.rows,
    checklist,
    canClose: summarizeChecklist(checklist).canClose,
    signOffs: signOffs.map((s) => ({ label: SIGN_OFF_LABELS[s.kind].es, userName: s.userName, signedAt: s.signedAt })),
    totals: totalRows,
    // Subtotals are exact sums of rounded amounts, so their sum is the sum of every line.
    grandTotal: {
      amountMxn: sumAmounts(totalRows.map((t) => t.amountMxn)),
      amountUsd: sumAmounts(totalRows.map((t) => t.amountUsd)),
      excessVolume: sumVolumes(totalRows.map((t) => t.excessVolume)),
      productiveDays: daily.rows.filter((d) => d.operational === 'productivo').length,
      dailyReports: daily.rows.length,
    },
    cells: cells.rows.map((c) => [c.l, c.s, c.d, c.y, c.v, c.e]),
  };
}
