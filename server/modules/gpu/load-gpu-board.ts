/** The GPU board of an OT-month (filtered), with counts and the caller's abilities. */
import { sql } from 'drizzle-orm';
import type { GpuBoardQuery, GpuBoardResponse } from '../../../contracts/gpu';
import type { Actor } from '../../context';
import type { DbOrTx } from '../../db/database';
import { can } from '../../policy';
import { loadFamily } from '../production/family-site';
import { periodLock } from '../production/load-grid';
import { gpuBoard } from './gpu.repository';

export async function loadGpuBoard(db: DbOrTx, actor: Actor, q: GpuBoardQuery): Promise<GpuBoardResponse> {
  const f = await loadFamily(db, q.workOrderId);
  const r = await db.execute<{ id: number; status: 'abierto' | 'en_revision' | 'cerrado' | 'facturado'; evidenceUrl: string | null }>(sql`
    select id, status, evidence_url as "evidenceUrl" from monthly_reports where work_order_id = ${f.familyId} and year = ${q.year} and month = ${q.month}`);
  const report = r.rows[0] ?? null;
  const items = report ? await gpuBoard(db, report.id, q) : [];
  const count = (s: string) => items.filter((i) => i.status === s).length;
  const open = periodLock(report?.status, actor) === null;
  return {
    familyId: f.familyId,
    year: q.year,
    month: q.month,
    monthlyReport: report,
    items,
    counts: {
      total: items.length,
      pendiente: count('pendiente'),
      en_proceso: count('en_proceso'),
      falta_firma_cliente: count('falta_firma_cliente'),
      firmado: count('firmado'),
      withEvidence: items.filter((i) => i.evidenceUrl).length,
    },
    abilities: { edit: open && can(actor, 'production.capture'), moveBackwards: open && can(actor, 'production.correct') },
  };
}
