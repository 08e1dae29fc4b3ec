/**
 * Cerrado → Facturado, only through an estimate (spec §3.1, §3.6): the estimate workflow calls
 * this inside its own transaction when it is invoiced. There is deliberately no HTTP endpoint.
 * Every report must be `Cerrado`; otherwise nothing changes (the caller's transaction aborts).
 */
import type { Ctx } from '../../../context';
import type { Tx } from '../../../db/database';
import { recordAudit } from '../../audit/record-audit';
import { beginTransition, finishTransition } from './apply-transition';

export async function markMonthsInvoiced(tx: Tx, ctx: Ctx, reportIds: readonly number[], estimateId: number): Promise<void> {
  // A stable order avoids deadlocks between two estimates covering overlapping months.
  for (const id of [...new Set(reportIds)].sort((a, b) => a - b)) {
    const { report, to } = await beginTransition(tx, ctx, id, 'invoice', { viaEstimate: true });
    await finishTransition(tx, ctx, report, to, 'invoice', { reason: `Estimación ${estimateId}` });
    await recordAudit(tx, ctx, {
      entity: 'monthly_report',
      entityId: id,
      action: 'link_estimate',
      changes: { estimateId: { before: null, after: estimateId } },
      workOrderId: report.workOrderId,
    });
  }
}
