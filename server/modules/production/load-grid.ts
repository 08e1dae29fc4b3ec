/**
 * Reads one production grid (family × month × site × layer): rows in natural order, per-day cells,
 * planned volumes, locks per day, sub-annex subtotals and KPIs. A handful of set-based queries; "produced
 * before the month" comes from the monthly totals, not from summing the history.
 */
import { sql } from 'drizzle-orm';
import { daysInMonth, monthDays } from '../../../domain/dates';
import { requiresGpu } from '../../../domain/gpu';
import { isDayInWindow } from '../../../domain/validity-window';
import type { GridDay, GridDayLock, GridQuery, GridResponse, GridRow, GridSubtotal } from '../../../contracts/production';
import type { Actor } from '../../context';
import type { DbOrTx } from '../../db/database';
import { amountCents, formatCents, scaled } from './fast-money';
import { canWrite, loadFamilySite } from './family-site';
import {
  aggregateRows,
  buildRow,
  elsewhere,
  fillCells,
  fillPlanned,
  kpisOfRows,
  priceOrNull,
  queryCells,
  queryItems,
  type GridScope,
  type KpiRow,
} from './grid-figures';
import { canon } from './production.repository';
import { currentRevision } from './production.repository';

async function monthlyReportOf(db: DbOrTx, familyId: number, year: number, month: number) {
  const r = await db.execute<{ id: number; status: 'abierto' | 'en_revision' | 'cerrado' | 'facturado'; evidenceUrl: string | null }>(sql`
    select id, status, evidence_url as "evidenceUrl" from monthly_reports where work_order_id = ${familyId} and year = ${year} and month = ${month}`);
  return r.rows[0] ?? null;
}

/** Why the caller cannot write this month at all (null = open to them). */
export function periodLock(status: string | undefined, actor: Actor): 'period_closed' | 'period_in_review' | null {
  if (status === 'cerrado' || status === 'facturado') return 'period_closed';
  if (status === 'en_revision' && actor.role !== 'admin' && actor.role !== 'gerente_operaciones') return 'period_in_review';
  return null;
}

/** Sub-annex subtotals over rows in grid order (amounts in cents already rounded per row). */
function subtotalsOf(
  rows: readonly { subAnnex: string; authorized: string; puMxn: string | null; puUsd: string | null; mxnCents: bigint; usdCents: bigint }[],
): GridSubtotal[] {
  const subtotals: GridSubtotal[] = [];
  const sums: bigint[][] = [];
  rows.forEach((r, i) => {
    const last = subtotals[subtotals.length - 1];
    if (last && last.subAnnex === r.subAnnex) last.lineItemCount += 1;
    else {
      subtotals.push({
        subAnnex: r.subAnnex,
        firstRow: i,
        lineItemCount: 1,
        authorizedMxn: '0.00',
        authorizedUsd: '0.00',
        monthMxn: '0.00',
        monthUsd: '0.00',
      });
      sums.push([0n, 0n, 0n, 0n]);
    }
    const s = sums[sums.length - 1]!;
    s[0]! += amountCents(r.authorized, r.puMxn);
    s[1]! += amountCents(r.authorized, r.puUsd);
    s[2]! += r.mxnCents;
    s[3]! += r.usdCents;
  });
  subtotals.forEach((st, i) => {
    const s = sums[i]!;
    Object.assign(st, {
      authorizedMxn: formatCents(s[0]!),
      authorizedUsd: formatCents(s[1]!),
      monthMxn: formatCents(s[2]!),
      monthUsd: formatCents(s[3]!),
    });
  });
  return subtotals;
}

/**
 * Everything of the grid but its rows, plus what `loadRows` reads for them (in parallel with the
 * day reports). The KPIs need only the line items' figures (`kpiRows`).
 */
async function gridParts<T>(
  db: DbOrTx,
  actor: Actor,
  q: GridQuery,
  loadRows: (scope: GridScope) => Promise<T>,
  kpiRows: (rows: T) => readonly KpiRow[],
): Promise<{ head: Omit<GridResponse, 'rows' | 'subtotals'>; rows: T }> {
  const fs = await loadFamilySite(db, q.workOrderId, q.siteId);
  const { year, month, layer, siteId } = q;
  // The revision is read before the cells (never after: a write landing in between would then be
  // covered by a revision the grid does not show). Independent queries go out together: on the
  // pool they run on separate connections.
  const [report, revision] = await Promise.all([monthlyReportOf(db, fs.familyId, year, month), currentRevision(db)]);
  const scope = { familyId: fs.familyId, monthlyReportId: report?.id ?? null, siteId, layer, year, month };

  const [rows, daily] = await Promise.all([
    loadRows(scope),
    db.execute<{ date: string; operationalStatus: string; signatureStatus: string }>(sql`
      select date, operational_status as "operationalStatus", signature_status as "signatureStatus"
      from daily_reports where monthly_report_id = ${report?.id ?? 0} and site_id = ${siteId}`),
  ]);

  const locked = periodLock(report?.status, actor);
  const dailyBy = new Map(daily.rows.map((d) => [d.date, d]));
  const days: GridDay[] = monthDays(year, month).map((date, i) => {
    const d = dailyBy.get(date);
    let reason: GridDayLock | null = locked;
    if (!reason && !isDayInWindow(fs.window, date)) reason = 'outside_window';
    if (!reason && d?.signatureStatus === 'firmado') reason = 'day_signed';
    return {
      date,
      day: i + 1,
      lockedReason: reason,
      dailyReport: d ? { operationalStatus: d.operationalStatus as never, signatureStatus: d.signatureStatus as never } : null,
    };
  });

  return {
    rows,
    head: {
      familyId: fs.familyId,
      folio: fs.initial.folio,
      year,
      month,
      siteId,
      siteName: fs.siteName,
      layer,
      revision,
      window: { start: fs.window.start, end: fs.window.end },
      monthlyReport: report,
      days,
      kpis: kpisOfRows(kpiRows(rows)),
      abilities: { edit: canWrite(actor, fs) && locked === null },
    },
  };
}

export async function loadGrid(db: DbOrTx, actor: Actor, q: GridQuery): Promise<GridResponse> {
  const { head, rows: aggregates } = await gridParts(
    db,
    actor,
    q,
    (scope) => aggregateRows(db, scope, null),
    (rows) => rows,
  );
  const dayCount = daysInMonth(q.year, q.month);
  const rows: GridRow[] = aggregates.map((a) => {
    const { figures, otherLayer, planned } = buildRow(a, dayCount);
    return {
      ...figures,
      subAnnex: a.subAnnex,
      code: a.code,
      concept: a.concept,
      unit: a.unit,
      authorizedVolume: a.authorized,
      puMxn: priceOrNull(a.puMxn),
      puUsd: priceOrNull(a.puUsd),
      origin: a.origin,
      requiresGpu: requiresGpu(a.subAnnex, '1'),
      producedBefore: a.before,
      planned,
      otherLayer,
    };
  });
  const subtotals = subtotalsOf(
    rows.map((r) => ({
      subAnnex: r.subAnnex,
      authorized: r.authorizedVolume,
      puMxn: r.puMxn,
      puUsd: r.puUsd,
      mxnCents: scaled(r.amountMxn, 2),
      usdCents: scaled(r.amountUsd, 2),
    })),
  );
  return { ...head, rows, subtotals };
}

/** `[null,"1.5",…]` (native JSON.stringify of the reused slot array: far cheaper than concatenating). */
const slotsJson = (slots: readonly (string | null)[]): string => JSON.stringify(slots);

const str = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));

/** The per-day JSON of one line item's cells, built as soon as the cells query answers. */
interface CellsJson {
  /** `"volumes":[…],"excess":[…]` */
  volumesExcess: string;
  /** `[…]` of the other layer's volumes */
  otherLayer: string;
  monthTotal: string;
  excessTotal: string;
}

const requiresGpuOf = new Map<string, boolean>();
/** requiresGpu per sub-annex label (a grid has a handful of distinct labels and 3,000 rows). */
function gpuFor(subAnnex: string): boolean {
  let v = requiresGpuOf.get(subAnnex);
  if (v === undefined) {
    v = requiresGpu(subAnnex, '1');
    if (requiresGpuOf.size < 1000) requiresGpuOf.set(subAnnex, v);
  }
  return v;
}

function cellsJson(
  rows: readonly { id: number; cells: string; monthTotal: string | null; excessTotal: string | null }[],
  dayCount: number,
) {
  const volumes = new Array<string | null>(dayCount);
  const excess = new Array<string | null>(dayCount);
  const other = new Array<string | null>(dayCount);
  const out = new Map<number, CellsJson>();
  for (const r of rows) {
    volumes.fill(null);
    excess.fill(null);
    other.fill(null);
    fillCells(r.cells, volumes, excess, other);
    out.set(r.id, {
      volumesExcess: `"volumes":${slotsJson(volumes)},"excess":${slotsJson(excess)}`,
      otherLayer: slotsJson(other),
      monthTotal: r.monthTotal == null ? '0' : canon(r.monthTotal),
      excessTotal: r.excessTotal == null ? '0' : canon(r.excessTotal),
    });
  }
  return out;
}

/**
 * The same answer as {@link loadGrid}, serialised directly to JSON text (the route sends it as
 * is; field for field the GridResponse contract). The cells are turned into per-day JSON as soon as
 * their query answers, while PostgreSQL still works on the line items' query; the 3,000 × 31 × 4
 * day slots never become an object per row.
 */
export async function loadGridJson(db: DbOrTx, actor: Actor, q: GridQuery): Promise<string> {
  const dayCount = daysInMonth(q.year, q.month);
  const { head, rows } = await gridParts(
    db,
    actor,
    q,
    async (scope) => {
      const cells = queryCells(db, scope, null).then((r) => cellsJson(r, dayCount));
      const items = (await queryItems(db, scope, null)).map((it) => ({ ...it, before: canon(it.before), monthAll: canon(it.monthAll) }));
      return { items, cells: await cells };
    },
    ({ items }) => items,
  );
  const empty = slotsJson(new Array<null>(dayCount).fill(null));
  const emptyCells: CellsJson = {
    volumesExcess: `"volumes":${empty},"excess":${empty}`,
    otherLayer: empty,
    monthTotal: '0',
    excessTotal: '0',
  };
  const planned = new Array<string | null>(dayCount);
  const forSubtotals: Parameters<typeof subtotalsOf>[0][number][] = [];
  const parts: string[] = [];
  for (const a of rows.items) {
    const c = rows.cells.get(a.id) ?? emptyCells;
    let plannedJson = empty;
    if (a.planned) {
      planned.fill(null);
      fillPlanned(a.planned, planned);
      plannedJson = slotsJson(planned);
    }
    const puMxn = priceOrNull(a.puMxn);
    const puUsd = priceOrNull(a.puUsd);
    const mxnCents = amountCents(c.monthTotal, puMxn);
    const usdCents = amountCents(c.monthTotal, puUsd);
    forSubtotals.push({ subAnnex: a.subAnnex, authorized: a.authorized, puMxn, puUsd, mxnCents, usdCents });
    parts.push(
      `{"lineItemId":${a.id},${c.volumesExcess},"monthTotal":"${c.monthTotal}"` +
        `,"amountMxn":"${formatCents(mxnCents)}","amountUsd":"${formatCents(usdCents)}","excessTotal":"${c.excessTotal}"` +
        `,"producedThisMonthElsewhere":"${elsewhere(a.monthAll, c.monthTotal)}","subAnnex":${str(a.subAnnex)},"code":${str(a.code)}` +
        `,"concept":${str(a.concept)},"unit":${str(a.unit)},"authorizedVolume":${str(a.authorized)},"puMxn":${str(puMxn)}` +
        `,"puUsd":${str(puUsd)},"origin":${str(a.origin)},"requiresGpu":${gpuFor(a.subAnnex)}` +
        `,"producedBefore":${str(a.before)},"planned":${plannedJson},"otherLayer":${c.otherLayer}}`,
    );
  }
  const headJson = JSON.stringify({ ...head, subtotals: subtotalsOf(forSubtotals) });
  return `${headJson.slice(0, -1)},"rows":[${parts.join(',')}]}`;
}
