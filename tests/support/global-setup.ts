/**
 * Integration tier: one PostgreSQL server per run (embedded, or DATABASE_URL when set), one
 * migrated template database; every test file clones its own database from the template.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { runMigrations } from '../../server/db/database';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../server/db/embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
    databaseKind: 'embedded' | 'external';
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let server: EmbeddedServer | undefined;
let dataDir: string | undefined;

export async function setupServer(): Promise<{ url: string; kind: 'embedded' | 'external' }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, kind: 'external' };
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carpeta-test-pg-'));
  server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  return { url: server.url, kind: 'embedded' };
}

export async function createTemplate(url: string): Promise<string> {
  const templateDb = `carpeta_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDb}`);
  await admin.query(`create database ${templateDb}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${templateDb}`;
  await runMigrations(u.toString());
  return templateDb;
}

export async function teardownServer(url: string, templateDb: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect().catch(() => undefined);
  await admin.query(`drop database if exists ${templateDb} with (force)`).catch(() => undefined);
  // Per-file databases left behind (a crashed file) are dropped too.
  const { rows } = await admin
    .query<{ datname: string }>(`select datname from pg_database where datname like 'carpeta_t_%'`)
    .catch(() => ({ rows: [] as { datname: string }[] }));
  for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

export default async function setup(project: TestProject) {
  const { url, kind } = await setupServer();
  const templateDb = await createTemplate(url);
  project.provide('pgServerUrl', url);
  project.provide('templateDb', templateDb);
  project.provide('databaseKind', kind);
  return () => teardownServer(url, templateDb);
}
