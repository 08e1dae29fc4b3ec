/** SQL for monthly reports: lookups, lists, sign-offs, history and versions. */
import { sql, type SQL } from 'drizzle-orm';
import type { SignOffKind } from '../../../domain/sign-off';
import type { DbOrTx } from '../../db/database';
import type { MonthlyStatus } from './period-lock';

export type MonthlyReportRow = {
  id: number;
  workOrderId: number;
  folio: string;
  description: string;
  year: number;
  month: number;
  status: MonthlyStatus;
  evidenceUrl: string | null;
  evidenceCheck: unknown;
  version: number;
  closedBy: number | null;
  closedByName: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Sites of every OT of the family (supervisor scope checks). */
  siteIds: number[];
  /** The initial OT and its reprogrammings (a supervisor assigned to any of them is in scope). */
  memberIds: number[];
};

const TS = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const COLUMNS = sql`
  m.id, m.work_order_id as "workOrderId", w.folio, w.description, m.year, m.month, m.status,
  m.evidence_url as "evidenceUrl", m.evidence_check as "evidenceCheck", m.version,
  m.closed_by as "closedBy", cu.name as "closedByName", ${TS(sql`m.closed_at`)} as "closedAt",
  ${TS(sql`m.created_at`)} as "createdAt", ${TS(sql`m.updated_at`)} as "updatedAt",
  coalesce((select array_agg(distinct ws.site_id) from work_order_sites ws join work_orders f on f.id = ws.work_order_id
            where coalesce(f.parent_id, f.id) = m.work_order_id), '{}') as "siteIds",
  array(select f.id from work_orders f where coalesce(f.parent_id, f.id) = m.work_order_id order by f.id) as "memberIds"`;

const FROM = sql`from monthly_reports m join work_orders w on w.id = m.work_order_id left join users cu on cu.id = m.closed_by`;

export async function findMonthlyReport(db: DbOrTx, id: number): Promise<MonthlyReportRow | undefined> {
  const r = await db.execute<MonthlyReportRow>(sql`select ${COLUMNS} ${FROM} where m.id = ${id}`);
  return r.rows[0];
}

/** Locks the report row exclusively for a status change: waits for in-flight saves (FOR SHARE). */
export async function lockMonthlyReportForUpdate(tx: DbOrTx, id: number): Promise<MonthlyReportRow | undefined> {
  const locked = await tx.execute<{ id: number }>(sql`select id from monthly_reports where id = ${id} for update`);
  if (!locked.rows[0]) return undefined;
  return findMonthlyReport(tx, id);
}

export interface MonthlyReportFilter {
  familyId?: number | undefined;
  folio?: string | undefined;
  year?: number | undefined;
  month?: number | undefined;
  status?: MonthlyStatus | undefined;
  /** Supervisors see only their OTs. */
  scope?: { siteIds: number[]; workOrderIds: number[] } | undefined;
  sort: 'newest' | 'oldest' | 'folio';
  limit: number;
  offset: number;
}

export async function listMonthlyReports(db: DbOrTx, f: MonthlyReportFilter): Promise<{ items: MonthlyReportRow[]; total: number }> {
  const c: SQL[] = [sql`true`];
  if (f.familyId !== undefined) c.push(sql`m.work_order_id = ${f.familyId}`);
  if (f.folio) c.push(sql`lower(w.folio) = lower(${f.folio})`);
  if (f.year !== undefined) c.push(sql`m.year = ${f.year}`);
  if (f.month !== undefined) c.push(sql`m.month = ${f.month}`);
  if (f.status) c.push(sql`m.status = ${f.status}`);
  if (f.scope) c.push(scopeCondition(f.scope));
  const where = sql.join(c, sql` and `);
  const order =
    f.sort === 'oldest'
      ? sql`m.year, m.month, w.folio`
      : f.sort === 'folio'
        ? sql`w.folio, m.year desc, m.month desc`
        : sql`m.year desc, m.month desc, w.folio`;
  const items = await db.execute<MonthlyReportRow>(
    sql`select ${COLUMNS} ${FROM} where ${where} order by ${order} limit ${f.limit} offset ${f.offset}`,
  );
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n ${FROM} where ${where}`);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

/** A supervisor's OTs: assigned directly (any member of the family) or through one of their sites. */
export function scopeCondition(scope: { siteIds: number[]; workOrderIds: number[] }): SQL {
  const sites = scope.siteIds.length
    ? sql.join(
        scope.siteIds.map((s) => sql`${s}`),
        sql`, `,
      )
    : sql`null`;
  const ots = scope.workOrderIds.length
    ? sql.join(
        scope.workOrderIds.map((s) => sql`${s}`),
        sql`, `,
      )
    : sql`null`;
  return sql`exists (select 1 from work_orders f left join work_order_sites ws on ws.work_order_id = f.id
    where coalesce(f.parent_id, f.id) = m.work_order_id and (f.id in (${ots}) or ws.site_id in (${sites})))`;
}

/** The family's initial OT of any OT id (monthly reports are filed there), or undefined. */
export async function familyIdOf(db: DbOrTx, workOrderId: number): Promise<{ familyId: number; folio: string } | undefined> {
  const r = await db.execute<{ familyId: number; folio: string }>(sql`
    select coalesce(w.parent_id, w.id) as "familyId", i.folio from work_orders w join work_orders i on i.id = coalesce(w.parent_id, w.id) where w.id = ${workOrderId}`);
  return r.rows[0];
}

/** The family's sites and member OT ids, for supervisor scope checks before a report exists. */
export async function familyScope(db: DbOrTx, familyId: number): Promise<{ workOrderId: number; siteIds: number[]; memberIds: number[] }> {
  const r = await db.execute<{ siteIds: number[]; memberIds: number[] }>(sql`
    select coalesce((select array_agg(distinct ws.site_id) from work_order_sites ws join work_orders f on f.id = ws.work_order_id
                     where coalesce(f.parent_id, f.id) = ${familyId}), '{}') as "siteIds",
           array(select f.id from work_orders f where coalesce(f.parent_id, f.id) = ${familyId}) as "memberIds"`);
  return { workOrderId: familyId, siteIds: r.rows[0]?.siteIds ?? [], memberIds: r.rows[0]?.memberIds ?? [] };
}

// The database enum predates the domain's name for the operations manager's sign-off.
const DB_KIND: Record<SignOffKind, string> = {
  supervisor_reviewed: 'supervisor_reviewed',
  manager_validated: 'operations_validated',
  administration_confirmed: 'administration_confirmed',
};
const DOMAIN_KIND: Record<string, SignOffKind> = {
  supervisor_reviewed: 'supervisor_reviewed',
  operations_validated: 'manager_validated',
  administration_confirmed: 'administration_confirmed',
};
export const toDbSignOffKind = (k: SignOffKind): string => DB_KIND[k];

export type SignOffRow = { kind: SignOffKind; userId: number; userName: string; version: number; signedAt: string };

export async function listSignOffs(db: DbOrTx, reportId: number, version: number): Promise<SignOffRow[]> {
  const r = await db.execute<Omit<SignOffRow, 'kind'> & { kind: string }>(sql`
    select s.kind, s.user_id as "userId", u.name as "userName", s.version, ${TS(sql`s.signed_at`)} as "signedAt"
    from monthly_report_sign_offs s join users u on u.id = s.user_id
    where s.monthly_report_id = ${reportId} and s.version = ${version} order by s.signed_at, s.id`);
  return r.rows.map((row) => ({ ...row, kind: DOMAIN_KIND[row.kind]! }));
}

/**
 * Who captured the month's data: creators and last updaters of its daily reports and production,
 * and last updaters of its GPU records (segregation of duties, spec §3.1 item 6).
 */
export async function listCapturers(db: DbOrTx, reportId: number): Promise<number[]> {
  const r = await db.execute<{ id: number }>(sql`
    select distinct id from (
      select created_by as id from daily_reports where monthly_report_id = ${reportId}
      union select updated_by from daily_reports where monthly_report_id = ${reportId}
      union select created_by from production_entries where monthly_report_id = ${reportId}
      union select updated_by from production_entries where monthly_report_id = ${reportId}
      union select g.updated_by from gpu_records g join production_entries p on p.id = g.production_entry_id where p.monthly_report_id = ${reportId}
    ) x where id is not null order by id`);
  return r.rows.map((row) => row.id);
}

export async function listTransitions(db: DbOrTx, reportId: number) {
  const r = await db.execute<{
    id: number;
    fromStatus: MonthlyStatus;
    toStatus: MonthlyStatus;
    action: string;
    userName: string | null;
    reason: string | null;
    at: string;
  }>(sql`
    select t.id, t.from_status as "fromStatus", t.to_status as "toStatus", t.action, u.name as "userName", t.reason, ${TS(sql`t.at`)} as at
    from monthly_report_transitions t left join users u on u.id = t.user_id where t.monthly_report_id = ${reportId} order by t.at, t.id`);
  return r.rows;
}

export async function listVersions(db: DbOrTx, reportId: number) {
  const r = await db.execute<{
    version: number;
    closedAt: string;
    closedByName: string | null;
    reopenedAt: string | null;
    reopenedByName: string | null;
    reopenReason: string | null;
    pdfSha256: string | null;
    xlsxSha256: string | null;
  }>(sql`
    select v.version, ${TS(sql`v.closed_at`)} as "closedAt", cu.name as "closedByName", ${TS(sql`v.reopened_at`)} as "reopenedAt",
      ru.name as "reopenedByName", v.reopen_reason as "reopenReason", v.pdf_sha256 as "pdfSha256", v.xlsx_sha256 as "xlsxSha256"
    from monthly_report_versions v left join users cu on cu.id = v.closed_by left join users ru on ru.id = v.reopened_by
    where v.monthly_report_id = ${reportId} order by v.version`);
  return r.rows;
}

export async function recordTransition(
  tx: DbOrTx,
  t: { reportId: number; from: MonthlyStatus; to: MonthlyStatus; action: string; userId: number | null; reason?: string | null },
): Promise<void> {
  await tx.execute(sql`
    insert into monthly_report_transitions (monthly_report_id, from_status, to_status, action, user_id, reason)
    values (${t.reportId}, ${t.from}, ${t.to}, ${t.action}, ${t.userId}, ${t.reason ?? null})`);
}

export async function countChildren(db: DbOrTx, reportId: number) {
  const r = await db.execute<{
    dailyReports: number;
    productiveDays: number;
    productionEntries: number;
    gpuRecords: number;
    excessEntries: number;
  }>(sql`
    select
      (select count(*)::int from daily_reports where monthly_report_id = ${reportId}) as "dailyReports",
      (select count(*)::int from daily_reports where monthly_report_id = ${reportId} and operational_status = 'productivo') as "productiveDays",
      (select count(*)::int from production_entries p join line_items l on l.id = p.line_item_id where p.monthly_report_id = ${reportId} and l.active) as "productionEntries",
      (select count(*)::int from gpu_records g join production_entries p on p.id = g.production_entry_id join line_items l on l.id = p.line_item_id
        where p.monthly_report_id = ${reportId} and l.active) as "gpuRecords",
      (select count(*)::int from production_entries p join line_items l on l.id = p.line_item_id where p.monthly_report_id = ${reportId} and l.active and p.excess_volume > 0) as "excessEntries"`);
  return r.rows[0]!;
}
