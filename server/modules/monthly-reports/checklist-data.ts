/**
 * Loads what the pre-closure checklist looks at for one OT-month, straight from the tables the
 * capture modules write. Deprecated line items (`active = false`) are left out everywhere, as the
 * seed's troubleshooting note asks.
 *
 * The server uses {@link loadChecklistFacts}: production (~30,000 entries and ~20,000 GPU records
 * in a 3,000-item month) is aggregated in SQL and only counts, the first offending ids and the
 * codes the messages name come back (`domain/checklist-aggregated.ts`). {@link loadChecklistInput}
 * loads every row for the per-row `computeChecklist`; it is the reference the aggregated path is
 * tested against, and the fallback for data the SQL does not expect.
 */
import { sql } from 'drizzle-orm';
import type { ChecklistInput, ChecklistSite, EvidenceReachability } from '../../../domain/checklist';
import {
  MESSAGE_CODES,
  OFFENDING_CAP,
  checklistFactsFromInput,
  classifyEvidenceUrl,
  type ChecklistFacts,
} from '../../../domain/checklist-aggregated';
import { isHttpUrl } from '../../../domain/evidence-link';
import { gpuSubAnnexOf } from '../../../domain/gpu';
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

/**
 * Every row the per-row checklist (`computeChecklist`) looks at, in the canonical order of the
 * aggregated path (entries, line items and plans by id). The server computes the checklist with
 * {@link loadChecklistFacts} instead; this loader is the reference tests compare it with.
 */
export async function loadChecklistInput(db: DbOrTx, report: MonthlyReportRow, today = todayInMexicoCity()): Promise<ChecklistInput> {
  const family = await findFamily(db, report.workOrderId);
  const dates = familyDates(family);
  const sites: ChecklistSite[] = familySites(family).map((s) => ({ id: s.id, name: s.name, window: windowForSite(dates, s.role) }));
  const from = firstDayOfMonth(report.year, report.month);
  const to = lastDayOfMonth(report.year, report.month);

  const [daily, entries, gpus, items, planned, signOffs, capturers] = await readAll(db, [
    () =>
      db.execute<{
        siteId: number;
        date: string;
        operationalStatus: never;
        signatureStatus: never;
        incident: boolean;
        incidentLink: string | null;
      }>(sql`
      select site_id as "siteId", date, operational_status as "operationalStatus", signature_status as "signatureStatus", incident, incident_url as "incidentLink"
      from daily_reports where monthly_report_id = ${report.id} order by site_id, date`),
    () =>
      db.execute<{
        id: number;
        lineItemId: number;
        siteId: number;
        date: string;
        layer: 'TE' | 'CMA';
        subAnnex: string;
        volume: string;
        excessVolume: string;
        excessAcknowledged: boolean;
      }>(sql`
      select p.id, p.line_item_id as "lineItemId", p.site_id as "siteId", p.date, p.layer, l.sub_annex as "subAnnex",
        p.volume::text as volume, p.excess_volume::text as "excessVolume", (p.excess_ack_at is not null) as "excessAcknowledged"
      from production_entries p join line_items l on l.id = p.line_item_id
      where p.monthly_report_id = ${report.id} and l.active order by p.id`),
    // Only records with a link matter to the rules (a record without one fails like a missing record).
    () =>
      db.execute<{ productionEntryId: number; status: never; evidenceUrl: string | null }>(sql`
      select g.production_entry_id as "productionEntryId", g.status, g.evidence_url as "evidenceUrl"
      from gpu_records g join production_entries p on p.id = g.production_entry_id
      where p.monthly_report_id = ${report.id} and g.evidence_url is not null order by g.production_entry_id`),
    () =>
      db.execute<{
        id: number;
        code: string;
        puMxn: string;
        puUsd: string;
        catPuMxn: string | null;
        catPuUsd: string | null;
        hasCatalogue: boolean;
      }>(sql`
      select l.id, l.code, l.pu_mxn::text as "puMxn", l.pu_usd::text as "puUsd", c.pu_mxn::text as "catPuMxn", c.pu_usd::text as "catPuUsd", (c.id is not null) as "hasCatalogue"
      from line_items l left join catalogue_items c on c.id = l.catalogue_item_id where l.family_id = ${report.workOrderId} and l.active order by l.id`),
    // The rules only use each line item's planned total in the month: sum it here (≤ 1 row per item).
    () =>
      db.execute<{ lineItemId: number; date: string; volume: string }>(sql`
      select pv.line_item_id as "lineItemId", ${from}::text as date, sum(pv.volume)::text as volume
      from planned_volumes pv join line_items l on l.id = pv.line_item_id
      where l.family_id = ${report.workOrderId} and l.active and pv.date between ${from} and ${to}
      group by pv.line_item_id order by pv.line_item_id`),
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

type Ids = (string | number)[];
type GpuRow = {
  gpuCount: number;
  gpuIds: Ids;
  gpuCodes: string[];
  gpuCodeCount: number;
  gpuUpdaters: number[];
  urls: string[];
};
type RestRow = {
  foreign: number;
  excessCount: number;
  excessIds: Ids;
  excessCodes: string[];
  excessCodeCount: number;
  mismatchCount: number;
  mismatchIds: Ids;
  mismatchDays: [number, string][] | null;
  unlayeredCount: number;
  unlayeredIds: Ids;
  idleCount: number;
  idleIds: number[];
  idleCodes: string[];
  priceCount: number;
  priceIds: number[];
  priceCodes: string[];
  priceCodeCount: number;
  capturers: number[];
};

/*
 * The month's production aggregated in SQL, in two statements the pool runs side by side: counts,
 * the first `cap` offending ids and the codes the messages name, for every rule that would
 * otherwise read each row (see `domain/checklist-aggregated.ts` for the meaning and order of each
 * fact). Both read the report's entries with the family's line items (production is always filed
 * under its family's line items; `foreign` counts any that are not, and the caller then falls
 * back to the per-row path). In scope, as in the per-row loader: active line item, date in the
 * month. Lists whose count is 0 are never built (an InitPlan runs on first use only).
 */

/**
 * Item 2: C-2/C-3 entries without a GPU record with an evidence link, the updaters of the
 * report's GPU records (capturers) and the report's distinct links. `gpuLabels`: the family's
 * sub-annex labels that need a GPU (decided by the domain's canonicaliser). Every stored link
 * counts as evidence except `badUrls`: the caller checks the returned links with isHttpUrl (in
 * JavaScript: ~20,000 calls of a regular expression cost PostgreSQL tens of milliseconds) and runs
 * the query again with those it rejects, which the app's write paths never store.
 */
function gpuAggregateQuery(report: MonthlyReportRow, from: string, to: string, cap: number, gpuLabels: string[], badUrls: string[]) {
  return sql`
    with gpu as materialized (
      -- The report's GPU records in one index scan over the sorted entry ids (PostgreSQL >= 17
      -- walks the btree once for = ANY(array)), rather than one probe per entry.
      select production_entry_id, updated_by, evidence_url as url from gpu_records
      where production_entry_id = any(array(select id from production_entries where monthly_report_id = ${report.id}))
    ),
    lacking as materialized (
      select p.id, l.code
      from production_entries p
      join line_items l on l.id = p.line_item_id and l.family_id = ${report.workOrderId}
      where p.monthly_report_id = ${report.id} and p.date between ${from}::date and ${to}::date and p.volume > 0
        and l.active and l.sub_annex = any(${sql.param(gpuLabels)}::text[])
        -- NOT IN over non-null columns: always a hashed subplan, whatever the estimates.
        and p.id not in (
          select production_entry_id from gpu where url is not null and url not in (select unnest(${sql.param(badUrls)}::text[])))
    ),
    n as (select count(*)::int as n from lacking)
    select n.n as "gpuCount",
      case when n.n > 0 then array(select id from lacking order by id limit ${cap}) else '{}' end as "gpuIds",
      case when n.n > 0 then array(select code from lacking group by code order by min(id) limit ${MESSAGE_CODES}) else '{}' end as "gpuCodes",
      case when n.n > 0 then (select count(*)::int from (select distinct code from lacking) c) else 0 end as "gpuCodeCount",
      array(select distinct updated_by from gpu where updated_by is not null) as "gpuUpdaters",
      -- (Every link of the report: a superset of those the rule reads.)
      (select coalesce(json_agg(url), '[]') from (select distinct url from gpu where url is not null) u) as urls
    from n`;
}

/** Items 3, 5 and 7, the plan and price warnings, and the capturers of entries and daily reports. */
function restAggregateQuery(report: MonthlyReportRow, from: string, to: string, cap: number) {
  return sql`
    with e as materialized (
      select id, line_item_id, code, site_id, date, created_by, updated_by, foreign_item,
        in_scope and excess as excess, in_scope and mismatch as mismatch, in_scope and unlayered as unlayered, in_scope and produced as produced
      from (
        select p.id, p.line_item_id, l.code, p.site_id, p.date, p.created_by, p.updated_by, l.id is null as foreign_item,
          coalesce(l.active and p.date between ${from}::date and ${to}::date, false) as in_scope,
          p.excess_volume > 0 and p.excess_ack_at is null as excess,
          p.layer is not null and (d.id is null or not (d.operational_status = 'productivo' or (p.layer = 'CMA' and d.operational_status = 'en_espera'))) as mismatch,
          p.layer is null as unlayered,
          p.volume > 0 as produced
        from production_entries p
        left join line_items l on l.id = p.line_item_id and l.family_id = ${report.workOrderId}
        left join daily_reports d on d.monthly_report_id = p.monthly_report_id and d.site_id = p.site_id and d.date = p.date
        where p.monthly_report_id = ${report.id}
        offset 0
      ) x
    ),
    n as (
      select count(*) filter (where foreign_item)::int as foreign_items, count(*) filter (where excess)::int as excess,
        count(*) filter (where mismatch)::int as mismatch, count(*) filter (where unlayered)::int as unlayered
      from e
    ),
    idle as materialized (
      -- The month's plan of each line item through the (line_item_id, date) key, never a scan of every plan.
      select l.id, l.code
      from line_items l cross join lateral (
        select sum(pv.volume) as planned from planned_volumes pv where pv.line_item_id = l.id and pv.date between ${from}::date and ${to}::date) pv
      where l.family_id = ${report.workOrderId} and l.active and pv.planned > 0
        and l.id not in (select line_item_id from e where produced)
    ),
    price as materialized (
      select l.id, l.code from line_items l join catalogue_items c on c.id = l.catalogue_item_id
      where l.family_id = ${report.workOrderId} and l.active
        and (coalesce(l.pu_mxn, 0) <> coalesce(c.pu_mxn, 0) or coalesce(l.pu_usd, 0) <> coalesce(c.pu_usd, 0))
    )
    select
      n.foreign_items as "foreign",
      n.excess as "excessCount",
      case when n.excess > 0 then array(select id from e where excess order by id limit ${cap}) else '{}' end as "excessIds",
      case when n.excess > 0 then array(select code from e where excess group by code order by min(id) limit ${MESSAGE_CODES}) else '{}' end as "excessCodes",
      case when n.excess > 0 then (select count(*)::int from (select distinct code from e where excess) c) else 0 end as "excessCodeCount",
      n.mismatch as "mismatchCount",
      case when n.mismatch > 0 then array(select id from e where mismatch order by id limit ${cap}) else '{}' end as "mismatchIds",
      case when n.mismatch > 0 then (
        select json_agg(json_build_array(site_id, date) order by first)
        from (select site_id, date::text as date, min(id) as first from e where mismatch group by site_id, date) x) end as "mismatchDays",
      n.unlayered as "unlayeredCount",
      case when n.unlayered > 0 then array(select id from e where unlayered order by id limit ${cap}) else '{}' end as "unlayeredIds",
      (select count(*)::int from idle) as "idleCount",
      array(select id from idle order by id limit ${cap}) as "idleIds",
      array(select code from idle order by id limit ${MESSAGE_CODES}) as "idleCodes",
      (select count(*)::int from price) as "priceCount",
      array(select id from price order by id limit ${cap}) as "priceIds",
      array(select code from price group by code order by min(id) limit ${MESSAGE_CODES}) as "priceCodes",
      (select count(distinct code)::int from price) as "priceCodeCount",
      array(select u from (
        select unnest(array[b.created_by, b.updated_by]) as u from (select distinct created_by, updated_by from e) b
        union select unnest(array[created_by, updated_by]) from daily_reports where monthly_report_id = ${report.id}
      ) x where u is not null) as capturers
    from n`;
}

const gpuLabelsOf = (labels: readonly (string | null)[]) =>
  [...new Set(labels.filter((l): l is string => gpuSubAnnexOf(l) !== null))].sort();

/**
 * The checklist facts of an OT-month (`computeChecklistFromFacts`): daily reports, sign-offs and
 * sites row by row (a few dozen), production aggregated by two statements run side by side. Gives
 * the per-row checklist of {@link loadChecklistInput}, with entry and line-item refs cut at `cap`.
 */
export async function loadChecklistFacts(
  db: DbOrTx,
  report: MonthlyReportRow,
  today = todayInMexicoCity(),
  cap = OFFENDING_CAP,
): Promise<ChecklistFacts> {
  const from = firstDayOfMonth(report.year, report.month);
  const to = lastDayOfMonth(report.year, report.month);
  // The GPU pass needs the family's labels decided by the domain's canonicaliser; everything else
  // runs side by side (one pool connection each; one after the other inside a transaction).
  const gpuPass = async (gpuLabels: string[], badUrls: string[]) =>
    (await db.execute<GpuRow>(gpuAggregateQuery(report, from, to, cap, gpuLabels, badUrls))).rows[0]!;
  const [family, daily, signOffs, r, [gpuLabels, firstGpu]] = await readAll(db, [
    () => findFamily(db, report.workOrderId),
    () =>
      db.execute<{
        siteId: number;
        date: string;
        operationalStatus: never;
        signatureStatus: never;
        incident: boolean;
        incidentLink: string | null;
      }>(sql`
      select site_id as "siteId", date, operational_status as "operationalStatus", signature_status as "signatureStatus", incident, incident_url as "incidentLink"
      from daily_reports where monthly_report_id = ${report.id} order by site_id, date`),
    () => listSignOffs(db, report.id, report.version),
    async () => (await db.execute<RestRow>(restAggregateQuery(report, from, to, cap))).rows[0]!,
    async () => {
      const labels = await db.execute<{ subAnnex: string | null }>(
        sql`select distinct sub_annex as "subAnnex" from line_items where family_id = ${report.workOrderId} and active`,
      );
      const gpuLabels = gpuLabelsOf(labels.rows.map((row) => row.subAnnex));
      return [gpuLabels, await gpuPass(gpuLabels, [])] as const;
    },
  ] as const);
  const dates = familyDates(family);
  const sites: ChecklistSite[] = familySites(family).map((s) => ({ id: s.id, name: s.name, window: windowForSite(dates, s.role) }));

  // Production filed under another family's line items (never written by the app): the per-row path handles it.
  if (r.foreign > 0) return checklistFactsFromInput(await loadChecklistInput(db, report, today), cap);
  // Links that are not http(s) URLs do not count as evidence: one more pass leaves them out (rare).
  const badUrls = firstGpu.urls.filter((u) => classifyEvidenceUrl(u) !== 'valid' && !isHttpUrl(u)).sort();
  const g = badUrls.length > 0 ? await gpuPass(gpuLabels, badUrls) : firstGpu;

  const ids = (list: Ids) => list.map(Number);
  return {
    year: report.year,
    month: report.month,
    today,
    status: report.status,
    sites,
    dailyReports: daily.rows,
    gpuWithoutEvidence: { count: g.gpuCount, ids: ids(g.gpuIds), codes: g.gpuCodes, codeCount: g.gpuCodeCount },
    // The excess engine recomputes excess whenever a cap changes (spec §3.4), so a stored excess
    // is never covered by a newer authorized volume: only an acknowledgment resolves it.
    unresolvedExcess: { count: r.excessCount, ids: ids(r.excessIds), codes: r.excessCodes, codeCount: r.excessCodeCount },
    mismatchedProduction: {
      count: r.mismatchCount,
      ids: ids(r.mismatchIds),
      siteDays: (r.mismatchDays ?? []).map(([siteId, date]) => ({ siteId, date })),
    },
    unlayeredProduction: { count: r.unlayeredCount, ids: ids(r.unlayeredIds) },
    plannedWithoutProduction: { count: r.idleCount, ids: ids(r.idleIds), codes: r.idleCodes },
    unitPricesDiffering: { count: r.priceCount, ids: ids(r.priceIds), codes: r.priceCodes, codeCount: r.priceCodeCount },
    evidenceUrl: report.evidenceUrl,
    evidenceReachability: reachabilityOf(report.evidenceCheck),
    signOffs: signOffs.map((s) => ({ kind: s.kind, userId: s.userId })),
    capturedByUserIds: [...new Set([...r.capturers, ...g.gpuUpdaters])].sort((a, b) => a - b),
  };
}
