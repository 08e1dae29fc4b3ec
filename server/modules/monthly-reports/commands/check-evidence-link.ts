/**
 * Checks the reachability of the month's evidence URL and records the result in
 * `monthly_reports.evidence_check` (checklist warning "enlace accesible"). The network call
 * happens outside any transaction so a slow server never holds a lock; the result is written
 * afterwards only if the URL is still the same. Allowed in every status: it records a fact.
 */
import { sql } from 'drizzle-orm';
import { isHttpUrl } from '../../../../domain/evidence-link';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { fail, missing } from '../../../fail';
import { recordAudit } from '../../audit/record-audit';
import { probeUrl, type ProbeOptions } from '../evidence-reachability';
import { inScope } from '../monthly-reports.policy';
import { findMonthlyReport } from '../monthly-reports.repository';

export async function checkEvidenceLink(db: Db, ctx: Ctx, reportId: number, probe: ProbeOptions = {}) {
  if (ctx.actor.role === 'consulta') throw fail('forbidden', 'Su rol es de solo lectura');
  const report = await findMonthlyReport(db, reportId);
  if (!report) throw missing(`El reporte mensual ${reportId}`);
  if (!inScope(ctx.actor, report)) throw fail('forbidden', 'La OT de este reporte mensual no está asignada a usted');
  const url = report.evidenceUrl;
  if (!isHttpUrl(url)) throw fail('validation_failed', 'El reporte no tiene un enlace de evidencia http(s) que verificar.');
  const result = await probeUrl(url, probe);
  const check = {
    url,
    reachable: result.reachable,
    httpStatus: result.httpStatus,
    error: result.error,
    checkedAt: new Date().toISOString(),
  };
  await db.transaction(async (tx) => {
    const r = await tx.execute(
      sql`update monthly_reports set evidence_check = ${JSON.stringify(check)}::jsonb where id = ${reportId} and evidence_url = ${url}`,
    );
    if (r.rowCount) {
      await recordAudit(tx, ctx, {
        entity: 'monthly_report',
        entityId: reportId,
        action: 'check_evidence',
        changes: { evidenceCheck: { before: report.evidenceCheck ?? null, after: check } },
        workOrderId: report.workOrderId,
      });
    }
  });
  return check;
}
