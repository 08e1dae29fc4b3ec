/**
 * First start: reference data, and an administrator when there are no users yet — from
 * CARPETA_ADMIN_EMAIL / CARPETA_ADMIN_PASSWORD, or with a one-time password printed once.
 */
import type { Config } from './config';
import { systemCtx } from './context';
import type { Database } from './db/database';
import { seedReferenceData } from './db/seeds/reference-data';
import { generatePassword } from './modules/auth/passwords';
import { createUser } from './modules/users/commands/create-user';

const BOOTSTRAP_LOCK = 727_274_002;

export interface BootstrapResult {
  adminCreated: boolean;
  email?: string;
  /** Present only when generated: print it once, never log it again. */
  oneTimePassword?: string;
}

export async function bootstrap(database: Database, config: Config): Promise<BootstrapResult> {
  const db = database.db;
  await seedReferenceData(db);
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from users');
    if ((rows[0]?.n ?? 0) > 0) return { adminCreated: false };
    const email = (config.adminEmail ?? 'admin@carpeta.local').toLowerCase();
    const generated = config.adminPassword ? undefined : generatePassword();
    await createUser(db, systemCtx(), {
      email,
      name: 'Administrador',
      role: 'admin',
      password: config.adminPassword ?? generated!,
      mustChangePassword: generated !== undefined,
    });
    return { adminCreated: true, email, ...(generated ? { oneTimePassword: generated } : {}) };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]).catch(() => undefined);
    client.release();
  }
}
