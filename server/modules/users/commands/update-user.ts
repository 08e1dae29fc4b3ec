import { eq, sql } from 'drizzle-orm';
import { sessions, users } from '../../../db/schema';
import type { Db } from '../../../db/database';
import type { Ctx } from '../../../context';
import type { Role } from '../../../../contracts/auth';
import { fail, missing } from '../../../fail';
import { ensure } from '../../../policy';
import { recordAudit } from '../../audit/record-audit';
import { auditedUser } from '../users.presenter';
import { findUserById, replaceScope, type UserRow } from '../users.repository';

export interface UpdateUserInput {
  name?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  locale?: string | undefined;
  siteIds?: number[] | undefined;
  workOrderIds?: number[] | undefined;
}

export async function updateUser(db: Db, ctx: Ctx, id: number, input: UpdateUserInput): Promise<UserRow> {
  ensure(ctx.actor, 'users.manage');
  return db.transaction(async (tx) => {
    // A change that may remove an admin first locks every active admin (in id order, then the
    // target): two admins deactivating each other at once are serialized, so the count below
    // cannot be stale (write skew) and the second one gets the last-admin 409, not a deadlock.
    if (input.active === false || input.role !== undefined) {
      await tx.execute(sql`select id from users where role = 'admin' and active order by id for update`);
    }
    await tx.execute(sql`select id from users where id = ${id} for update`);
    const before = await findUserById(tx, id);
    if (!before) throw missing(`El usuario ${id}`);
    const demotingLastAdmin =
      before.role === 'admin' && before.active && (input.active === false || (input.role !== undefined && input.role !== 'admin'));
    if (demotingLastAdmin) {
      const r = await tx.execute<{ n: number }>(sql`select count(*)::int as n from users where role = 'admin' and active and id <> ${id}`);
      if ((r.rows[0]?.n ?? 0) === 0) throw fail('conflict', 'No se puede desactivar ni cambiar el rol del último administrador activo');
    }
    const values: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) values.name = input.name;
    if (input.role !== undefined) values.role = input.role;
    if (input.active !== undefined) values.active = input.active;
    if (input.locale !== undefined) values.locale = input.locale;
    await tx.update(users).set(values).where(eq(users.id, id));
    await replaceScope(tx, id, input.siteIds, input.workOrderIds);
    if (input.active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    const after = (await findUserById(tx, id))!;
    const action =
      input.active === false && before.active ? 'deactivate' : input.active === true && !before.active ? 'reactivate' : 'update';
    await recordAudit(tx, ctx, { entity: 'user', entityId: id, action, before: auditedUser(before), after: auditedUser(after) });
    return after;
  });
}
