/**
 * Reference data every installation needs: the canonical units (with the aliases seen in
 * the contract workbooks) and the OT fronts. Idempotent: runs at every start.
 */
import { sql } from 'drizzle-orm';
import { CANONICAL_UNITS } from '../../../domain/catalogue/units';
import type { Db } from '../database';

export const DEFAULT_FRONTS = [
  { code: 'TIERRA', name: 'Tierra' },
  { code: 'BARCO', name: 'Barco' },
  { code: 'PLATAFORMA', name: 'Plataforma' },
];

export async function seedReferenceData(db: Db): Promise<void> {
  for (const u of CANONICAL_UNITS) {
    await db.execute(sql`
      insert into units (code, name, aliases) values (${u.code}, ${u.name_es}, ${sql.raw(`ARRAY[${u.aliases.map((a) => `'${a.replace(/'/g, "''")}'`).join(',')}]::text[]`)})
      on conflict (code) do nothing`);
  }
  for (const f of DEFAULT_FRONTS) {
    await db.execute(sql`insert into fronts (code, name) values (${f.code}, ${f.name}) on conflict (code) do nothing`);
  }
}
