/** Abierto → En Revisión (operations manager or the OT's supervisor): supervisor capture freezes. */
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { beginTransition, finishTransition } from './apply-transition';

export async function submitMonthlyReport(db: Db, ctx: Ctx, reportId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { report, to } = await beginTransition(tx, ctx, reportId, 'submit');
    await finishTransition(tx, ctx, report, to, 'submit');
  });
}
