/**
 * Loads everything the pure checklist (`domain/checklist.ts`) looks at for one OT-month, straight
 * from the tables the capture modules write. Deprecated line items (`active = false`) are left out
 * everywhere, as the seed's troubleshooting note asks.
 */
import { sql } from 'drizzle-orm';
import type { ChecklistInput, ChecklistSite, EvidenceReachability } from '../../../domain/checklist';
import { EVIDENCE_URL_PATTERNS, MESSAGE_CODES, OFFENDING_CAP, type ChecklistFacts } from '../../../domain/checklist-aggregated';
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
    () => db.execute<{ siteId: number; date: string; operationalStatus: never; signatureStatus: never; incident: boolean; incidentLink: string | null }>(sql`
      select site_id as "siteId", date, operational_status as "operationalStatus", signature_status as "signatureStatus", incident, incident_url as "incidentLink"
      from daily_reports where monthly_report_id = ${report.id} order by site_id, date`),
    () => db.execute<{ id: number; lineItemId: number; siteId: number; date: string; layer: 'TE' | 'CMA'; subAnnex: string; volume: string; excessVolume: string; excessAcknowledged: boolean }>(sql`
      select p.id, p.line_item_id as "lineItemId", p.site_id as "siteId", p.date, p.layer, l.sub_annex as "subAnnex",
        p.volume::text as volume, p.excess_volume::text as "excessVolume", (p.excess_ack_at is not null) as "excessAcknowledged"
      from production_entries p join line_items l on l.id = p.line_item_id
      where p.monthly_report_id = ${report.id} and l.active order by p.id`),
    // Only records with a link matter to the rules (a record without one fails like a missing record).
    () => db.execute<{ productionEntryId: number; status: never; evidenceUrl: string | null }>(sql`
      select g.production_entry_id as "productionEntryId", g.status, g.evidence_url as "evidenceUrl"
      from gpu_records g join production_entries p on p.id = g.production_entry_id
      where p.monthly_report_id = ${report.id} and g.evidence_url is not null order by g.production_entry_id`),
    () => db.execute<{ id: number; code: string; puMxn: string; puUsd: string; catPuMxn: string | null; catPuUsd: string | null; hasCatalogue: boolean }>(sql`
      select l.id, l.code, l.pu_mxn::text as "puMxn", l.pu_usd::text as "puUsd", c.pu_mxn::text as "catPuMxn", c.pu_usd::text as "catPuUsd", (c.id is not null) as "hasCatalogue"
      from line_items l left join catalogue_items c on c.id = l.catalogue_item_id where l.family_id = ${report.workOrderId} and l.active order by l.id`),
    // The rules only use each line item's planned total in the month: sum it here (≤ 1 row per item).
    () => db.execute<{ lineItemId: number; date: string; volume: string }>(sql`
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
type AggregateRow = {
  gpuCount: number;
  gpuIds: Ids;
  gpuCodes: string[];
  gpuCodeCount: number;
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
  subAnnexes: (string | null)[];
  uncertainUrls: string[];
};

/**
 * The month's production aggregated in one statement: counts, the first `cap` offending ids and
 * the codes the messages name, for every rule that would otherwise read each row (see
 * `domain/checklist-aggregated.ts` for the meaning and order of each fact).
 *
 * `base` reads each production entry of the report once, with its line item, GPU record and
 * daily report, and flags it per rule (`in_scope`: active line item, date in the month, as the
 * per-row loader filters; the capturers look at every entry, as `listCapturers` does). `li`
 * folds it per line item (≤ 3,000 rows) for the counts, codes and plans; the ids come from one
 * ordered aggregate. Lists whose count is 0 are never computed (InitPlans run on first use).
 *
 * `gpuLabels`: the sub-annex labels that need a GPU (decided by the domain's canonicaliser).
 * `badUrls`: URLs the regular expressions could not decide and `isHttpUrl` rejected.
 */
export function aggregateQuery(report: MonthlyReportRow, from: string, to: string, cap: number, gpuLabels: string[], badUrls: string[]) {
  const P = EVIDENCE_URL_PATTERNS;
  const url = sql`g.evidence_url`;
  const inScope = sql`(l.active and p.date between ${from}::date and ${to}::date)`;
  const passes = sql`(char_length(${url}) <= ${P.maxLength}::int and ${url} !~ ${P.forbiddenChar}::text and ${url} ~ ${P.httpPrefix}::text)`;
  const needsGpu = sql`(${inScope} and l.sub_annex = any(${sql.param(gpuLabels)}::text[]) and p.volume > 0)`;
  const firstIds = (flag: string) => sql`(array_agg(id order by id) filter (where ${sql.raw(flag)}))[1:${cap}::int]`;
  return sql`
    with base as materialized (
      select p.id, p.line_item_id, l.code, l.sub_annex, p.site_id, p.date, ${inScope} as in_scope,
        ${needsGpu} and not coalesce(${passes} and ${url} <> all(${sql.param(badUrls)}::text[]), false) as gpu,
        case when ${needsGpu} and ${passes} and not (${url} ~ ${P.plain}::text and ${url} !~ ${P.punycode}::text) then ${url} end as uncertain_url,
        ${inScope} and p.excess_volume > 0 and p.excess_ack_at is null as excess,
        ${inScope} and p.layer is not null
          and (d.id is null or not (d.operational_status = 'productivo' or (p.layer = 'CMA' and d.operational_status = 'en_espera'))) as mismatch,
        ${inScope} and p.layer is null as unlayered,
        ${inScope} and p.volume > 0 as produced,
        p.created_by, p.updated_by, g.updated_by as gpu_updated_by
      from production_entries p
      join line_items l on l.id = p.line_item_id
      -- One index probe per entry: the planner may otherwise hash the whole gpu_records table
      -- (OFFSET 0 keeps the lateral subquery from being flattened into a join).
      left join lateral (select g.evidence_url, g.updated_by from gpu_records g where g.production_entry_id = p.id offset 0) g on true
      left join daily_reports d on d.monthly_report_id = p.monthly_report_id and d.site_id = p.site_id and d.date = p.date
      where p.monthly_report_id = ${report.id}
    ),
    li as materialized (
      select line_item_id, code, sub_annex,
        count(*) filter (where gpu) as gpu_n, min(id) filter (where gpu) as gpu_first,
        count(*) filter (where excess) as excess_n, min(id) filter (where excess) as excess_first,
        count(*) filter (where mismatch) as mismatch_n, count(*) filter (where unlayered) as unlayered_n,
        count(uncertain_url) as uncertain_n, bool_or(produced) as produced
      from base where in_scope group by line_item_id, code, sub_annex
    ),
    tot as (
      select coalesce(sum(gpu_n), 0)::int as gpu_n, count(distinct code) filter (where gpu_n > 0)::int as gpu_codes_n,
        coalesce(sum(excess_n), 0)::int as excess_n, count(distinct code) filter (where excess_n > 0)::int as excess_codes_n,
        coalesce(sum(mismatch_n), 0)::int as mismatch_n, coalesce(sum(unlayered_n), 0)::int as unlayered_n,
        coalesce(sum(uncertain_n), 0)::int as uncertain_n
      from li
    ),
    ids as (
      select ${firstIds('gpu')} as gpu, ${firstIds('excess')} as excess, ${firstIds('mismatch')} as mismatch, ${firstIds('unlayered')} as unlayered
      from base
    ),
    idle as materialized (
      -- The month's plan of each line item through the (line_item_id, date) key, never a scan of every plan.
      select l.id, l.code
      from line_items l cross join lateral (
        select sum(pv.volume) as planned from planned_volumes pv where pv.line_item_id = l.id and pv.date between ${from}::date and ${to}::date) pv
      where l.family_id = ${report.workOrderId} and l.active and pv.planned > 0
        and not exists (select 1 from li where li.line_item_id = l.id and li.produced)
    ),
    price as materialized (
      select l.id, l.code from line_items l join catalogue_items c on c.id = l.catalogue_item_id
      where l.family_id = ${report.workOrderId} and l.active
        and (coalesce(l.pu_mxn, 0) <> coalesce(c.pu_mxn, 0) or coalesce(l.pu_usd, 0) <> coalesce(c.pu_usd, 0))
    )
    select
      t.gpu_n as "gpuCount", coalesce(i.gpu, '{}') as "gpuIds", t.gpu_codes_n as "gpuCodeCount",
      array(select code from li where gpu_n > 0 group by code order by min(gpu_first) limit ${MESSAGE_CODES}) as "gpuCodes",
      t.excess_n as "excessCount", coalesce(i.excess, '{}') as "excessIds", t.excess_codes_n as "excessCodeCount",
      array(select code from li where excess_n > 0 group by code order by min(excess_first) limit ${MESSAGE_CODES}) as "excessCodes",
      t.mismatch_n as "mismatchCount", coalesce(i.mismatch, '{}') as "mismatchIds",
      case when t.mismatch_n > 0 then (
        select json_agg(json_build_array(site_id, date) order by first)
        from (select site_id, date::text as date, min(id) as first from base where mismatch group by site_id, date) x) end as "mismatchDays",
      t.unlayered_n as "unlayeredCount", coalesce(i.unlayered, '{}') as "unlayeredIds",
      (select count(*)::int from idle) as "idleCount",
      array(select id from idle order by id limit ${cap}) as "idleIds",
      array(select code from idle order by id limit ${MESSAGE_CODES}) as "idleCodes",
      (select count(*)::int from price) as "priceCount",
      array(select id from price order by id limit ${cap}) as "priceIds",
      array(select code from price group by code order by min(id) limit ${MESSAGE_CODES}) as "priceCodes",
      (select count(distinct code)::int from price) as "priceCodeCount",
      array(select u from (
        select unnest(array[b.created_by, b.updated_by, b.gpu_updated_by]) as u from (select distinct created_by, updated_by, gpu_updated_by from base) b
        union select unnest(array[created_by, updated_by]) from daily_reports where monthly_report_id = ${report.id}
      ) x where u is not null order by u) as capturers,
      array(select distinct sub_annex from li) as "subAnnexes",
      case when t.uncertain_n > 0 then array(select distinct uncertain_url from base where uncertain_url is not null) else '{}' end as "uncertainUrls"
    from tot t, ids i`;
}

const gpuLabelsOf = (labels: readonly (string | null)[]) => [...new Set(labels.filter((l): l is string => gpuSubAnnexOf(l) !== null))].sort();

/**
 * The checklist facts of an OT-month (`computeChecklistFromFacts`): daily reports, sign-offs and
 * sites row by row (a few dozen), production aggregated in SQL in one round trip. Equals the
 * per-row checklist of {@link loadChecklistInput}, with entry and line-item refs cut at `cap`.
 */
export async function loadChecklistFacts(db: DbOrTx, report: MonthlyReportRow, today = todayInMexicoCity(), cap = OFFENDING_CAP): Promise<ChecklistFacts> {
  const from = firstDayOfMonth(report.year, report.month);
  const to = lastDayOfMonth(report.year, report.month);
  const [family, daily, labels, signOffs] = await readAll(db, [
    () => findFamily(db, report.workOrderId),
    () => db.execute<{ siteId: number; date: string; operationalStatus: never; signatureStatus: never; incident: boolean; incidentLink: string | null }>(sql`
      select site_id as "siteId", date, operational_status as "operationalStatus", signature_status as "signatureStatus", incident, incident_url as "incidentLink"
      from daily_reports where monthly_report_id = ${report.id} order by site_id, date`),
    () => db.execute<{ subAnnex: string | null }>(sql`select distinct sub_annex as "subAnnex" from line_items where family_id = ${report.workOrderId} and active`),
    () => listSignOffs(db, report.id, report.version),
  ] as const);
  const dates = familyDates(family);
  const sites: ChecklistSite[] = familySites(family).map((s) => ({ id: s.id, name: s.name, window: windowForSite(dates, s.role) }));

  // Labels and undecided URLs are settled in TypeScript; when the first pass meets a GPU label of
  // another family's line item or a URL isHttpUrl rejects, one more pass settles it (rare).
  let gpuLabels = gpuLabelsOf(labels.rows.map((r) => r.subAnnex));
  let badUrls: string[] = [];
  let row: AggregateRow | undefined;
  for (let pass = 0; pass < 3; pass++) {
    row = (await db.execute<AggregateRow>(aggregateQuery(report, from, to, cap, gpuLabels, badUrls))).rows[0]!;
    const labelsNow = gpuLabelsOf([...gpuLabels, ...row.subAnnexes]);
    const badNow = row.uncertainUrls.filter((u) => !isHttpUrl(u)).sort();
    if (labelsNow.length === gpuLabels.length && badNow.length === badUrls.length) break;
    gpuLabels = labelsNow;
    badUrls = badNow;
  }
  const r = row!;
  const ids = (list: Ids) => list.map(Number);
  return {
    year: report.year,
    month: report.month,
    today,
    status: report.status,
    sites,
    dailyReports: daily.rows,
    gpuWithoutEvidence: { count: r.gpuCount, ids: ids(r.gpuIds), codes: r.gpuCodes, codeCount: r.gpuCodeCount },
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
    capturedByUserIds: r.capturers,
  };
}
