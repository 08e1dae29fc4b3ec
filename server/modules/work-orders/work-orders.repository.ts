/** SQL for work orders, their sites and families. */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';

export type WorkOrderRow = {
  id: number;
  folio: string;
  description: string;
  kind: 'initial' | 'reprogramming';
  parentId: number | null;
  reprogrammingNumber: number;
  familyId: number;
  clientId: number;
  clientName: string;
  leaderId: number | null;
  leaderName: string | null;
  clientResponsible: string | null;
  officialLetter: string | null;
  status: string;
  frontId: number | null;
  frontName: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  requiresYard: boolean;
  yardStart: string | null;
  yardEnd: string | null;
  amountMxn: string;
  amountUsd: string;
  termDays: number | null;
  active: boolean;
  sites: { siteId: number; role: string; name: string; kind: string }[];
  createdAt: string;
  updatedAt: string;
};

const TS = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const COLUMNS = sql`
  w.id, w.folio, w.description, w.kind, w.parent_id as "parentId", w.reprogramming_number as "reprogrammingNumber",
  coalesce(w.parent_id, w.id) as "familyId",
  w.client_id as "clientId", c.name as "clientName", w.leader_id as "leaderId", l.name as "leaderName",
  w.client_responsible as "clientResponsible", w.official_letter as "officialLetter", w.status,
  w.front_id as "frontId", f.name as "frontName",
  w.planned_start as "plannedStart", w.planned_end as "plannedEnd", w.actual_start as "actualStart", w.actual_end as "actualEnd",
  w.requires_yard as "requiresYard", w.yard_start as "yardStart", w.yard_end as "yardEnd",
  w.amount_mxn::text as "amountMxn", w.amount_usd::text as "amountUsd", w.term_days as "termDays", w.active,
  coalesce((select json_agg(json_build_object('siteId', s.id, 'role', ws.role, 'name', s.name, 'kind', s.kind) order by ws.role, s.name)
            from work_order_sites ws join sites s on s.id = ws.site_id where ws.work_order_id = w.id), '[]'::json) as sites,
  ${TS(sql`w.created_at`)} as "createdAt", ${TS(sql`w.updated_at`)} as "updatedAt"`;

const FROM = sql`from work_orders w join clients c on c.id = w.client_id left join users l on l.id = w.leader_id left join fronts f on f.id = w.front_id`;

export async function findWorkOrder(db: DbOrTx, id: number): Promise<WorkOrderRow | undefined> {
  const r = await db.execute<WorkOrderRow>(sql`select ${COLUMNS} ${FROM} where w.id = ${id}`);
  return r.rows[0];
}

/** Initial OT first, then reprogrammings in order. */
export async function findFamily(db: DbOrTx, familyId: number): Promise<WorkOrderRow[]> {
  const r = await db.execute<WorkOrderRow>(
    sql`select ${COLUMNS} ${FROM} where coalesce(w.parent_id, w.id) = ${familyId} order by w.reprogramming_number`,
  );
  return r.rows;
}

export async function findFamilies(db: DbOrTx, familyIds: number[]): Promise<Map<number, WorkOrderRow[]>> {
  const map = new Map<number, WorkOrderRow[]>();
  if (!familyIds.length) return map;
  const r = await db.execute<WorkOrderRow>(
    sql`select ${COLUMNS} ${FROM} where coalesce(w.parent_id, w.id) in (${sql.join(
      familyIds.map((id) => sql`${id}`),
      sql`, `,
    )}) order by w.reprogramming_number`,
  );
  for (const row of r.rows) {
    const list = map.get(row.familyId) ?? [];
    list.push(row);
    map.set(row.familyId, list);
  }
  return map;
}

export interface WorkOrderFilter {
  q?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  clientId?: number | undefined;
  siteId?: number | undefined;
  frontId?: number | undefined;
  familyId?: number | undefined;
  initialOnly?: boolean | undefined;
  active?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listWorkOrders(db: DbOrTx, f: WorkOrderFilter): Promise<{ items: WorkOrderRow[]; total: number }> {
  const conditions: SQL[] = [sql`true`];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`; // % and _ typed by the user are literal
    conditions.push(sql`(w.folio ilike ${like} or w.description ilike ${like} or c.name ilike ${like})`);
  }
  if (f.status) conditions.push(sql`w.status = ${f.status}`);
  if (f.kind) conditions.push(sql`w.kind = ${f.kind}`);
  if (f.clientId) conditions.push(sql`w.client_id = ${f.clientId}`);
  if (f.frontId) conditions.push(sql`w.front_id = ${f.frontId}`);
  if (f.familyId) conditions.push(sql`coalesce(w.parent_id, w.id) = ${f.familyId}`);
  if (f.initialOnly) conditions.push(sql`w.kind = 'initial'`);
  if (f.active !== undefined) conditions.push(sql`w.active = ${f.active}`);
  if (f.siteId) conditions.push(sql`exists (select 1 from work_order_sites ws where ws.work_order_id = w.id and ws.site_id = ${f.siteId})`);
  const where = sql.join(conditions, sql` and `);
  const items = await db.execute<WorkOrderRow>(
    sql`select ${COLUMNS} ${FROM} where ${where} order by w.folio, w.reprogramming_number limit ${f.limit} offset ${f.offset}`,
  );
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n ${FROM} where ${where}`);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function replaceSites(db: DbOrTx, workOrderId: number, sites: { siteId: number; role: string }[]) {
  await db.execute(sql`delete from work_order_sites where work_order_id = ${workOrderId}`);
  for (const s of sites) {
    await db.execute(
      sql`insert into work_order_sites (work_order_id, site_id, role) values (${workOrderId}, ${s.siteId}, ${s.role}::site_role)`,
    );
  }
}
