import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';

export interface AuditFilter {
  actorId?: number | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  workOrderId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export type AuditRow = {
  id: number;
  at: string;
  actorId: number | null;
  actorLabel: string;
  via: string;
  entity: string;
  entityId: string;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  workOrderId: number | null;
  reason: string | null;
};

/** Dates filter on the business day in Mexico City. */
export async function listAudit(db: DbOrTx, f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
  const c: SQL[] = [sql`true`];
  if (f.actorId) c.push(sql`a.actor_id = ${f.actorId}`);
  if (f.entity) c.push(sql`a.entity = ${f.entity}`);
  if (f.entityId) c.push(sql`a.entity_id = ${f.entityId}`);
  if (f.workOrderId) {
    c.push(sql`(a.work_order_id = ${f.workOrderId} or (a.entity = 'work_order' and a.entity_id = ${String(f.workOrderId)}))`);
  }
  if (f.from) c.push(sql`(a.at at time zone 'America/Mexico_City')::date >= ${f.from}::date`);
  if (f.to) c.push(sql`(a.at at time zone 'America/Mexico_City')::date <= ${f.to}::date`);
  const where = sql.join(c, sql` and `);
  const items = await db.execute<AuditRow>(sql`
    select a.id::int as id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
      a.actor_id as "actorId", a.actor_label as "actorLabel", a.via, a.entity, a.entity_id as "entityId", a.action,
      a.changes, a.work_order_id as "workOrderId", a.reason
    from audit_log a where ${where} order by a.id desc limit ${f.limit} offset ${f.offset}`);
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log a where ${where}`);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}
