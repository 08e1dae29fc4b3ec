/** SQL of catalogue import jobs. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { CatalogueJobRow } from './catalogue-import-preview';

const TS = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export async function findCatalogueJob(
  db: DbOrTx,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<CatalogueJobRow | undefined> {
  const r = await db.execute<CatalogueJobRow>(sql`
    select id, target, status, contract_id as "contractId", file_name as "fileName", sha256, preview, error_count as "errorCount",
           ${TS('created_at')} as "createdAt", ${TS('committed_at')} as "committedAt"
    from import_jobs where id = ${id} and target in ('contract_catalogue', 'pue_catalogue')
    ${options.forUpdate ? sql`for update` : sql``}`);
  return r.rows[0];
}

export async function findJobFile(db: DbOrTx, id: number): Promise<Buffer | undefined> {
  const r = await db.execute<{ file: Buffer }>(sql`select file from import_jobs where id = ${id}`);
  return r.rows[0]?.file;
}
