/** SQL of daily reports. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { arr } from '../production/production.repository';

export type DailyReportRow = {
  id: number;
  monthlyReportId: number;
  familyId: number;
  siteId: number;
  date: string;
  operationalStatus: 'productivo' | 'en_espera' | 'suspendido' | 'sin_actividad';
  signatureStatus: 'pendiente' | 'en_proceso' | 'falta_firma_cliente' | 'firmado';
  note: string | null;
  incident: boolean;
  incidentUrl: string | null;
  updatedAt: string;
};

const COLUMNS = sql`d.id, d.monthly_report_id as "monthlyReportId", m.work_order_id as "familyId", d.site_id as "siteId", d.date,
  d.operational_status as "operationalStatus", d.signature_status as "signatureStatus", d.note, d.incident, d.incident_url as "incidentUrl",
  to_char(d.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"`;

/** Initial OTs (family ids) having the site on any active member OT. */
export async function familiesAtSite(db: DbOrTx, siteId: number): Promise<number[]> {
  const r = await db.execute<{ id: number }>(sql`
    select distinct coalesce(w.parent_id, w.id) as id from work_orders w join work_order_sites ws on ws.work_order_id = w.id
    where ws.site_id = ${siteId} and w.active order by 1`);
  return r.rows.map((x) => x.id);
}

export async function reportsOfMonth(
  db: DbOrTx,
  familyIds: number[],
  siteId: number | null,
  year: number,
  month: number,
): Promise<DailyReportRow[]> {
  if (!familyIds.length) return [];
  const r = await db.execute<DailyReportRow>(sql`
    select ${COLUMNS} from daily_reports d join monthly_reports m on m.id = d.monthly_report_id
    where m.work_order_id = any(${arr(familyIds)}::int[]) and m.year = ${year} and m.month = ${month}
    ${siteId === null ? sql`` : sql`and d.site_id = ${siteId}`} order by d.date`);
  return r.rows;
}

export async function monthlyReportsOf(db: DbOrTx, familyIds: number[], year: number, month: number) {
  if (!familyIds.length)
    return new Map<number, { id: number; status: 'abierto' | 'en_revision' | 'cerrado' | 'facturado'; evidenceUrl: string | null }>();
  const r = await db.execute<{
    familyId: number;
    id: number;
    status: 'abierto' | 'en_revision' | 'cerrado' | 'facturado';
    evidenceUrl: string | null;
  }>(sql`
    select work_order_id as "familyId", id, status, evidence_url as "evidenceUrl" from monthly_reports
    where work_order_id = any(${arr(familyIds)}::int[]) and year = ${year} and month = ${month}`);
  return new Map(r.rows.map(({ familyId, ...rest }) => [familyId, rest]));
}

/** The reports of these dates, locked for the rest of the transaction. */
export async function lockReports(
  db: DbOrTx,
  monthlyReportId: number,
  siteId: number,
  dates: string[],
): Promise<Map<string, DailyReportRow>> {
  const r = await db.execute<DailyReportRow>(sql`
    select ${COLUMNS} from daily_reports d join monthly_reports m on m.id = d.monthly_report_id
    where d.monthly_report_id = ${monthlyReportId} and d.site_id = ${siteId} and d.date = any(${arr(dates)}::date[]) order by d.date for update of d`);
  return new Map(r.rows.map((x) => [x.date, x]));
}

export interface DailyFields {
  operationalStatus: DailyReportRow['operationalStatus'];
  signatureStatus: DailyReportRow['signatureStatus'];
  note: string | null;
  incident: boolean;
  incidentUrl: string | null;
}

export async function upsertReports(
  db: DbOrTx,
  monthlyReportId: number,
  siteId: number,
  dates: string[],
  f: DailyFields,
  userId: number | null,
): Promise<{ id: number; date: string }[]> {
  if (!dates.length) return [];
  const r = await db.execute<{ id: number; date: string }>(sql`
    insert into daily_reports (monthly_report_id, site_id, date, operational_status, signature_status, note, incident, incident_url, created_by, updated_by)
    select ${monthlyReportId}, ${siteId}, u.d, ${f.operationalStatus}::operational_status, ${f.signatureStatus}::signature_status, ${f.note}, ${f.incident}, ${f.incidentUrl}, ${userId}, ${userId}
    from unnest(${arr(dates)}::date[]) as u(d)
    on conflict (monthly_report_id, site_id, date) do update set operational_status = excluded.operational_status,
      signature_status = excluded.signature_status, note = excluded.note, incident = excluded.incident, incident_url = excluded.incident_url,
      updated_by = excluded.updated_by, updated_at = now()
    returning id, date`);
  return r.rows;
}

export async function deleteReports(db: DbOrTx, ids: number[]): Promise<void> {
  if (ids.length) await db.execute(sql`delete from daily_reports where id = any(${arr(ids)}::int[])`);
}
