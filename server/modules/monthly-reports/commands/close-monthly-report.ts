/**
 * En Revisión → Cerrado (administration or operations manager). Inside one transaction, after the
 * exclusive row lock (every in-flight save has committed; later saves will see `cerrado`):
 * recompute the checklist from the data and refuse unless every blocking item passes (which
 * includes the three distinct sign-offs), then freeze the snapshot and the pack (PDF + XLSX with
 * SHA-256) as version N.
 */
import { sql } from 'drizzle-orm';
import { DomainError } from '../../../../domain/errors';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { buildPack } from '../pack/build-pack';
import { beginTransition, finishTransition } from './apply-transition';

export async function closeMonthlyReport(
  db: Db,
  ctx: Ctx,
  reportId: number,
): Promise<{ version: number; pdfSha256: string; xlsxSha256: string }> {
  return db.transaction(async (tx) => {
    const { report, to } = await beginTransition(tx, ctx, reportId, 'close');
    const pack = await buildPack(tx, { ...report, status: to });
    if (!pack.data.canClose) {
      const failing = pack.data.checklist.filter((i) => i.blocking && i.result !== 'ok');
      throw new DomainError('checklist_blocked', {
        message: `No se puede cerrar: ${failing.map((i) => `${i.label_es}: ${i.message_es}`).join(' | ')}`,
        details: {
          failingKeys: failing.map((i) => i.key),
          items: failing.map((i) => ({ key: i.key, label: i.label_es, count: i.count, message: i.message_es })),
        },
      });
    }
    const snapshot = {
      evidenceUrl: report.evidenceUrl,
      totals: pack.data.totals,
      grandTotal: pack.data.grandTotal,
      signOffs: pack.data.signOffs,
      dailyReports: pack.data.dailyReports.map((d) => [d.siteName, d.date, d.operational, d.signature]),
      cells: pack.data.cells,
    };
    await tx.execute(sql`
      insert into monthly_report_versions (monthly_report_id, version, snapshot, checklist, pack_pdf, pack_xlsx, pdf_sha256, xlsx_sha256, closed_by)
      values (${report.id}, ${report.version}, ${JSON.stringify(snapshot)}::jsonb, ${JSON.stringify(pack.data.checklist)}::jsonb,
              ${pack.pdf}, ${pack.xlsx}, ${pack.pdfSha256}, ${pack.xlsxSha256}, ${ctx.actor.id})`);
    await finishTransition(tx, ctx, report, to, 'close', { set: sql`closed_by = ${ctx.actor.id}, closed_at = now()` });
    return { version: report.version, pdfSha256: pack.pdfSha256, xlsxSha256: pack.xlsxSha256 };
  });
}
