/** A fresh database per test file, cloned from the migrated template (milliseconds). */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../../server/db/database';

export async function createTestDatabase(): Promise<Database & { name: string }> {
  const serverUrl = inject('pgServerUrl');
  const template = inject('templateDb');
  const name = `carpeta_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // CREATE DATABASE … TEMPLATE needs the template to have no other connections: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      break;
    } catch (err) {
      if (attempt > 50) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const database = connect(u.toString(), inject('databaseKind'), async () => {
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await a.end();
  });
  return Object.assign(database, { name });
}
