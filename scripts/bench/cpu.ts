/**
 * CPU time (user + system, ms) spent so far by the app process, every PostgreSQL process and the
 * bench itself — read from /proc, so a scenario can report what one operation costs in CPU (on a
 * 2-core machine, throughput is bounded by it) apart from how long it waited.
 */
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ = 100 on Linux

function procCpuMs(pid: string): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

export interface CpuSnapshot {
  app: number;
  db: number;
  bench: number;
}

export function cpuSnapshot(appPid: number): CpuSnapshot {
  let db = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') db += procCpuMs(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  const self = process.cpuUsage();
  return { app: procCpuMs(String(appPid)), db, bench: (self.user + self.system) / 1000 };
}

/** CPU ms per operation between two snapshots. */
export function cpuPer(before: CpuSnapshot, after: CpuSnapshot, operations: number) {
  const per = (k: keyof CpuSnapshot) => Math.round(((after[k] - before[k]) / operations) * 100) / 100;
  return { app: per('app'), db: per('db'), bench: per('bench') };
}
