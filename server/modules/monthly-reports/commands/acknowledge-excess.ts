/**
 * An operations manager acknowledges excess production as non-billable (checklist item 3), per
 * entry or every unresolved entry of the month at once, with a reason; one audit entry per
 * production entry. Goes through the period lock: a closed month's entries cannot change.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { fail, missing } from '../../../fail';
import { ensure } from '../../../policy';
import { recordAuditMany } from '../../audit/record-audit';
import { lockPeriodForWrite } from '../period-lock';
import { findMonthlyReport } from '../monthly-reports.repository';

export async function acknowledgeExcess(
  db: Db,
  ctx: Ctx,
  reportId: number,
  input: { entryIds?: number[] | undefined; all?: boolean | undefined; reason: string },
): Promise<{ acknowledged: number }> {
  ensure(ctx.actor, 'monthly.acknowledgeExcess');
  const report = await findMonthlyReport(db, reportId);
  if (!report) throw missing(`El reporte mensual ${reportId}`);
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    await lockPeriodForWrite(tx, ctx.actor, { familyId: report.workOrderId, year: report.year, month: report.month });
    const ids = input.all ? null : [...new Set(input.entryIds ?? [])];
    if (ids) {
      const found = await tx.execute<{ id: string; excess: boolean }>(sql`
        select id::text, excess_volume > 0 as excess from production_entries
        where monthly_report_id = ${report.id} and id = any(${`{${ids.join(',')}}`}::bigint[])`);
      const known = new Map(found.rows.map((r) => [Number(r.id), r.excess]));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length)
        throw fail('validation_failed', `Registros de producción que no pertenecen a este mes: ${unknown.slice(0, 10).join(', ')}`, {
          unknown,
        });
      const noExcess = ids.filter((id) => known.get(id) === false);
      if (noExcess.length) throw fail('validation_failed', `Registros sin excedente: ${noExcess.slice(0, 10).join(', ')}`, { noExcess });
    }
    const filter = ids ? sql`and id = any(${`{${ids.join(',')}}`}::bigint[])` : sql``;
    const updated = await tx.execute<{ id: string; excessVolume: string }>(sql`
      update production_entries set excess_ack_by = ${ctx.actor.id}, excess_ack_at = now(), excess_ack_reason = ${reason}
      where monthly_report_id = ${report.id} and excess_volume > 0 and excess_ack_at is null ${filter}
      returning id::text, excess_volume::text as "excessVolume"`);
    await recordAuditMany(
      tx,
      ctx,
      updated.rows.map((r) => ({
        entity: 'production_entry',
        entityId: r.id,
        action: 'acknowledge_excess',
        changes: { excessAcknowledged: { before: false, after: true }, excessVolume: { before: r.excessVolume, after: r.excessVolume } },
        workOrderId: report.workOrderId,
        reason,
      })),
    );
    return { acknowledged: updated.rows.length };
  });
}
