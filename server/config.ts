/**
 * Runtime configuration, read once from the environment.
 * Every knob has a default that works on a fresh clone (embedded PostgreSQL in ./data).
 */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when unset the app starts its embedded PostgreSQL. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Maximum upload size for workbooks, in bytes. */
  maxUploadBytes: number;
  sessionTtlHours: number;
  logLevel: string;
  /** Serve cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  loginRateLimit: { max: number; windowMs: number };
  /** Send `Server-Timing: app;dur=<ms>` on every response (the benchmark reads it; off by default). */
  serverTiming: boolean;
  /** The evidence-link check may reach loopback/private/link-local addresses (intranet deployments). */
  evidenceCheckPrivate: boolean;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Invalid integer in environment: ${value}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.CARPETA_DATA_DIR ?? './data');
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    /** 0: pick a free loopback port at each start (the CLI finds it in postmaster.pid). */
    embeddedPort: int(env.CARPETA_EMBEDDED_PG_PORT, 0),
    adminEmail: env.CARPETA_ADMIN_EMAIL || undefined,
    adminPassword: env.CARPETA_ADMIN_PASSWORD || undefined,
    maxUploadBytes: int(env.CARPETA_MAX_UPLOAD_MB, 25) * 1024 * 1024,
    sessionTtlHours: int(env.CARPETA_SESSION_TTL_HOURS, 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.CARPETA_SECURE_COOKIES === '1',
    loginRateLimit: { max: int(env.CARPETA_LOGIN_RATE_MAX, 10), windowMs: 60_000 },
    serverTiming: env.CARPETA_SERVER_TIMING === '1',
    evidenceCheckPrivate: env.CARPETA_EVIDENCE_CHECK_PRIVATE === '1',
  };
}
