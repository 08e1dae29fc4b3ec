/** What every benchmark scenario receives, and how it reports. Add a scenario as scenarios/<name>.ts. */
import type pg from 'pg';
import type { Database } from '../../server/db/database';
import type { Dataset } from './dataset';
import { BenchClient } from './http-client';

export interface BenchContext {
  quick: boolean;
  /** Timed runs for latency scenarios. */
  runs: number;
  database: Database;
  pool: pg.Pool;
  /** The app process (see app-process.ts). */
  baseUrl: string;
  appPid: number;
  admin: { email: string; password: string };
  dataset: Dataset;
  /** A new logged-in admin client over loopback HTTP. */
  client(): Promise<BenchClient>;
  log(message: string): void;
  /** Scenario results merged into the JSON (`results.S1 = {p50_ms, p95_ms}`). */
  results: Record<string, unknown>;
}

export interface Scenario {
  /** Keys it writes into the results (for the table and --only). */
  name: string;
  run(ctx: BenchContext): Promise<void>;
}

export async function newClient(baseUrl: string, admin: { email: string; password: string }): Promise<BenchClient> {
  const c = new BenchClient(baseUrl);
  await c.login(admin.email, admin.password);
  return c;
}
