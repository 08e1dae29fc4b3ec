/**
 * `db.execute` as a named (server-side prepared) statement: PostgreSQL parses and plans the text
 * once per connection instead of on every call. For the hot paths — a small grid save runs ~9
 * statements, and planning the CTE-heavy ones cost more than executing them (measured: family
 * lookup 0.98 → 0.35 ms, see docs/decisions/009-performance.md).
 *
 * Only for statements whose text is fixed by the code (values always as parameters): each distinct
 * text becomes one prepared statement per pooled connection. The name is a hash of the text, so a
 * different text never reuses another's name; past MAX_NAMES distinct texts the call falls back to
 * an unnamed statement, bounding what a connection keeps.
 */
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './database';

const MAX_NAMES = 500;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMES) {
    name = `c_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

export async function executePrepared<T extends Record<string, unknown>>(
  db: DbOrTx,
  query: SQL,
): Promise<{ rows: T[]; rowCount: number | null }> {
  const internals = db as unknown as { dialect: PgDialect; session: PgSession };
  const built = internals.dialect.sqlToQuery(query);
  const prepared = internals.session.prepareQuery(built, undefined, nameOf(built.sql), false);
  return (await prepared.execute()) as { rows: T[]; rowCount: number | null };
}
