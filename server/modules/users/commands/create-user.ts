import { users } from '../../../db/schema';
import type { Db } from '../../../db/database';
import type { Ctx } from '../../../context';
import type { Role } from '../../../../contracts/auth';
import { fail } from '../../../fail';
import { ensure } from '../../../policy';
import { recordAudit } from '../../audit/record-audit';
import { hashPassword } from '../../auth/passwords';
import { auditedUser } from '../users.presenter';
import { findUserByEmail, findUserById, replaceScope, type UserRow } from '../users.repository';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
  siteIds?: number[];
  workOrderIds?: number[];
  locale?: string;
  mustChangePassword?: boolean;
}

export async function createUser(db: Db, ctx: Ctx, input: CreateUserInput): Promise<UserRow> {
  ensure(ctx.actor, 'users.manage');
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(db, email)) throw fail('conflict', `Ya existe un usuario con el correo ${email}`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        email,
        name: input.name,
        role: input.role,
        passwordHash,
        locale: input.locale ?? 'es-MX',
        mustChangePassword: input.mustChangePassword ?? false,
      })
      .returning({ id: users.id });
    await replaceScope(tx, row!.id, input.siteIds ?? [], input.workOrderIds ?? []);
    const created = (await findUserById(tx, row!.id))!;
    await recordAudit(tx, ctx, { entity: 'user', entityId: created.id, action: 'create', before: null, after: auditedUser(created) });
    return created;
  });
}
