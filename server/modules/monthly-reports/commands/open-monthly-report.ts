/**
 * Opens (get-or-creates) an OT-month explicitly, e.g. from the closure board. Idempotent and
 * race-free: an upsert on the unique (OT, year, month) key, never an IntegrityError (the seed's
 * troubleshooting case). Creation is audited; finding an existing report changes nothing.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { fail, missing } from '../../../fail';
import { recordAudit } from '../../audit/record-audit';
import { familyIdOf } from '../monthly-reports.repository';

export async function openMonthlyReport(
  db: Db,
  ctx: Ctx,
  input: { workOrderId: number; year: number; month: number },
): Promise<{ id: number; created: boolean }> {
  if (ctx.actor.role === 'consulta') throw fail('forbidden', 'Su rol es de solo lectura');
  const family = await familyIdOf(db, input.workOrderId);
  if (!family) throw missing(`La OT ${input.workOrderId}`);
  return db.transaction(async (tx) => {
    const inserted = await tx.execute<{ id: number }>(sql`
      insert into monthly_reports (work_order_id, year, month) values (${family.familyId}, ${input.year}, ${input.month})
      on conflict (work_order_id, year, month) do nothing returning id`);
    if (inserted.rows[0]) {
      const id = inserted.rows[0].id;
      await recordAudit(tx, ctx, {
        entity: 'monthly_report',
        entityId: id,
        action: 'create',
        after: { workOrderId: family.familyId, year: input.year, month: input.month, status: 'abierto' },
        workOrderId: family.familyId,
      });
      return { id, created: true };
    }
    const existing = await tx.execute<{ id: number }>(sql`
      select id from monthly_reports where work_order_id = ${family.familyId} and year = ${input.year} and month = ${input.month}`);
    return { id: existing.rows[0]!.id, created: false };
  });
}
