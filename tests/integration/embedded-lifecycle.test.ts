/**
 * The app on its embedded PostgreSQL as a real process: first start creates the admin and
 * prints a one-time password once; SIGTERM stops PostgreSQL cleanly; a restart keeps the
 * data; SIGKILL in the middle of writes leaves each transaction all-or-nothing.
 * Always embedded (DATABASE_URL is removed from the child's environment).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/global-setup';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carpeta-lifecycle-'));
let port = 0;
let child: ChildProcess | undefined;
let stdout = '';

async function start(): Promise<string> {
  port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', CARPETA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.CARPETA_ADMIN_EMAIL;
  delete env.CARPETA_ADMIN_PASSWORD;
  stdout = '';
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stdout += d.toString()));
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited: ${stdout}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) return (await res.json()).database as string;
    } catch {}
    if (Date.now() - t0 > 110_000) throw new Error(`not healthy in 110 s: ${stdout}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function exited(p: ChildProcess): Promise<number | null> {
  return p.exitCode !== null || p.signalCode !== null ? Promise.resolve(p.exitCode) : new Promise((r) => p.once('exit', (code) => r(code)));
}

function postmasterRunning(): boolean {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function login(email: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { csrfToken: string; user: { mustChangePassword: boolean } };
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', ...body };
}

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await exited(child);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL lifecycle', () => {
  let password = '';
  let session = { cookie: '', csrfToken: '' };

  it('first start: healthy on the embedded database, admin with a one-time password printed once', { timeout: 120_000 }, async () => {
    expect(await start()).toBe('embedded');
    const match = /Contraseña de un solo uso: (\S+)/.exec(stdout);
    expect(match).not.toBeNull();
    password = match![1]!;
    const l = await login('admin@carpeta.local', password);
    expect(l.status).toBe(200);
    expect(l.user.mustChangePassword).toBe(true);
    session = l;
    const post = (url: string, body: unknown) =>
      fetch(`http://127.0.0.1:${port}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
    // The one-time password opens only its own change.
    const site = { name: 'Plataforma persistente', kind: 'platform' };
    expect((await post('/api/v1/sites', site)).status).toBe(403);
    const changed = `${password}-cambiada`;
    expect((await post('/api/v1/auth/password', { currentPassword: password, newPassword: changed })).status).toBe(204);
    password = changed;
    expect((await post('/api/v1/sites', site)).status).toBe(201);
  });

  it('SIGTERM stops the app and its PostgreSQL cleanly', async () => {
    child!.kill('SIGTERM');
    expect(await exited(child!)).toBe(0);
    expect(postmasterRunning()).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, 'pg'))).toContain('PG_VERSION');
  });

  it('a restart keeps all data and prints no new password', { timeout: 120_000 }, async () => {
    await start();
    expect(stdout).not.toMatch(/Contraseña de un solo uso/);
    const l = await login('admin@carpeta.local', password);
    expect(l.status).toBe(200);
    session = l;
    const list = await fetch(`http://127.0.0.1:${port}/api/v1/sites?q=persistente`, { headers: { cookie: session.cookie } });
    expect(((await list.json()) as { total: number }).total).toBe(1);
  });

  it('SIGKILL during writes: after restart every write is all-or-nothing (row and its audit entry)', { timeout: 180_000 }, async () => {
    const writes = Array.from({ length: 200 }, (_, i) =>
      fetch(`http://127.0.0.1:${port}/api/v1/clients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ name: `Cliente en vuelo ${i}` }),
      }).then(
        (r) => r.status,
        () => 0,
      ),
    );
    await new Promise((r) => setTimeout(r, 150));
    child!.kill('SIGKILL');
    const statuses = await Promise.all(writes);
    await exited(child!);
    await start(); // adopts the orphaned PostgreSQL or restarts it after crash recovery
    const l = await login('admin@carpeta.local', password);
    const clients = (await (
      await fetch(`http://127.0.0.1:${port}/api/v1/clients?q=en%20vuelo&limit=1000`, { headers: { cookie: l.cookie } })
    ).json()) as {
      items: { id: number }[];
    };
    const audit = (await (
      await fetch(`http://127.0.0.1:${port}/api/v1/audit?entity=client&limit=5000`, { headers: { cookie: l.cookie } })
    ).json()) as {
      items: { entityId: string; action: string }[];
    };
    const audited = new Set(audit.items.filter((a) => a.action === 'create').map((a) => a.entityId));
    // Every committed client has its audit entry and vice versa; acknowledged writes were kept.
    expect(new Set(clients.items.map((c) => String(c.id)))).toEqual(audited);
    expect(clients.items.length).toBeGreaterThanOrEqual(statuses.filter((s) => s === 201).length);
  });
});
