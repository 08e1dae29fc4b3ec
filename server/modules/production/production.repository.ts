/**
 * SQL of production entries. Set-based on purpose: a grid save touches up to 93,000 cells, so
 * every write is one statement over `unnest(...)` arrays, never a round trip per cell.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { MonthlyStatus } from '../monthly-reports/period-lock';
import type { Layer } from '../../../domain/layer';

/** An array bound as ONE parameter (drizzle would otherwise expand it into a list). */
export const arr = (values: readonly unknown[]) => sql.param(values);

/**
 * A PostgreSQL array literal of values that need no quoting (numbers, ISO dates, canonical decimal
 * strings), built with one join: node-postgres would escape each of a save's ~28,000 elements.
 */
export const plain = (values: readonly (number | string)[]) => sql.param(`{${values.join(',')}}`);

/** `'1.500000'` → `'1.5'`, `'2.000000'` → `'2'`: pg numeric text in the canonical form of domain/money. */
export function canon(v: string): string {
  if (!v.includes('.')) return v === '-0' ? '0' : v;
  let end = v.length;
  while (v.charCodeAt(end - 1) === 48) end--; // trailing '0'
  if (v.charCodeAt(end - 1) === 46) end--; // '.'
  const t = end === v.length ? v : v.slice(0, end);
  return t === '-0' ? '0' : t;
}

export type FamilyLineItem = {
  id: number;
  subAnnex: string;
  cap: string;
  puMxn: string;
  puUsd: string;
};

/**
 * The locks of a grid save as CTEs, in their one order (ADR 008/009): `r` the monthly report (the
 * given select, FOR SHARE unless the transaction created the row), `d` the saved days' daily
 * reports FOR SHARE, `l` the line items FOR NO KEY UPDATE in id order. A CTE runs only when read:
 * select SAVE_LOCK_COLUMNS with them. Used by saveStartQuery (small saves) and lock-for-save.ts.
 */
export function saveLockCtes(report: SQL, siteId: number, dates: readonly string[], lineItemIds: readonly number[]): SQL {
  return sql`r as materialized (${report}),
    d as materialized (
      select date, signature_status = 'firmado' as signed from daily_reports
      where monthly_report_id = (select id from r) and site_id = ${siteId} and date = any(${arr(dates)}::date[])
      order by date for share),
    l as materialized (select id from line_items where id = any(${arr(lineItemIds)}::int[]) order by id for no key update)`;
}

/** The signed dates among the locked days, and the count that makes `l` run. */
export const SAVE_LOCK_COLUMNS = sql`(select array_agg(to_char(date, 'YYYY-MM-DD')) from d where signed) as signed,
  (select count(*)::int from l) as "lockedItems"`;

export type SaveStart = {
  members: FamilyMember[];
  reportId: number | null;
  items: FamilyLineItem[];
  stored: Map<number, string>;
  /** With `lock` and an existing report: its status and the signed dates among `lock.dates`. */
  locked: { status: MonthlyStatus; signed: Set<string> } | null;
  /** The newest revision handed out when the statement ran (what a save that changes nothing answers). */
  revision: number;
};

/**
 * The first look of a save, as one statement: the family of the OT (empty when it does not
 * exist), the OT-month's report id (without creating it), the family's line items among `ids`, and
 * this grid's stored cells (month, site, layer) on them. Read its row with {@link parseSaveStart}.
 *
 * With `lock` (small saves), the same statement also takes the save's locks, in the order of
 * lock-for-save.ts: the report FOR SHARE (its status comes back), the days' daily reports FOR SHARE
 * (signed ones come back), the line items FOR NO KEY UPDATE in id order — so every statement after
 * this one sees the saves of these line items committed before it. (Large saves lock only the line
 * items that really change, later.)
 */
export function saveStartQuery(
  p: { workOrderId: number; year: number; month: number; siteId: number; layer: Layer; from: string; to: string },
  ids: readonly number[],
  lock?: { dates: readonly string[] },
): SQL {
  const report = sql`select id, status from monthly_reports where work_order_id = (select id from f) and year = ${p.year} and month = ${p.month}`;
  const locks = lock ? sql`, ${saveLockCtes(sql`${report} for share`, p.siteId, lock.dates, ids)}` : sql`, r as (${report})`;
  const lockColumns = lock ? sql`(select status from r) as status, ${SAVE_LOCK_COLUMNS},` : sql``;
  // The report's id is redundant for the stored cells (a line item's cells of a month are its
  // family's report of that month) but picks the index: a large save reads most of the month by the
  // report's index; a small one by cell key, the only plan its prepared statement can then choose
  // (with the report's index, its generic plan walked the whole month: ADR 009, decision 11).
  const storedFilter = lock ? sql`` : sql`monthly_report_id = (select id from r) and`;
  return sql`
    with f as (select coalesce(parent_id, id) as id from work_orders where id = ${p.workOrderId})${locks}
    select ${lockColumns} ${FAMILY_MEMBERS_JSON} as members, (${CURRENT_REVISION}) as revision,
      (select id from r) as "reportId",
      (select json_agg(json_build_object('id', id, 'subAnnex', sub_annex, 'cap', authorized_volume::text,
                                         'puMxn', trim_scale(pu_mxn)::text, 'puUsd', trim_scale(pu_usd)::text))
       from line_items where family_id = (select id from f) and id = any(${arr(ids)}::int[])) as items,
      (select string_agg((line_item_id::bigint * 32 + extract(day from date)::int) || '=' || trim_scale(volume)::text, ',')
       from production_entries where ${storedFilter} line_item_id = any(${arr(ids)}::int[])
         and date between ${p.from}::date and ${p.to}::date and site_id = ${p.siteId} and layer = ${p.layer}) as stored
    from f`;
}

export function parseSaveStart(
  row:
    | {
        members: FamilyMember[] | null;
        reportId: number | null;
        status?: MonthlyStatus | null;
        signed?: string[] | null;
        items: FamilyLineItem[] | null;
        stored: string | null;
        revision: number | null;
      }
    | undefined,
  locking: boolean,
): SaveStart {
  // Keyed like save-grid's cellKey: lineItemId × 32 + day.
  const stored = new Map<number, string>();
  if (row?.stored)
    for (const cell of row.stored.split(',')) {
      const eq = cell.indexOf('=');
      stored.set(Number(cell.slice(0, eq)), cell.slice(eq + 1));
    }
  return {
    members: row?.members ?? [],
    reportId: row?.reportId ?? null,
    items: row?.items ?? [],
    stored,
    locked: locking && row?.status ? { status: row.status, signed: new Set(row.signed ?? []) } : null,
    revision: row?.revision ?? 0,
  };
}

/**
 * Serialises writers of the same line items (saves, cap changes) for the rest of the
 * transaction, in id order so two writers never deadlock. NO KEY UPDATE does not block the
 * FOR KEY SHARE that foreign-key checks take, so inserts elsewhere are not held up.
 */
export async function lockLineItems(db: DbOrTx, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`select id from line_items where id = any(${arr(ids)}::int[]) order by id for no key update`);
}

export type StoredEntry = {
  id: number;
  lineItemId: number;
  date: string;
  siteId: number;
  layer: Layer;
  volume: string;
  excess: string;
  revision: number;
};

/** Every entry of these line items dated on/after `fromDate` (null = all history). */
export async function entriesFrom(db: DbOrTx, lineItemIds: readonly number[], fromDate: string | null): Promise<StoredEntry[]> {
  if (!lineItemIds.length) return [];
  const r = await db.execute<StoredEntry>(sql`
    select id::int as id, line_item_id as "lineItemId", date, site_id as "siteId", layer, volume::text as volume,
           excess_volume::text as excess, revision::float8 as revision
    from production_entries
    where line_item_id = any(${arr(lineItemIds)}::int[]) ${fromDate ? sql`and date >= ${fromDate}::date` : sql``}`);
  return r.rows;
}

/**
 * {@link entriesFrom} and the volume before a month, as one statement (one snapshot): the entries
 * of these line items from `fromDate` on, and per line item the volume before (year, month). Read
 * its rows with {@link parseEntriesAndBefore}.
 */
export function entriesAndBeforeQuery(lineItemIds: readonly number[], fromDate: string, year: number, month: number): SQL {
  // Rows with id 0 (ids start at 1) carry a line item's volume before the month in `volume`.
  return sql`
    select id::int as id, line_item_id as "lineItemId", date, site_id as "siteId", layer, volume::text as volume,
           excess_volume::text as excess, revision::float8 as revision
    from production_entries
    where line_item_id = any(${arr(lineItemIds)}::int[]) and date >= ${fromDate}::date
    union all
    select 0, line_item_id, null, null, null, sum(volume)::text, null, null from production_monthly_totals
    where line_item_id = any(${arr(lineItemIds)}::int[]) and (year < ${year} or (year = ${year} and month < ${month}))
    group by line_item_id`;
}

export function parseEntriesAndBefore(rows: readonly StoredEntry[]): { entries: StoredEntry[]; before: Map<number, string> } {
  const before = new Map<number, string>();
  const entries: StoredEntry[] = [];
  for (const row of rows) {
    if (row.id === 0) before.set(row.lineItemId, row.volume);
    else entries.push(row);
  }
  return { entries, before };
}

export async function caps(db: DbOrTx, lineItemIds: readonly number[]): Promise<Map<number, string>> {
  const r = await db.execute<{ id: number; cap: string }>(sql`
    select id, authorized_volume::text as cap from line_items where id = any(${arr(lineItemIds)}::int[])`);
  return new Map(r.rows.map((x) => [x.id, x.cap]));
}

export async function gpuEvidenceOf(db: DbOrTx, entryIds: readonly number[]): Promise<{ entryId: number; hasEvidence: boolean }[]> {
  if (!entryIds.length) return [];
  const r = await db.execute<{ entryId: number; hasEvidence: boolean }>(sql`
    select production_entry_id::int as "entryId", (evidence_url is not null and evidence_url <> '') as "hasEvidence"
    from gpu_records where production_entry_id = any(${arr(entryIds)}::bigint[])`);
  return r.rows;
}

/** The statements deleting these entries and their GPU records (the first one's rowCount = GPU records deleted). */
export function deleteEntriesQueries(entryIds: readonly number[]): SQL[] {
  if (!entryIds.length) return [];
  return [
    sql`delete from gpu_records where production_entry_id = any(${arr(entryIds)}::bigint[])`,
    sql`delete from production_entries where id = any(${arr(entryIds)}::bigint[])`,
  ];
}

export interface AuditMeta {
  actorId: number | null;
  actorLabel: string;
  via: string;
  requestId: string | null;
  workOrderId: number;
}

/**
 * Volume changes (new revision each) with their recomputed excess, as one statement whose row
 * holds the newest revision (null: none). `alongside`: another CTE for the same statement.
 */
export function updateVolumesQuery(
  userId: number | null,
  rows: { ids: number[]; volumes: string[]; excess: string[] },
  alongside?: SQL,
): SQL {
  return sql`
    with upd as (
      update production_entries p set volume = u.v, excess_volume = u.e, revision = nextval('production_revision_seq'),
        updated_by = ${userId}, updated_at = now()
      from unnest(${plain(rows.ids)}::bigint[], ${plain(rows.volumes)}::numeric[], ${plain(rows.excess)}::numeric[]) as u(id, v, e)
      where p.id = u.id returning p.revision)${alongside ? sql`, ${alongside}` : sql``}
    select max(revision)::float8 as revision from upd`;
}

export interface NewEntries {
  lineItemIds: number[];
  dates: string[];
  volumes: string[];
  excess: string[];
}

/**
 * New entries, and in the same statement a GPU record ("Pendiente") for those of `gpuLineItemIds`;
 * its row: `inserted`, `revision` (newest, null: none), `gpu` (records created).
 */
export function insertEntriesQuery(
  scope: { monthlyReportId: number; siteId: number; layer: Layer; userId: number | null },
  rows: NewEntries,
  gpuLineItemIds: readonly number[],
  alongside?: SQL,
): SQL {
  return sql`
    with ins as (
      insert into production_entries (line_item_id, monthly_report_id, site_id, date, layer, volume, excess_volume, created_by)
      select u.li, ${scope.monthlyReportId}, ${scope.siteId}, u.d, ${scope.layer}::layer, u.v, u.e, ${scope.userId}
      from unnest(${plain(rows.lineItemIds)}::int[], ${plain(rows.dates)}::date[], ${plain(rows.volumes)}::numeric[], ${plain(rows.excess)}::numeric[]) as u(li, d, v, e)
      returning id, line_item_id, revision),
    g as (
      insert into gpu_records (production_entry_id, status)
      select id, 'pendiente' from ins where line_item_id = any(${arr(gpuLineItemIds)}::int[]) order by id
      on conflict (production_entry_id) do nothing returning 1)${alongside ? sql`, ${alongside}` : sql``}
    select count(*)::int as inserted, max(revision)::float8 as revision, (select count(*)::int from g) as gpu from ins`;
}

/** Excess-only changes: no new revision (the volume the client saw did not change). */
export async function updateExcess(db: DbOrTx, ids: readonly number[], excess: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`
    update production_entries p set excess_volume = u.e
    from unnest(${plain(ids)}::bigint[], ${plain(excess)}::numeric[]) as u(id, e) where p.id = u.id`);
}

/** The newest revision handed out (0 before the first write), as a statement whose row holds `v`. */
export const CURRENT_REVISION = sql`select case when is_called then last_value else 0 end::float8 as v from production_revision_seq`;

/** The newest revision handed out (0 before the first write). */
export async function currentRevision(db: DbOrTx): Promise<number> {
  const r = await db.execute<{ v: number }>(CURRENT_REVISION);
  return r.rows[0]?.v ?? 0;
}

/**
 * The audit entry of a grid save, as a CTE for the save's last write statement: ONE row per save (entity `production_grid`, id
 * `<siteId>:<layer>:<yyyy-mm>`, action `save`) whose changes hold every changed cell as
 * `"<lineItemId>|<date>": {before, after}` (null = no entry). A first full-month save changes
 * ~28,000 cells: one row per cell cost more than writing the cells (ADR 009).
 */
export function gridAuditCte(
  audit: AuditMeta,
  grid: { siteId: number; layer: Layer; year: number; month: number },
  changesJson: string,
): SQL {
  const entityId = `${grid.siteId}:${grid.layer}:${grid.year}-${String(grid.month).padStart(2, '0')}`;
  return sql`aud as (
    insert into audit_log (actor_id, actor_label, via, entity, entity_id, action, changes, work_order_id, request_id)
    values (${audit.actorId}, ${audit.actorLabel}, ${audit.via}, 'production_grid', ${entityId}, 'save', ${changesJson}::jsonb,
            ${audit.workOrderId}, ${audit.requestId}))`;
}

/** The save's audit entry ({@link gridAuditCte}) with the excess-only changes of other entries (no new revision), as one statement. */
export function auditGridSaveQuery(auditCte: SQL, excess: { ids: readonly number[]; values: readonly string[] }): SQL {
  const excessUpdate = excess.ids.length
    ? sql`x as (
        update production_entries p set excess_volume = u.e
        from unnest(${plain(excess.ids)}::bigint[], ${plain(excess.values)}::numeric[]) as u(id, e) where p.id = u.id), `
    : sql``;
  return sql`with ${excessUpdate}${auditCte} select 1`;
}

export type FamilyMember = {
  id: number;
  folio: string;
  description: string;
  kind: 'initial' | 'reprogramming';
  familyId: number;
  active: boolean;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  requiresYard: boolean;
  yardStart: string | null;
  yardEnd: string | null;
  sites: { siteId: number; role: string; name: string }[];
};

/**
 * The family's OTs as a JSON array (reprogramming order: initial first), given `f.id` = the
 * family id in the surrounding query. Shared by {@link familyOf} and {@link saveStartQuery}.
 */
const FAMILY_MEMBERS_JSON = sql`
  (select json_agg(json_build_object(
     'id', w.id, 'folio', w.folio, 'description', w.description, 'kind', w.kind, 'familyId', f.id, 'active', w.active,
     'plannedStart', w.planned_start, 'plannedEnd', w.planned_end, 'actualStart', w.actual_start, 'actualEnd', w.actual_end,
     'requiresYard', w.requires_yard, 'yardStart', w.yard_start, 'yardEnd', w.yard_end,
     'sites', coalesce((select json_agg(json_build_object('siteId', s.id, 'role', ws.role, 'name', s.name) order by ws.role, s.name)
                        from work_order_sites ws join sites s on s.id = ws.site_id where ws.work_order_id = w.id), '[]'::json))
     order by w.reprogramming_number)
   from work_orders w where w.id = f.id or w.parent_id = f.id)`;

/** Every OT of the family of `workOrderId` (initial first) in one query; empty when it does not exist. */
export async function familyOf(db: DbOrTx, workOrderId: number): Promise<FamilyMember[]> {
  const r = await db.execute<{ members: FamilyMember[] | null }>(sql`
    with f as (select coalesce(parent_id, id) as id from work_orders where id = ${workOrderId})
    select ${FAMILY_MEMBERS_JSON} as members from f`);
  return r.rows[0]?.members ?? [];
}
