/**
 * A transaction whose BEGIN travels with its first statements and whose COMMIT travels with its
 * last ones. Each group goes to PostgreSQL as ONE simple-protocol query (statements joined by `;`),
 * so a small grid save costs two round trips instead of six (ADR 009: on this machine kind every
 * round trip is a context switch between the app and a PostgreSQL backend, and those switches —
 * not the SQL — were most of a small save's cost).
 *
 * PostgreSQL runs the statements of a group in order, each with its own snapshot (READ
 * COMMITTED), and stops at the first error; the transaction is then rolled back. The simple
 * protocol has no parameters, so values are inlined as escaped literals ({@link inlineSql}): an
 * untyped quoted literal is exactly what a text parameter is to PostgreSQL, so the statements mean
 * the same thing either way.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';
import type { Db } from './database';
import { Prepared } from './prepared';
import { renderSql } from './render-sql';

/** An array element in PostgreSQL's array text form (quoted, `\\` and `"` escaped). */
function arrayElement(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string') return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  throw new TypeError(`sqlLiteral: cannot inline an array element of type ${typeof v}`);
}

/**
 * A parameter value as an SQL literal: NULL, or its text quoted exactly as pg's escapeLiteral does
 * (an untyped literal, which is what a text parameter is). Only the kinds of values the batched statements bind.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (Array.isArray(value)) text = `{${value.map(arrayElement).join(',')}}`;
  else throw new TypeError(`sqlLiteral: cannot inline a value of type ${typeof value}`);
  if (text.includes('\0')) throw new TypeError('sqlLiteral: text cannot hold NUL characters');
  return quote(text);
}

/**
 * pg's escapeLiteral, with native replaces instead of a character loop: a save's audit text is
 * ~1.7 MB, which the loop took ~0.4 s to copy. `''` for a quote; with a backslash, an E'' string
 * with it doubled (correct whatever standard_conforming_strings says).
 */
function quote(text: string): string {
  const quoted = text.includes("'") ? text.replace(/'/g, "''") : text;
  return text.includes('\\') ? ` E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

class InliningDialect extends PgDialect {
  override escapeParam(_num: number, value?: unknown): string {
    return sqlLiteral(value);
  }
}
const inlining = new InliningDialect();
/** drizzle's own rendering of {@link inlineSql} (what the fast path must equal; tests compare them). */
export const inlineWithDrizzle = (query: SQL) => inlining.sqlToQuery(query);
const inlineParam = (_index: number, value: unknown) => sqlLiteral(value);

/** The statement's text with every parameter inlined as a literal (for the simple protocol). */
export function inlineSql(query: SQL | Prepared): string {
  if (query instanceof Prepared)
    return query.params.length ? `execute ${query.name}(${query.params.map(sqlLiteral).join(', ')})` : `execute ${query.name}`;
  return renderSql(query, inlineParam, inlineWithDrizzle).sql;
}

/** The prepared statements each pooled connection holds (they live as long as its session). */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * Prepares on this connection those of `statements` it does not hold yet, in a round trip of its
 * own (once per connection and statement). PREPARE is not transactional — a rollback does not undo
 * it — so it never shares a batch whose later failure would leave it made but not recorded.
 * Parameter types are inferred as for a bound query.
 */
async function ensurePrepared(client: pg.PoolClient, statements: readonly (SQL | Prepared)[]): Promise<void> {
  let held = preparedOn.get(client);
  const missing = new Map<string, Prepared>();
  for (const s of statements) if (s instanceof Prepared && !held?.has(s.name)) missing.set(s.name, s);
  if (!missing.size) return;
  await simpleQuery(
    client,
    [...missing.values()].map((s) => `prepare ${s.name} as ${s.text}`),
  );
  if (!held) preparedOn.set(client, (held = new Set()));
  for (const name of missing.keys()) held.add(name);
}

export interface Batch {
  /** Drizzle on this transaction's connection, for statements that need their own round trip. */
  tx: Db;
  /** Runs these statements in one round trip; their results in order. */
  run(statements: readonly (SQL | Prepared)[]): Promise<pg.QueryResult[]>;
  /** Runs these statements and COMMIT in one round trip; their results in order. */
  commit(statements: readonly (SQL | Prepared)[]): Promise<pg.QueryResult[]>;
}

const boundDb = new WeakMap<pg.PoolClient, Db>();

async function simpleQuery(client: pg.PoolClient, statements: readonly string[]): Promise<pg.QueryResult[]> {
  const r = (await client.query(statements.join(';\n'))) as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(r) ? r : [r];
}

/**
 * Runs `fn` in a transaction opened by BEGIN plus `first` (one round trip); `fn` gets their
 * results. It ends with `batch.commit(...)`, or with a plain COMMIT when `fn` returns without it;
 * any error rolls back.
 */
export async function batchedTransaction<T>(
  db: Db,
  first: readonly (SQL | Prepared)[],
  fn: (results: pg.QueryResult[], batch: Batch) => Promise<T>,
): Promise<T> {
  const pool = (db as unknown as { $client: unknown }).$client;
  if (!(pool instanceof pg.Pool)) throw new TypeError('batchedTransaction needs a pooled database');
  const client = await pool.connect();
  let tx = boundDb.get(client);
  if (!tx) {
    tx = drizzle({ client, schema }) as unknown as Db;
    boundDb.set(client, tx);
  }
  let committed = false;
  let broken: Error | undefined;
  try {
    await ensurePrepared(client, first);
    const results = await simpleQuery(client, ['begin', ...first.map(inlineSql)]);
    const batch: Batch = {
      tx,
      async run(statements) {
        if (!statements.length) return [];
        await ensurePrepared(client, statements);
        return simpleQuery(client, statements.map(inlineSql));
      },
      async commit(statements) {
        if (committed) throw new Error('batchedTransaction: already committed');
        await ensurePrepared(client, statements);
        const r = await simpleQuery(client, [...statements.map(inlineSql), 'commit']);
        committed = true;
        return r.slice(0, statements.length);
      },
    };
    const value = await fn(results.slice(1), batch);
    if (!committed) {
      await client.query('commit');
      committed = true;
    }
    return value;
  } catch (err) {
    if (!committed)
      await client.query('rollback').catch((e: Error) => {
        broken = e; // the connection is unusable: the pool must not hand it out again
      });
    throw err;
  } finally {
    client.release(broken);
  }
}
