import { eq } from 'drizzle-orm';
import { sessions, users } from '../../../db/schema';
import type { Db } from '../../../db/database';
import type { Ctx } from '../../../context';
import { missing } from '../../../fail';
import { ensure } from '../../../policy';
import { recordAudit } from '../../audit/record-audit';
import { hashPassword } from '../../auth/passwords';

/** An administrator sets a new password; the user must change it at next login. */
export async function resetPassword(db: Db, ctx: Ctx, userId: number, password: string): Promise<void> {
  ensure(ctx.actor, 'users.manage');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const r = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!r[0]) throw missing(`El usuario ${userId}`);
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, ctx, {
      entity: 'user',
      entityId: userId,
      action: 'reset_password',
      changes: { password: { before: '***', after: '***' } },
    });
  });
}
