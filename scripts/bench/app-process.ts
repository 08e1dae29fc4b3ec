/**
 * The app under benchmark runs as its own process — the same entry point as `npm start`
 * (server/main.ts) on the bench database — so its memory is measured apart from the bench clients
 * and its event loop serves only HTTP. Server time comes back in the `Server-Timing` header.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface AppProcess {
  baseUrl: string;
  pid: number;
  /** Peak resident memory of the app process so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function vmHwmMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

async function waitHealthy(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output()}`);
    try {
      const r = await fetch(`${baseUrl}/api/v1/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the app did not become healthy in 60 s:\n${output()}`);
}

export async function startAppProcess(databaseUrl: string): Promise<AppProcess> {
  const port = await freePort();
  const root = path.resolve(import.meta.dirname, '../..');
  // The node flags of `npm start` (its heap sizes), so the bench measures the app as it runs;
  // BENCH_APP_NODE_ARGS (development) adds more, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const start = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const extra = [...start.matchAll(/--max-(?:old|semi)-space-size=\d+/g)].map((m) => m[0]);
  extra.push(...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean));
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CARPETA_LOGIN_RATE_MAX: '100000',
      CARPETA_SERVER_TIMING: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(baseUrl, child, () => out);
  return {
    baseUrl,
    pid: child.pid!,
    peakRssMb: () => vmHwmMb(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
