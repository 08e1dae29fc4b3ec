/** SQL for users, their supervisor scope, sessions and API tokens. */
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database';
import { runPrepared } from '../../db/prepared';
import type { Role } from '../../../contracts/auth';

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  locale: string;
  mustChangePassword: boolean;
  passwordHash: string;
  siteIds: number[];
  workOrderIds: number[];
  createdAt: string;
  updatedAt: string;
};

const USER_COLUMNS = sql`
  u.id, u.email, u.name, u.role, u.active, u.locale,
  u.must_change_password as "mustChangePassword", u.password_hash as "passwordHash",
  to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  to_char(u.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt",
  coalesce((select array_agg(site_id order by site_id) from user_sites s where s.user_id = u.id), '{}') as "siteIds",
  coalesce((select array_agg(work_order_id order by work_order_id) from user_work_orders w where w.user_id = u.id), '{}') as "workOrderIds"`;

export async function findUserById(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  const r = await db.execute<UserRow>(sql`select ${USER_COLUMNS} from users u where u.id = ${id}`);
  return r.rows[0];
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const r = await db.execute<UserRow>(sql`select ${USER_COLUMNS} from users u where lower(u.email) = lower(${email})`);
  return r.rows[0];
}

/** A contains-pattern where % and _ typed by the user are literal characters. */
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function listUsers(
  db: DbOrTx,
  f: { q?: string | undefined; active?: boolean | undefined; role?: string | undefined; limit: number; offset: number },
): Promise<{ items: UserRow[]; total: number }> {
  const where = sql.join(
    [
      sql`true`,
      f.q ? sql`(u.email ilike ${likeOf(f.q)} or u.name ilike ${likeOf(f.q)})` : undefined,
      f.active === undefined ? undefined : sql`u.active = ${f.active}`,
      f.role ? sql`u.role = ${f.role}` : undefined,
    ].filter((x) => x !== undefined),
    sql` and `,
  );
  const items = await db.execute<UserRow>(
    sql`select ${USER_COLUMNS} from users u where ${where} order by u.name, u.id limit ${f.limit} offset ${f.offset}`,
  );
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n from users u where ${where}`);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
  return r.rows[0]?.n ?? 0;
}

export async function replaceScope(db: DbOrTx, userId: number, siteIds: number[] | undefined, workOrderIds: number[] | undefined) {
  if (siteIds) {
    await db.execute(sql`delete from user_sites where user_id = ${userId}`);
    for (const siteId of new Set(siteIds)) await db.execute(sql`insert into user_sites (user_id, site_id) values (${userId}, ${siteId})`);
  }
  if (workOrderIds) {
    await db.execute(sql`delete from user_work_orders where user_id = ${userId}`);
    for (const woId of new Set(workOrderIds))
      await db.execute(sql`insert into user_work_orders (user_id, work_order_id) values (${userId}, ${woId})`);
  }
}

export interface SessionLookup {
  user: UserRow;
  csrfToken: string;
}

/** Every authenticated request asks this: a prepared statement (parsed and planned once per connection). */
export async function findSession(db: Db, sessionHash: string): Promise<SessionLookup | undefined> {
  const [row] = await runPrepared<UserRow & { csrfToken: string }>(
    db,
    sql`
    select ${USER_COLUMNS}, s.csrf_token as "csrfToken"
    from sessions s join users u on u.id = s.user_id
    where s.id = ${sessionHash} and s.expires_at > now() and u.active`,
  );
  if (!row) return undefined;
  const { csrfToken, ...user } = row;
  return { user, csrfToken };
}

export async function findUserByApiToken(db: DbOrTx, tokenHash: string): Promise<UserRow | undefined> {
  const r = await db.execute<UserRow>(sql`
    with t as (
      update api_tokens set last_used_at = now()
      where token_hash = ${tokenHash} and revoked_at is null
      returning user_id
    )
    select ${USER_COLUMNS} from users u join t on t.user_id = u.id where u.active`);
  return r.rows[0];
}
