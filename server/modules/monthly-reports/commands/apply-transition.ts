/**
 * The shared steps of every status change: lock the report row exclusively (so in-flight saves,
 * which hold FOR SHARE through `lockPeriodForWrite`, finish first and later saves see the new
 * status), check the actor and the transition table, write the status, the history and the audit.
 */
import { sql } from 'drizzle-orm';
import {
  canPerform,
  MONTHLY_REPORT_STATUS_LABELS,
  transition,
  type ClosureAction,
  type MonthlyReportStatus,
} from '../../../../domain/monthly-report-status';
import type { Ctx } from '../../../context';
import type { DbOrTx } from '../../../db/database';
import { fail, missing } from '../../../fail';
import { recordAudit } from '../../audit/record-audit';
import { inScope } from '../monthly-reports.policy';
import { lockMonthlyReportForUpdate, recordTransition, type MonthlyReportRow } from '../monthly-reports.repository';

/** Locks the row and checks role, scope and the transition table; returns the row and the target status. */
export async function beginTransition(
  tx: DbOrTx,
  ctx: Ctx,
  reportId: number,
  action: ClosureAction,
  options: { reason?: string | null | undefined; viaEstimate?: boolean } = {},
): Promise<{ report: MonthlyReportRow; to: MonthlyReportStatus }> {
  const report = await lockMonthlyReportForUpdate(tx, reportId);
  if (!report) throw missing(`El reporte mensual ${reportId}`);
  if (!canPerform(ctx.actor.role, action) || !inScope(ctx.actor, report)) {
    throw fail('forbidden', `Su rol no permite «${action}» en el reporte mensual ${report.folio} ${report.month}/${report.year}`, {
      action,
    });
  }
  const next = transition(report.status, action, { reason: options.reason ?? null, viaEstimate: options.viaEstimate ?? false });
  if (!next.ok) throw next.error;
  return { report, to: next.value };
}

/** Writes the new status, its history row and the audit entry. */
export async function finishTransition(
  tx: DbOrTx,
  ctx: Ctx,
  report: MonthlyReportRow,
  to: MonthlyReportStatus,
  action: ClosureAction,
  extra: { reason?: string | null | undefined; set?: ReturnType<typeof sql> } = {},
): Promise<void> {
  const setExtra = extra.set ? sql`, ${extra.set}` : sql``;
  await tx.execute(sql`update monthly_reports set status = ${to}, updated_at = now() ${setExtra} where id = ${report.id}`);
  const reason = extra.reason?.trim() || null;
  await recordTransition(tx, { reportId: report.id, from: report.status, to, action, userId: ctx.actor.id, reason });
  await recordAudit(tx, ctx, {
    entity: 'monthly_report',
    entityId: report.id,
    action,
    changes: { status: { before: MONTHLY_REPORT_STATUS_LABELS[report.status].es, after: MONTHLY_REPORT_STATUS_LABELS[to].es } },
    workOrderId: report.workOrderId,
    reason,
  });
}
