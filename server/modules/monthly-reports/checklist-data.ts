/**
 * Loads everything the pure checklist (`domain/checklist.ts`) looks at for one OT-month, straight
 * from the tables the capture modules write. Deprecated line items (`active = false`) are left out
 * everywhere, as the seed's troubleshooting note asks.
 */
import { sql } from 'drizzle-orm';
import type { ChecklistInput, ChecklistSite, EvidenceReachability } from '../../../domain/checklist';
import { firstDayOfMonth, lastDayOfMonth, todayInMexicoCity } from '../../../domain/dates';
import type { SiteRole } from '../../../domain/work-order';
import { windowForSite, type WorkOrderFamilyDates } from '../../../domain/validity-window';
import type { DbOrTx } from '../../db/database';
import { findFamily, type WorkOrderRow } from '../work-orders/work-orders.repository';
import { listCapturers, listSignOffs, type MonthlyReportRow } from './monthly-reports.repository';
import { readAll } from './run-queries';

export function familyDates(family: WorkOrderRow[]): WorkOrderFamilyDates {
  const initial = family.find((w) => w.kind === 'initial') ?? family[0]!;
  return { initial, reprogrammings: family.filter((w) => w.kind === 'reprogramming' && w.active) };
}

/** Every site of the family once; the yard role wins so a yard phase keeps its own window. */
export function familySites(family: WorkOrderRow[]): { id: number; name: string; role: SiteRole }[] {
  const byId = new Map<number, { id: number; name: string; role: SiteRole }>();
  for (const wo of family.filter((w) => w.active || w.kind === 'initial')) {
    for (const s of wo.sites) {
      const prev = byId.get(s.siteId);
      if (!prev || s.role === 'yard') byId.set(s.siteId, { id: s.siteId, name: s.name, role: s.role as SiteRole });
    }
  }
  return [...byId.values()];
}

/** The stored reachability result in the domain's shape (null when never checked). */
export function reachabilityOf(check: unknown): EvidenceReachability | null {
  if (!check || typeof check !== 'object') return null;
  const c = check as { url?: unknown; reachable?: unknown; checkedAt?: unknown };
  if (typeof c.url !== 'string' || typeof c.reachable !== 'boolean' || typeof c.checkedAt !== 'string') return null;
  return { url: c.url, reachable: c.reachable, checkedAt: c.checkedAt };
}

export async function loadChecklistInput(db: DbOrTx, report: MonthlyReportRow, today = todayInMexicoCity()): Promise<ChecklistInput> {
  const family = await findFamily(db, report.workOrderId);
  const dates = familyDates(family);
  const sites: ChecklistSite[] = familySites(family).map((s) => ({ id: s.id, name: s.name, window: windowForSite(dates, s.role) }));
  const from = firstDayOfMonth(report.year, report.month);
  const to = lastDayOfMonth(report.year, report.month);

  const [daily, entries, gpus, items, planned, signOffs, capturers] = await readAll(db, [
    () => db.execute<{ siteId: number; date: string; operationalStatus: never; signatureStatus: never; incident: boolean; incidentLink: string | null }>(sql`
      select site_id as "siteId", date, operational_status as "operationalStatus", signature_status as "signatureStatus", incident, incident_url as "incidentLink"
      from daily_reports where monthly_report_id = ${report.id}`),
    () => db.execute<{ id: number; lineItemId: number; siteId: number; date: string; layer: 'TE' | 'CMA'; subAnnex: string; volume: string; excessVolume: string; excessAcknowledged: boolean }>(sql`
      select p.id, p.line_item_id as "lineItemId", p.site_id as "siteId", p.date, p.layer, l.sub_annex as "subAnnex",
        p.volume::text as volume, p.excess_volume::text as "excessVolume", (p.excess_ack_at is not null) as "excessAcknowledged"
      from production_entries p join line_items l on l.id = p.line_item_id
      where p.monthly_report_id = ${report.id} and l.active`),
    // Only records with a link matter to the rules (a record without one fails like a missing record).
    () => db.execute<{ productionEntryId: number; status: never; evidenceUrl: string | null }>(sql`
      select g.production_entry_id as "productionEntryId", g.status, g.evidence_url as "evidenceUrl"
      from gpu_records g join production_entries p on p.id = g.production_entry_id
      where p.monthly_report_id = ${report.id} and g.evidence_url is not null`),
    () => db.execute<{ id: number; code: string; puMxn: string; puUsd: string; catPuMxn: string | null; catPuUsd: string | null; hasCatalogue: boolean }>(sql`
      select l.id, l.code, l.pu_mxn::text as "puMxn", l.pu_usd::text as "puUsd", c.pu_mxn::text as "catPuMxn", c.pu_usd::text as "catPuUsd", (c.id is not null) as "hasCatalogue"
      from line_items l left join catalogue_items c on c.id = l.catalogue_item_id where l.family_id = ${report.workOrderId} and l.active`),
    // The rules only use each line item's planned total in the month: sum it here (≤ 1 row per item).
    () => db.execute<{ lineItemId: number; date: string; volume: string }>(sql`
      select pv.line_item_id as "lineItemId", ${from}::text as date, sum(pv.volume)::text as volume
      from planned_volumes pv join line_items l on l.id = pv.line_item_id
      where l.family_id = ${report.workOrderId} and l.active and pv.date between ${from} and ${to}
      group by pv.line_item_id`),
    () => listSignOffs(db, report.id, report.version),
    () => listCapturers(db, report.id),
  ] as const);

  return {
    year: report.year,
    month: report.month,
    today,
    status: report.status,
    sites,
    dailyReports: daily.rows,
    // The excess engine recomputes excess whenever a cap changes (spec §3.4), so a stored excess
    // is never covered by a newer authorized volume: only an acknowledgment resolves it.
    productionEntries: entries.rows.map((e) => ({ ...e, id: Number(e.id), coveredByNewerCap: false })),
    gpuRecords: gpus.rows.map((g) => ({ ...g, productionEntryId: Number(g.productionEntryId) })),
    lineItems: items.rows.map((l) => ({
      id: l.id,
      code: l.code,
      puMxn: l.puMxn,
      puUsd: l.puUsd,
      catalogue: l.hasCatalogue ? { puMxn: l.catPuMxn, puUsd: l.catPuUsd } : null,
    })),
    plannedVolumes: planned.rows,
    evidenceUrl: report.evidenceUrl,
    evidenceReachability: reachabilityOf(report.evidenceCheck),
    signOffs: signOffs.map((s) => ({ kind: s.kind, userId: s.userId })),
    capturedByUserIds: capturers,
  };
}
