import type { Db } from '../../server/db/database';

export async function loadDemo(_db: Db, opts: { log: (m: string) => void }): Promise<void> {
  opts.log('demo: not yet implemented');
}
