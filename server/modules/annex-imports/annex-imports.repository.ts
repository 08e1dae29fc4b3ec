/** SQL of annex import jobs and of the contract an OT's annex is checked against. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { fail, invalid, missing } from '../../fail';
import type { AnnexJobRow } from './annex-import-preview';
import type { ResolvedRow } from './resolve-annex-rows';

const TS = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export async function findAnnexJob(db: DbOrTx, id: number, options: { forUpdate?: boolean } = {}): Promise<AnnexJobRow | undefined> {
  const r = await db.execute<AnnexJobRow>(sql`
    select j.id, j.status, j.work_order_id as "workOrderId", j.file_name as "fileName", j.sha256, j.preview, j.error_count as "errorCount",
           ${TS('j.created_at')} as "createdAt", ${TS('j.committed_at')} as "committedAt",
           av.id as "versionId", av.number as "versionNumber", av.cap_rule as "capRule"
    from import_jobs j left join annex_versions av on av.import_job_id = j.id
    where j.id = ${id} and j.target = 'annex'
    ${options.forUpdate ? sql`for update of j` : sql``}`);
  return r.rows[0];
}

/** The family an annex job belongs to (the commit locks the family before the job). */
export async function familyOfJob(db: DbOrTx, id: number): Promise<number> {
  const r = await db.execute<{ familyId: number }>(
    sql`select (preview->>'familyId')::int as "familyId" from import_jobs where id = ${id} and target = 'annex'`,
  );
  if (!r.rows[0]) throw missing(`La importación ${id}`);
  return r.rows[0].familyId;
}

/** Only what the commit needs of the stored preview (it is megabytes on a full sábana). */
export async function lockJobForCommit(db: DbOrTx, id: number) {
  const r = await db.execute<{
    status: AnnexJobRow['status'];
    errorCount: number;
    workOrderId: number;
    fileName: string;
    sha256: string;
    rows: ResolvedRow[];
    dayDates: string[];
    baseVersion: number;
  }>(sql`
    select status, error_count as "errorCount", work_order_id as "workOrderId", file_name as "fileName", sha256,
           preview->'rows' as rows, preview->'dayDates' as "dayDates", (preview->>'baseVersion')::int as "baseVersion"
    from import_jobs where id = ${id} for update`);
  return r.rows[0]!;
}

/**
 * The contract whose catalogue an OT's annex is checked against: the one given, else the active
 * contract of the OT's client, else the only active contract with a catalogue.
 */
export async function contractForWorkOrder(db: DbOrTx, clientId: number, contractId?: number): Promise<number> {
  const r = await db.execute<{ id: number; clientId: number | null }>(sql`
    select c.id, c.client_id as "clientId" from contracts c
    where c.active and exists (select 1 from catalogue_items ci where ci.contract_id = c.id)
    order by c.id`);
  if (contractId !== undefined) {
    if (!r.rows.some((c) => c.id === contractId))
      throw invalid([{ path: 'querystring.contractId', message: 'El contrato no existe o no tiene catálogo cargado' }]);
    return contractId;
  }
  const ofClient = r.rows.filter((c) => c.clientId === clientId);
  if (ofClient.length === 1) return ofClient[0]!.id;
  if (r.rows.length === 1) return r.rows[0]!.id;
  if (r.rows.length === 0) {
    throw fail('conflict', 'No hay catálogo de contrato cargado: importe primero el Anexo C del contrato (Catálogo → Importar).');
  }
  throw invalid([
    { path: 'querystring.contractId', message: 'Hay varios contratos con catálogo: indique contra cuál revisar el anexo (contractId)' },
  ]);
}

/**
 * The months (as 'YYYY-MM') among `dayDates` whose monthly report in this family is closed
 * (cerrado/facturado). With `lock`, every report of those months is locked FOR SHARE, so a closure
 * or reopening waits for the caller's transaction (the commit); the preview only reads.
 */
export async function closedMonthsAmong(db: DbOrTx, familyId: number, dayDates: readonly string[], lock = false): Promise<Set<string>> {
  const months = [...new Set(dayDates.map((d) => d.slice(0, 7)))];
  if (!months.length) return new Set();
  const r = await db.execute<{ ym: string; status: string }>(sql`
    select to_char(make_date(year, month, 1), 'YYYY-MM') as ym, status from monthly_reports
    where work_order_id = ${familyId} and to_char(make_date(year, month, 1), 'YYYY-MM') = any(${sql.param(months)}::text[])
    order by id ${lock ? sql`for share` : sql``}`);
  return new Set(r.rows.filter((m) => m.status === 'cerrado' || m.status === 'facturado').map((m) => m.ym));
}
