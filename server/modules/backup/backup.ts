/**
 * Logical backup and restore of the whole database as gzipped NDJSON: a header line, then one
 * line per table with its rows as JSON produced by PostgreSQL itself (numeric stays exact,
 * bytea as hex). Independent of pg_dump versions (the embedded server is PostgreSQL 18).
 * Restore refuses a backup made with a different migration history.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';

const FORMAT = 'carpeta-backup';

export interface Progress {
  (done: number, total: number, table: string): void;
}

/** Application tables in an order where every FK points to an earlier table. */
async function tablesInDependencyOrder(client: pg.PoolClient): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)
  ).rows.map((r) => r.name);
  const deps = (
    await client.query<{ child: string; parent: string }>(`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`)
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

async function migrationIds(client: pg.PoolClient): Promise<string[]> {
  const r = await client.query<{ hash: string }>(`select hash from drizzle.__drizzle_migrations order by id`);
  return r.rows.map((x) => x.hash);
}

export async function backupDatabase(pool: pg.Pool, file: string, progress?: Progress): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(file);
  gzip.pipe(out);
  const write = (line: string) => new Promise<void>((resolve) => (gzip.write(line + '\n') ? resolve() : gzip.once('drain', resolve)));
  let rows = 0;
  try {
    // One consistent snapshot for every table.
    await client.query('begin isolation level repeatable read read only');
    const tables = await tablesInDependencyOrder(client);
    await write(
      JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: await migrationIds(client), tables }),
    );
    for (const [i, table] of tables.entries()) {
      const r = await client.query<{ n: number; data: string }>(
        `select count(*)::int as n, coalesce(jsonb_agg(t order by t), '[]'::jsonb)::text as data from ${client.escapeIdentifier(table)} t`,
      );
      rows += r.rows[0]!.n;
      await write(`{"table":${JSON.stringify(table)},"rows":${r.rows[0]!.data}}`);
      progress?.(i + 1, tables.length, table);
    }
    await client.query('commit');
  } finally {
    client.release();
    gzip.end();
    await new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
  }
  return { tables: await countTables(pool), rows };
}

async function countTables(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
  return r.rows[0]!.n;
}

export async function restoreDatabase(pool: pg.Pool, file: string, progress?: Progress): Promise<{ tables: number; rows: number }> {
  if (!fs.existsSync(file)) throw new Error(`No existe el archivo ${file}`);
  const client = await pool.connect();
  let rows = 0;
  let tables = 0;
  try {
    await client.query('begin');
    // Created right before iterating: lines emitted before `for await` starts would be lost.
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    type Header = { format: string; migrations: string[]; tables: string[] };
    let header = undefined as Header | undefined;
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== FORMAT) throw new Error('El archivo no es un respaldo de Carpeta');
        const current = await migrationIds(client);
        if (JSON.stringify(current) !== JSON.stringify(header.migrations)) {
          throw new Error('El respaldo corresponde a otra versión del esquema; actualice la aplicación antes de restaurar');
        }
        // Empty every table (children first); the audit trail's append-only trigger is
        // suspended only inside this transaction.
        await client.query('alter table audit_log disable trigger user');
        const names = header.tables.map((t) => client.escapeIdentifier(t)).join(', ');
        await client.query(`truncate ${names} restart identity cascade`);
        continue;
      }
      const start = line.indexOf(',"rows":');
      const table = JSON.parse(line.slice('{"table":'.length, start)) as string;
      const data = line.slice(start + ',"rows":'.length, -1);
      const ident = client.escapeIdentifier(table);
      const r = await client.query(`insert into ${ident} select * from jsonb_populate_recordset(null::${ident}, $1::jsonb)`, [data]);
      rows += r.rowCount ?? 0;
      tables++;
      progress?.(tables, header.tables.length, table);
    }
    if (!header) throw new Error('El respaldo está vacío');
    await client.query('alter table audit_log enable trigger user');
    // Serial sequences continue after the restored ids.
    const seqs = await client.query<{ tbl: string; col: string; seq: string }>(`
      select c.table_name as tbl, c.column_name as col, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
      from information_schema.columns c where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`);
    for (const s of seqs.rows) {
      await client.query(
        `select setval($1, coalesce((select max(${client.escapeIdentifier(s.col)}) from ${client.escapeIdentifier(s.tbl)}), 0) + 1, false)`,
        [s.seq],
      );
    }
    await client.query(`select setval('production_revision_seq', coalesce((select max(revision) from production_entries), 0) + 1, false)`);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return { tables, rows };
}
