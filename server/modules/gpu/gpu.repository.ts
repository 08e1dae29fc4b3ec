/** SQL of GPU records: the board of an OT-month (one row per production entry) and single records. */
import { sql, type SQL } from 'drizzle-orm';
import type { GpuBoardQuery, GpuRecord } from '../../../contracts/gpu';
import type { DbOrTx } from '../../db/database';

const COLUMNS = sql`g.id, p.id::int as "productionEntryId", li.id as "lineItemId", li.sub_annex as "subAnnex", li.code, li.concept, u.code as unit,
  p.date, p.site_id as "siteId", s.name as "siteName", p.layer, p.volume::text as volume, p.excess_volume::text as "excessVolume",
  g.status, g.evidence_url as "evidenceUrl", g.note,
  to_char(g.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt", us.name as "updatedByName"`;

const FROM = sql`from gpu_records g join production_entries p on p.id = g.production_entry_id join line_items li on li.id = p.line_item_id
  join units u on u.id = li.unit_id join sites s on s.id = p.site_id left join users us on us.id = g.updated_by`;

export async function gpuBoard(
  db: DbOrTx,
  monthlyReportId: number,
  f: Omit<GpuBoardQuery, 'workOrderId' | 'year' | 'month'>,
): Promise<GpuRecord[]> {
  const where: SQL[] = [sql`p.monthly_report_id = ${monthlyReportId}`];
  if (f.siteId) where.push(sql`p.site_id = ${f.siteId}`);
  if (f.layer) where.push(sql`p.layer = ${f.layer}`);
  if (f.status) where.push(sql`g.status = ${f.status}`);
  if (f.subAnnex) where.push(sql`li.sub_annex = ${f.subAnnex}`);
  if (f.q) where.push(sql`(li.code ilike ${'%' + f.q + '%'} or li.concept ilike ${'%' + f.q + '%'})`);
  if (f.missingEvidence === true) where.push(sql`(g.evidence_url is null or g.evidence_url = '')`);
  if (f.missingEvidence === false) where.push(sql`g.evidence_url <> ''`);
  const r = await db.execute<GpuRecord>(sql`select ${COLUMNS} ${FROM} where ${sql.join(where, sql` and `)}
    order by li.sort_key, li.id, p.date, p.site_id, p.layer`);
  return r.rows.map((x) => ({ ...x, volume: trim(x.volume), excessVolume: trim(x.excessVolume) }));
}

function trim(v: string): string {
  if (!v.includes('.')) return v;
  const t = v.replace(/0+$/, '');
  return t.endsWith('.') ? t.slice(0, -1) : t;
}

export type GpuTarget = {
  id: number;
  status: GpuRecord['status'];
  evidenceUrl: string | null;
  note: string | null;
  familyId: number;
  year: number;
  month: number;
  siteId: number;
  productionEntryId: number;
};

/** A GPU record with the OT-month and site its production belongs to. */
export async function findGpuTarget(db: DbOrTx, id: number): Promise<GpuTarget | undefined> {
  const r = await db.execute<GpuTarget>(sql`
    select g.id, g.status, g.evidence_url as "evidenceUrl", g.note, m.work_order_id as "familyId", m.year, m.month, p.site_id as "siteId",
      p.id::int as "productionEntryId"
    from gpu_records g join production_entries p on p.id = g.production_entry_id join monthly_reports m on m.id = p.monthly_report_id
    where g.id = ${id}`);
  return r.rows[0];
}

export async function lockGpu(db: DbOrTx, id: number): Promise<GpuTarget | undefined> {
  await db.execute(sql`select id from gpu_records where id = ${id} for update`);
  return findGpuTarget(db, id);
}

export async function updateGpu(
  db: DbOrTx,
  id: number,
  f: { status: string; evidenceUrl: string | null; note: string | null },
  userId: number | null,
): Promise<void> {
  await db.execute(sql`update gpu_records set status = ${f.status}::gpu_status, evidence_url = ${f.evidenceUrl}, note = ${f.note},
    updated_by = ${userId}, updated_at = now() where id = ${id}`);
}

export async function findGpuRecord(db: DbOrTx, id: number): Promise<GpuRecord | undefined> {
  const r = await db.execute<GpuRecord>(sql`select ${COLUMNS} ${FROM} where g.id = ${id}`);
  const x = r.rows[0];
  return x && { ...x, volume: trim(x.volume), excessVolume: trim(x.excessVolume) };
}
