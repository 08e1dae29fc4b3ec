/**
 * En Revisión → Abierto with a mandatory reason. The version's sign-offs are withdrawn: the data
 * will change, so what was reviewed is no longer what will be closed (a decision; audited).
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { recordAudit } from '../../audit/record-audit';
import { beginTransition, finishTransition } from './apply-transition';

export async function returnMonthlyReport(db: Db, ctx: Ctx, reportId: number, reason: string | undefined): Promise<void> {
  await db.transaction(async (tx) => {
    const { report, to } = await beginTransition(tx, ctx, reportId, 'return', { reason });
    const removed = await tx.execute<{ kind: string; userId: number }>(sql`
      delete from monthly_report_sign_offs where monthly_report_id = ${report.id} and version = ${report.version} returning kind, user_id as "userId"`);
    if (removed.rows.length) {
      await recordAudit(tx, ctx, {
        entity: 'monthly_report',
        entityId: report.id,
        action: 'withdraw_sign_offs',
        changes: { signOffs: { before: removed.rows, after: [] } },
        workOrderId: report.workOrderId,
        reason: reason ?? null,
      });
    }
    await finishTransition(tx, ctx, report, to, 'return', { reason });
  });
}
