/**
 * `npm run bench [-- --quick] [-- --json <file>] [-- --only S1,S2]`
 *
 * Builds a fresh database (a new embedded PostgreSQL in a temporary directory, or a new database
 * on DATABASE_URL's server), generates the standard dataset deterministically, starts the real app
 * as its own process (server/main.ts, see app-process.ts) on a loopback port and runs the scenarios
 * of scenarios/index.ts against it. Prints a table, writes JSON; `peak_rss_mb` is the app process's
 * peak resident memory (VmHWM), the bench process's own is `bench_client_rss_mb`.
 * `--quick` (CI): 300 line items, 5 other OTs, fewer runs; finishes well under 2 minutes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../../server/bootstrap';
import { loadConfig } from '../../server/config';
import { connect, ensureDatabase, runMigrations, type Database } from '../../server/db/database';
import { freePort, startAppProcess, type AppProcess } from './app-process';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../server/db/embedded-postgres';
import { newClient, type BenchContext } from './context';
import { existingDataset, generateDataset } from './dataset';
import { SCENARIOS } from './scenarios';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',') : null;
const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

async function openBenchDatabase(): Promise<{ database: Database; url: string; cleanup: () => Promise<void> }> {
  const name = process.env.BENCH_REUSE_DIR ? 'carpeta_bench' : `carpeta_bench_${process.pid}`;
  let server: EmbeddedServer | undefined;
  let tmp: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  // BENCH_REUSE_DIR (development only): keep the embedded cluster and its dataset between runs.
  const reuse = process.env.BENCH_REUSE_DIR;
  if (!serverUrl) {
    tmp = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'carpeta-bench-'));
    server = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort(), log: () => undefined });
    serverUrl = server.url;
  }
  const url = await ensureDatabase(serverUrl, name);
  await runMigrations(url);
  const database = connect(url, server ? 'embedded' : 'external');
  return {
    database,
    url,
    async cleanup() {
      await database.close();
      if (!server) {
        const pg = (await import('pg')).default;
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
        await admin.end();
      }
      await server?.stop();
      if (tmp && !process.env.BENCH_REUSE_DIR) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function table(results: Record<string, unknown>): string {
  const lines = ['scenario        | result', '----------------|-----------------------------------------------'];
  for (const [k, v] of Object.entries(results)) lines.push(`${k.padEnd(15)} | ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return lines.join('\n');
}

async function main() {
  const started = Date.now();
  const { database, url, cleanup } = await openBenchDatabase();
  const results: Record<string, unknown> = {};
  let app: AppProcess | undefined;
  try {
    const admin = { email: 'bench@carpeta.local', password: 'bench-password-123' };
    await bootstrap(database, { ...loadConfig({}), adminEmail: admin.email, adminPassword: admin.password });
    log(`generating the ${quick ? 'quick' : 'standard'} dataset…`);
    const t0 = Date.now();
    const dataset =
      (await existingDataset(database.pool)) ??
      (await generateDataset(database.pool, { mainItems: quick ? 300 : 3000, otherFamilies: quick ? 5 : 49, log }));
    log(`dataset ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(dataset.counts)}`);

    app = await startAppProcess(url);
    const baseUrl = app.baseUrl;

    const ctx: BenchContext = {
      quick,
      runs: quick ? 10 : 25,
      database,
      pool: database.pool,
      baseUrl,
      appPid: app.pid,
      admin,
      dataset,
      client: () => newClient(baseUrl, admin),
      log,
      results,
    };
    for (const s of SCENARIOS) {
      if (only && !only.some((o) => s.name.startsWith(o) || o.startsWith(s.name))) continue;
      log(`running ${s.name}…`);
      const ts = Date.now();
      await s.run(ctx);
      log(`${s.name} done in ${((Date.now() - ts) / 1000).toFixed(1)} s (app peak RSS so far ${app.peakRssMb()} MB)`);
    }
    results.peak_rss_mb = app.peakRssMb();
    results.bench_client_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
    results.meta = {
      quick,
      main_items: dataset.main.items,
      database: database.kind,
      node: process.version,
      cpus: os.cpus().length,
      total_s: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await app?.stop();
    await cleanup();
  }
  process.stdout.write(`${table(results)}\n`);
  if (jsonFile) {
    fs.mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true });
    fs.writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
