/**
 * E2E tier: the built app (`npm run build` output served by the real server) on its own
 * embedded PostgreSQL (or DATABASE_URL), started as a child process on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTemplate, freePort, setupServer, teardownServer } from './global-setup';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
  }
}

export const E2E_ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password' };

export default async function setup(project: TestProject) {
  const { url, kind } = await setupServer();
  // The app gets its own database on the test server.
  const templateDb = await createTemplate(url);
  const appDbUrl = new URL(url);
  appDbUrl.pathname = `/${templateDb}`;
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carpeta-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: appDbUrl.toString(),
      CARPETA_DATA_DIR: dataDir,
      CARPETA_ADMIN_EMAIL: E2E_ADMIN.email,
      CARPETA_ADMIN_PASSWORD: E2E_ADMIN.password,
      LOG_LEVEL: 'warn',
      // Every e2e file logs in from 127.0.0.1; the default limit (10/min) is for real clients.
      CARPETA_LOGIN_RATE_MAX: '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the app exited during e2e start-up');
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) throw new Error('the app did not become healthy in 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminEmail', E2E_ADMIN.email);
  project.provide('adminPassword', E2E_ADMIN.password);
  void kind;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await teardownServer(url, templateDb);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
