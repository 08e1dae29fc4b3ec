/**
 * Records one of the three sign-offs of the current version while the month is `En Revisión`:
 * the role must fit the kind, one person gives at most one sign-off, and the only person who
 * captured the month's data may not sign it off (segregation of duties, spec §3.1 item 6).
 */
import { sql } from 'drizzle-orm';
import { SIGN_OFF_LABELS, checkSignOff, type SignOffKind } from '../../../../domain/sign-off';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { fail, missing } from '../../../fail';
import { recordAudit } from '../../audit/record-audit';
import { inScope } from '../monthly-reports.policy';
import { listCapturers, listSignOffs, lockMonthlyReportForUpdate, toDbSignOffKind } from '../monthly-reports.repository';

export async function signOffMonthlyReport(db: Db, ctx: Ctx, reportId: number, kind: SignOffKind): Promise<void> {
  const userId = ctx.actor.id;
  if (userId === null) throw fail('forbidden', 'Solo una persona puede firmar');
  await db.transaction(async (tx) => {
    const report = await lockMonthlyReportForUpdate(tx, reportId);
    if (!report) throw missing(`El reporte mensual ${reportId}`);
    if (!inScope(ctx.actor, report)) throw fail('forbidden', 'La OT de este reporte mensual no está asignada a usted');
    if (report.status !== 'en_revision') {
      throw fail('illegal_transition', 'Las firmas se registran mientras el reporte está «En Revisión».', { status: report.status });
    }
    const existing = await listSignOffs(tx, report.id, report.version);
    const checked = checkSignOff({ kind, userId, role: ctx.actor.role }, existing, await listCapturers(tx, report.id));
    if (!checked.ok) {
      const e = checked.error;
      if (e.code === 'forbidden') throw fail('forbidden', `Su rol no puede dar la firma «${SIGN_OFF_LABELS[kind].es}».`, { kind });
      const reason = (e.details as { reason?: string }).reason;
      throw fail(
        'segregation_of_duties',
        reason === 'already_signed'
          ? 'Ya dio otra firma de este mes: las tres firmas deben ser de personas distintas.'
          : 'Usted capturó todos los datos del mes: otra persona debe firmar su revisión.',
        { kind, reason },
      );
    }
    if (existing.some((s) => s.kind === kind && s.userId === userId)) return; // idempotent
    if (existing.some((s) => s.kind === kind))
      throw fail('conflict', `La firma «${SIGN_OFF_LABELS[kind].es}» ya fue dada por otra persona.`, { kind });
    await tx.execute(sql`
      insert into monthly_report_sign_offs (monthly_report_id, version, kind, user_id) values (${report.id}, ${report.version}, ${toDbSignOffKind(kind)}, ${userId})`);
    await recordAudit(tx, ctx, {
      entity: 'monthly_report',
      entityId: report.id,
      action: 'sign_off',
      changes: { [kind]: { before: null, after: { userId, version: report.version } } },
      workOrderId: report.workOrderId,
    });
  });
}
