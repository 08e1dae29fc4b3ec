/**
 * Cerrado → Abierto (admin only, mandatory reason). The closed snapshot and its frozen pack stay
 * as version N; the month continues as version N+1 and needs fresh sign-offs (they are per version).
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { beginTransition, finishTransition } from './apply-transition';

export async function reopenMonthlyReport(db: Db, ctx: Ctx, reportId: number, reason: string | undefined): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const { report, to } = await beginTransition(tx, ctx, reportId, 'reopen', { reason });
    await tx.execute(sql`
      update monthly_report_versions set reopened_by = ${ctx.actor.id}, reopened_at = now(), reopen_reason = ${reason!.trim()}
      where monthly_report_id = ${report.id} and version = ${report.version}`);
    await finishTransition(tx, ctx, report, to, 'reopen', { reason, set: sql`version = version + 1, closed_by = null, closed_at = null` });
    return { version: report.version + 1 };
  });
}
