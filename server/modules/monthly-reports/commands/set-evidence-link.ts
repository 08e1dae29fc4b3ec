/**
 * Links the month's evidence folder (the seed's `guardar_archivo_mensual`): get-or-create the
 * OT-month through the period lock (so a closed month refuses with `period_closed`), then set
 * the http(s) URL. Used by the modern API and the legacy endpoint alike. A reprogramming's id
 * files under its family's initial OT.
 */
import { sql } from 'drizzle-orm';
import { isHttpUrl } from '../../../../domain/evidence-link';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { fail, missing } from '../../../fail';
import { ensure } from '../../../policy';
import { recordAudit } from '../../audit/record-audit';
import { lockPeriodForWrite } from '../period-lock';
import { inScope } from '../monthly-reports.policy';
import { familyIdOf, familyScope } from '../monthly-reports.repository';

export interface SetEvidenceInput {
  workOrderId: number;
  year: number;
  month: number;
  url: string;
}

export async function setEvidenceLink(db: Db, ctx: Ctx, input: SetEvidenceInput): Promise<{ reportId: number; evidenceUrl: string }> {
  ensure(ctx.actor, 'production.capture');
  const url = input.url.trim();
  if (!isHttpUrl(url))
    throw fail('validation_failed', 'La URL debe comenzar con http:// o https:// y ser un enlace válido.', { field: 'archivo' });
  const family = await familyIdOf(db, input.workOrderId);
  if (!family) throw missing(`La OT ${input.workOrderId}`);
  return db.transaction(async (tx) => {
    if (!inScope(ctx.actor, await familyScope(tx, family.familyId))) throw fail('forbidden', 'La OT no está asignada a usted');
    const period = await lockPeriodForWrite(tx, ctx.actor, { familyId: family.familyId, year: input.year, month: input.month });
    if (period.evidenceUrl === url) return { reportId: period.monthlyReportId, evidenceUrl: url };
    await tx.execute(sql`update monthly_reports set evidence_url = ${url}, updated_at = now() where id = ${period.monthlyReportId}`);
    await recordAudit(tx, ctx, {
      entity: 'monthly_report',
      entityId: period.monthlyReportId,
      action: 'set_evidence',
      changes: { evidenceUrl: { before: period.evidenceUrl, after: url } },
      workOrderId: family.familyId,
    });
    return { reportId: period.monthlyReportId, evidenceUrl: url };
  });
}
