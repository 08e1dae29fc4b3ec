/** The monthly report's child relations (the seed's `dias_estatus` and `producciones`) and its excess entries. */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';

export interface ChildFilter {
  siteId?: number | undefined;
  date?: string | undefined;
  ids?: string | undefined;
  limit: number;
  offset: number;
}

function where(alias: 'd' | 'p', f: ChildFilter): SQL {
  const c: SQL[] = [];
  if (f.siteId) c.push(sql.raw(`${alias}.site_id = ${Number(f.siteId)}`));
  if (f.date) c.push(sql`${sql.raw(alias)}.date = ${f.date}`);
  if (f.ids) c.push(sql`${sql.raw(alias)}.id = any(${`{${f.ids}}`}::bigint[])`);
  return c.length ? sql` and ${sql.join(c, sql` and `)}` : sql``;
}

export async function listDailyReports(db: DbOrTx, reportId: number, f: ChildFilter) {
  const r = await db.execute<{
    id: number;
    siteId: number;
    siteName: string;
    date: string;
    operationalStatus: string;
    signatureStatus: string;
    note: string | null;
    incident: boolean;
    incidentUrl: string | null;
  }>(sql`
    select d.id, d.site_id as "siteId", s.name as "siteName", d.date, d.operational_status as "operationalStatus", d.signature_status as "signatureStatus",
      d.note, d.incident, d.incident_url as "incidentUrl"
    from daily_reports d join sites s on s.id = d.site_id where d.monthly_report_id = ${reportId} ${where('d', f)}
    order by s.name, d.date limit ${f.limit} offset ${f.offset}`);
  return r.rows;
}

export async function listProduction(db: DbOrTx, reportId: number, f: ChildFilter) {
  const r = await db.execute<{
    id: string;
    lineItemId: number;
    subAnnex: string;
    code: string;
    concept: string;
    siteId: number;
    siteName: string;
    date: string;
    layer: 'TE' | 'CMA';
    volume: string;
    excessVolume: string;
  }>(sql`
    select p.id::text, p.line_item_id as "lineItemId", l.sub_annex as "subAnnex", l.code, l.concept, p.site_id as "siteId", s.name as "siteName", p.date, p.layer,
      p.volume::text as volume, p.excess_volume::text as "excessVolume"
    from production_entries p join line_items l on l.id = p.line_item_id join sites s on s.id = p.site_id
    where p.monthly_report_id = ${reportId} and l.active ${where('p', f)}
    order by l.sort_key, l.id, p.date, s.name, p.layer desc limit ${f.limit} offset ${f.offset}`);
  return r.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

export async function listExcess(db: DbOrTx, reportId: number) {
  const r = await db.execute<{
    id: string;
    lineItemId: number;
    code: string;
    concept: string;
    siteId: number;
    siteName: string;
    date: string;
    layer: 'TE' | 'CMA';
    volume: string;
    excessVolume: string;
    acknowledged: boolean;
    ackByName: string | null;
    ackAt: string | null;
    ackReason: string | null;
  }>(sql`
    select p.id::text, p.line_item_id as "lineItemId", l.code, l.concept, p.site_id as "siteId", s.name as "siteName", p.date, p.layer,
      p.volume::text as volume, p.excess_volume::text as "excessVolume", (p.excess_ack_at is not null) as acknowledged, u.name as "ackByName",
      to_char(p.excess_ack_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "ackAt", p.excess_ack_reason as "ackReason"
    from production_entries p join line_items l on l.id = p.line_item_id join sites s on s.id = p.site_id left join users u on u.id = p.excess_ack_by
    where p.monthly_report_id = ${reportId} and l.active and p.excess_volume > 0
    order by l.sort_key, l.id, p.date, p.layer desc, s.name limit 20000`);
  return r.rows.map((row) => ({ ...row, id: Number(row.id) }));
}
