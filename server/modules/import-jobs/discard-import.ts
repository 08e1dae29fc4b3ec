/**
 * An import preview ends committed or discarded. Discarding (the wizard's "Otro archivo", or the
 * API) keeps the preview and its counts — what was looked at stays readable — but drops the
 * uploaded file's bytes. Previews nobody committed are discarded the same way after
 * {@link STALE_PREVIEW_DAYS} days, whenever a new preview is made, so abandoned uploads do not pile
 * up in the database.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { DbOrTx, Db } from '../../db/database';
import { conflict } from '../../../domain/errors';
import { missing } from '../../fail';
import { ensure } from '../../policy';
import { recordAudit } from '../audit/record-audit';

export const STALE_PREVIEW_DAYS = 7;

export type ImportKind = 'annex' | 'catalogue';
const TARGETS: Record<ImportKind, string[]> = { annex: ['annex'], catalogue: ['contract_catalogue', 'pue_catalogue'] };

export async function discardImport(db: Db, ctx: Ctx, id: number, kind: ImportKind): Promise<void> {
  ensure(ctx.actor, kind === 'annex' ? 'annex.import' : 'contractCatalogue.write');
  await db.transaction(async (tx) => {
    const r = await tx.execute<{ status: string; workOrderId: number | null }>(sql`
      select status, work_order_id as "workOrderId" from import_jobs
      where id = ${id} and target = any(${sql.param(TARGETS[kind])}::text[]) for update`);
    const job = r.rows[0];
    if (!job) throw missing(`La importación ${id}`);
    if (job.status !== 'preview')
      throw conflict(
        job.status === 'committed' ? 'Esta importación ya se aplicó: no se puede descartar.' : 'Esta importación ya estaba descartada.',
        { status: job.status },
      );
    await tx.execute(sql`update import_jobs set status = 'discarded', file = ''::bytea where id = ${id}`);
    await recordAudit(tx, ctx, {
      entity: 'import_job',
      entityId: id,
      action: 'discard',
      changes: { status: { before: 'preview', after: 'discarded' } },
      workOrderId: job.workOrderId,
    });
  });
}

/** Discards previews older than {@link STALE_PREVIEW_DAYS} days (no audit entry: nobody acted); returns how many. */
export async function discardStalePreviews(db: DbOrTx, days = STALE_PREVIEW_DAYS): Promise<number> {
  const r = await db.execute(sql`
    update import_jobs set status = 'discarded', file = ''::bytea
    where status = 'preview' and created_at < now() - make_interval(days => ${days})`);
  return r.rowCount ?? 0;
}
