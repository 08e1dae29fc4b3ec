/**
 * Changes a GPU record's status, evidence link or note. Same gate as every OT-month write
 * (lockPeriodForWrite: 409 period_closed), writer scope per site, and the status rule of
 * domain/gpu.ts (backwards only for operations managers and admins); audited with before/after.
 */
import { gpuTransitionAllowed } from '../../../../domain/gpu';
import { illegalTransition } from '../../../../domain/errors';
import type { UpdateGpuBody } from '../../../../contracts/gpu';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { fail, missing } from '../../../fail';
import { recordAudit } from '../../audit/record-audit';
import { lockPeriodForWrite } from '../../monthly-reports/period-lock';
import { ensureCanWrite, loadFamily } from '../../production/family-site';
import { findGpuTarget, lockGpu, updateGpu } from '../gpu.repository';

export async function updateGpuRecord(db: Db, ctx: Ctx, id: number, input: UpdateGpuBody): Promise<void> {
  await db.transaction(async (tx) => {
    const target = await findGpuTarget(tx, id);
    if (!target) throw missing(`El GPU ${id}`);
    const family = await loadFamily(tx, target.familyId);
    ensureCanWrite(ctx.actor, { familyId: target.familyId, siteId: target.siteId, members: family.members });
    await lockPeriodForWrite(tx, ctx.actor, { familyId: target.familyId, year: target.year, month: target.month });
    const before = (await lockGpu(tx, id))!;
    const next = {
      status: input.status ?? before.status,
      evidenceUrl: input.evidenceUrl === undefined ? before.evidenceUrl : input.evidenceUrl,
      note: input.note === undefined ? before.note : input.note || null,
    };
    if (!gpuTransitionAllowed(before.status, next.status, ctx.actor.role)) {
      throw illegalTransition(
        { entity: 'gpu_record', from: before.status, to: next.status },
        'Solo un gerente de operaciones o un administrador puede regresar el estatus de un GPU',
        'Only an operations manager or an admin can move a GPU status backwards',
      );
    }
    if (next.status === before.status && next.evidenceUrl === before.evidenceUrl && next.note === before.note) return;
    if (next.evidenceUrl !== null && !/^https?:\/\//i.test(next.evidenceUrl))
      throw fail('validation_failed', 'La URL debe comenzar con http:// o https://');
    await updateGpu(tx, id, next, ctx.actor.id);
    const backwards = next.status !== before.status && !gpuTransitionAllowed(before.status, next.status, 'supervisor');
    await recordAudit(tx, ctx, {
      entity: 'gpu_record',
      entityId: id,
      action: backwards ? 'status_backwards' : next.status !== before.status ? 'status' : 'update',
      before: { status: before.status, evidenceUrl: before.evidenceUrl, note: before.note },
      after: next,
      workOrderId: target.familyId,
      reason: input.reason ?? null,
    });
  });
}
