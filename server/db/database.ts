/**
 * Opens the database: the embedded PostgreSQL (default) or an external one (DATABASE_URL),
 * then applies the migrations under an advisory lock so concurrent instances do not collide.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres';

// numeric/bigint come back as strings from pg; int8 counts are cast in SQL where needed.
// DATE columns stay ISO strings (never JS Dates, which shift with time zones).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'embedded' | 'external';
  url: string;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK_KEY = 727_274_001; // arbitrary, constant: "carpeta migrations"

export async function runMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('set client_min_messages = warning');
    await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Creates the named database on the server at `url` when it does not exist yet. */
export async function ensureDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount)
      await client.query(`create database ${client.escapeIdentifier(name)}`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created concurrently
      });
  } finally {
    await client.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function createPool(url: string, max = 20): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  pool.on('error', () => undefined); // idle client errors (server restart) must not crash the app
  return pool;
}

export function connect(url: string, kind: 'embedded' | 'external', onClose?: () => Promise<void>, max?: number): Database {
  const pool = createPool(url, max);
  const db = drizzle({ client: pool, schema });
  return {
    db,
    pool,
    kind,
    url,
    async close() {
      await pool.end();
      await onClose?.();
    },
  };
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  embeddedPort: number;
  log?: (line: string) => void;
  attach?: 'adopt' | 'borrow';
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    await runMigrations(opts.databaseUrl);
    return connect(opts.databaseUrl, 'external');
  }
  let server: EmbeddedServer | undefined;
  try {
    server = await startEmbeddedPostgres({
      dataDir: opts.dataDir,
      port: opts.embeddedPort,
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.attach ? { attach: opts.attach } : {}),
    });
    const url = await ensureDatabase(server.url, 'carpeta');
    await runMigrations(url);
    const s = server;
    return connect(url, 'embedded', () => s.stop());
  } catch (err) {
    await server?.stop();
    throw err;
  }
}
