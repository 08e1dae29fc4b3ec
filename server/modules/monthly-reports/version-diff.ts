/**
 * What changed between a closed version N and the next closed version (or the current data when
 * N is the last one): production cells, daily reports, evidence link and totals.
 */
import { sql } from 'drizzle-orm';
import { compareDecimal } from '../../../domain/money';
import type { DbOrTx } from '../../db/database';
import { fail } from '../../fail';
import type { MonthlyReportRow } from './monthly-reports.repository';
import { loadPackData } from './pack/load-pack-data';

type Cell = [number, number, string, string, string, string];
interface Snapshot {
  evidenceUrl: string | null;
  grandTotal: { amountMxn: string; amountUsd: string; excessVolume: string; productiveDays: number; dailyReports: number };
  dailyReports: [string, string, string, string][];
  cells: Cell[];
}

const MAX_ROWS = 2000;

async function snapshotOf(db: DbOrTx, report: MonthlyReportRow, version: number): Promise<Snapshot | null> {
  const r = await db.execute<{ snapshot: Snapshot }>(
    sql`select snapshot from monthly_report_versions where monthly_report_id = ${report.id} and version = ${version}`,
  );
  return r.rows[0]?.snapshot ?? null;
}

async function currentSnapshot(db: DbOrTx, report: MonthlyReportRow): Promise<Snapshot> {
  const d = await loadPackData(db, report);
  return {
    evidenceUrl: report.evidenceUrl,
    grandTotal: d.grandTotal,
    dailyReports: d.dailyReports.map((x) => [x.siteName, x.date, x.operational, x.signature]),
    cells: d.cells,
  };
}

export async function diffVersions(db: DbOrTx, report: MonthlyReportRow, version: number) {
  const before = await snapshotOf(db, report, version);
  if (!before) throw fail('not_found', `La versión ${version} de este reporte no existe`);
  const nextClosed = await snapshotOf(db, report, version + 1);
  const after = nextClosed ?? (await currentSnapshot(db, report));
  const toLabel = nextClosed ? `Versión ${version + 1}` : `Versión ${report.version} (actual)`;

  const key = (c: Cell) => `${c[0]}|${c[1]}|${c[2]}|${c[3]}`;
  const a = new Map(before.cells.map((c) => [key(c), c]));
  const b = new Map(after.cells.map((c) => [key(c), c]));
  const changed: { lineItemId: number; siteId: number; date: string; layer: string; before: string | null; after: string | null }[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k);
    const y = b.get(k);
    if (x && y && compareDecimal(x[4], y[4]) === 0) continue;
    const ref = (x ?? y)!;
    changed.push({ lineItemId: ref[0], siteId: ref[1], date: ref[2], layer: ref[3], before: x?.[4] ?? null, after: y?.[4] ?? null });
  }
  changed.sort(
    (p, q) => p.lineItemId - q.lineItemId || p.date.localeCompare(q.date) || p.siteId - q.siteId || p.layer.localeCompare(q.layer),
  );
  const shown = changed.slice(0, MAX_ROWS);
  const ids = [...new Set(shown.map((c) => c.lineItemId))];
  const codes = new Map<number, string>();
  if (ids.length) {
    const r = await db.execute<{ id: number; code: string }>(
      sql`select id, code from line_items where id = any(${`{${ids.join(',')}}`}::int[])`,
    );
    for (const row of r.rows) codes.set(row.id, row.code);
  }

  const dayKey = (d: [string, string, string, string]) => `${d[0]}|${d[1]}`;
  const da = new Map(before.dailyReports.map((d) => [dayKey(d), d]));
  const db2 = new Map(after.dailyReports.map((d) => [dayKey(d), d]));
  const dailyChanged: { siteName: string; date: string; before: string | null; after: string | null }[] = [];
  for (const k of new Set([...da.keys(), ...db2.keys()])) {
    const x = da.get(k);
    const y = db2.get(k);
    const fx = x ? `${x[2]} / ${x[3]}` : null;
    const fy = y ? `${y[2]} / ${y[3]}` : null;
    if (fx === fy) continue;
    const ref = (x ?? y)!;
    dailyChanged.push({ siteName: ref[0], date: ref[1], before: fx, after: fy });
  }

  const totals = (['amountMxn', 'amountUsd', 'excessVolume'] as const)
    .filter((k) => compareDecimal(before.grandTotal[k], after.grandTotal[k]) !== 0)
    .map((k) => ({ key: k, before: before.grandTotal[k], after: after.grandTotal[k] }));

  return {
    from: { version, label: `Versión ${version}` },
    to: { version: nextClosed ? version + 1 : null, label: toLabel },
    evidenceUrl: before.evidenceUrl === after.evidenceUrl ? null : { before: before.evidenceUrl, after: after.evidenceUrl },
    totals,
    production: shown.map((c) => ({ ...c, code: codes.get(c.lineItemId) ?? `#${c.lineItemId}` })),
    dailyReports: dailyChanged.slice(0, MAX_ROWS),
    truncated: changed.length > MAX_ROWS || dailyChanged.length > MAX_ROWS,
  };
}
