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
import { renderSql } from './render-sql';

const plainDialect = new PgDialect();
const toQuery = (query: SQL) => plainDialect.sqlToQuery(query);
const dollar = (index: number) => `$${index + 1}`;

const names = new Map<string, string>();
/** A statement's name, from a hash of its text (remembered: the same few texts come back all day). */
function nameOf(prefix: string, text: string): string {
  const key = prefix + text;
  let name = names.get(key);
  if (!name) {
    if (names.size >= 1000) names.clear();
    name = `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(key, name);
  }
  return name;
}

/**
 * A statement to run prepared: in a batched transaction, PREPAREd once per connection and then
 * EXECUTEd with its values inlined; alone, through {@link runPrepared}.
 */
export class Prepared {
  readonly name: string;
  readonly text: string;
  readonly params: readonly unknown[];
  constructor(query: SQL, prefix = 'b') {
    const q = renderSql(query, dollar, toQuery);
    this.text = q.sql;
    this.params = q.params;
    // Named by its text: the variants of a statement (optional parts) are different statements.
    // The prefix keeps node-postgres's names (runPrepared) apart from PREPARE's in the same session.
    this.name = nameOf(prefix, q.sql);
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
