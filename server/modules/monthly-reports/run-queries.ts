import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database';

/**
 * Runs independent reads in parallel on the pool (each on its own connection), but one after the
 * other inside a transaction: a transaction is one connection, and pg deprecates overlapping
 * queries on one client.
 */
export async function readAll<T extends readonly (() => Promise<unknown>)[]>(
  db: DbOrTx,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (db instanceof PgTransaction) {
    const out: unknown[] = [];
    for (const read of reads) out.push(await read());
    return out as never;
  }
  return Promise.all(reads.map((read) => read())) as never;
}
