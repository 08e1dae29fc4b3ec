/** Opens the same database the app uses (borrowing a running embedded server if there is one). */
import { loadConfig } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';
import { systemCtx, type Ctx } from '../../server/context';

export async function withDatabase<T>(fn: (database: Database, ctx: Ctx) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPort,
    attach: 'borrow',
  });
  try {
    return await fn(database, systemCtx('cli'));
  } finally {
    await database.close();
  }
}
