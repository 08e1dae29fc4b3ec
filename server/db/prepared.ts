/**
 * Server-side prepared statements for the hot paths (ADR 009, decision 11). PostgreSQL parses a
 * prepared statement once per connection and, once its generic plan proves as cheap as the custom
 * ones (plan_cache_mode auto), stops planning it: for a small save's statements, planning was a
 * third of PostgreSQL's work. Only for statements whose best plan does not depend on their values.
 */
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Db } from './database';

const plainDialect = new PgDialect();

/**
 * A statement to run prepared: in a batched transaction, PREPAREd once per connection and then
 * EXECUTEd with its values inlined; alone, through {@link runPrepared}.
 */
export class Prepared {
  readonly name: string;
  readonly text: string;
  readonly params: readonly unknown[];
  constructor(query: SQL, prefix = 'b') {
    const q = plainDialect.sqlToQuery(query);
    this.text = q.sql;
    this.params = q.params;
    // Named by its text: the variants of a statement (optional parts) are different statements.
    // The prefix keeps node-postgres's names (runPrepared) apart from PREPARE's in the same session.
    this.name = `${prefix}_${createHash('sha1').update(q.sql).digest('hex').slice(0, 24)}`;
  }
}

/** {@link Prepared}: `query` to run as a prepared statement in a batch. */
export const prepared = (query: SQL): Prepared => new Prepared(query);

/**
 * Runs `query` as a named prepared statement of node-postgres (parsed once per pooled connection,
 * then only bound and executed); its rows.
 */
export async function runPrepared<T extends pg.QueryResultRow>(db: Db, query: SQL): Promise<T[]> {
  const p = new Prepared(query, 'n');
  const client = (db as unknown as { $client: pg.Pool | pg.Client }).$client;
  const r = await client.query<T>({ name: p.name, text: p.text, values: p.params as unknown[] });
  return r.rows;
}
