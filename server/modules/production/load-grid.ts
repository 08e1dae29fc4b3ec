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
import { aggregateRows, buildRow, fillDays, kpisOfRows, priceOrNull, rowTotals } from './grid-figures';
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

type Aggregates = Awaited<ReturnType<typeof aggregateRows>>;

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

/** Everything of the grid but its rows, plus the aggregated rows. */
async function gridParts(
  db: DbOrTx,
  actor: Actor,
  q: GridQuery,
): Promise<{ head: Omit<GridResponse, 'rows' | 'subtotals'>; aggregates: Aggregates }> {
  const fs = await loadFamilySite(db, q.workOrderId, q.siteId);
  const { year, month, layer, siteId } = q;
  // The revision is read before the cells (never after: a write landing in between would then be
  // covered by a revision the grid does not show). Independent queries go out together: on the
  // pool they run on separate connections.
  const [report, revision] = await Promise.all([monthlyReportOf(db, fs.familyId, year, month), currentRevision(db)]);
  const scope = { familyId: fs.familyId, monthlyReportId: report?.id ?? null, siteId, layer, year, month };

  const [aggregates, daily] = await Promise.all([
    aggregateRows(db, scope, null),
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
    aggregates,
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
      kpis: kpisOfRows(aggregates),
      abilities: { edit: canWrite(actor, fs) && locked === null },
    },
  };
}

export async function loadGrid(db: DbOrTx, actor: Actor, q: GridQuery): Promise<GridResponse> {
  const { head, aggregates } = await gridParts(db, actor, q);
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

/**
 * The same answer as {@link loadGrid}, serialised directly to JSON text: the 3,000 × 31 × 4 day
 * slots go from the aggregated text to the output without an object per row or array per slot
 * (the route sends the text as is). Field for field the GridResponse contract.
 */
export async function loadGridJson(db: DbOrTx, actor: Actor, q: GridQuery): Promise<string> {
  const { head, aggregates } = await gridParts(db, actor, q);
  const dayCount = daysInMonth(q.year, q.month);
  const volumes = new Array<string | null>(dayCount);
  const excess = new Array<string | null>(dayCount);
  const otherLayer = new Array<string | null>(dayCount);
  const planned = new Array<string | null>(dayCount);
  const forSubtotals: Parameters<typeof subtotalsOf>[0][number][] = [];
  const parts: string[] = [];
  for (const a of aggregates) {
    volumes.fill(null);
    excess.fill(null);
    otherLayer.fill(null);
    planned.fill(null);
    fillDays(a, volumes, excess, otherLayer, planned);
    const t = rowTotals(a);
    const puMxn = priceOrNull(a.puMxn);
    const puUsd = priceOrNull(a.puUsd);
    forSubtotals.push({ subAnnex: a.subAnnex, authorized: a.authorized, puMxn, puUsd, mxnCents: t.mxnCents, usdCents: t.usdCents });
    parts.push(
      `{"lineItemId":${a.id},"volumes":${slotsJson(volumes)},"excess":${slotsJson(excess)},"monthTotal":"${t.monthTotal}"` +
        `,"amountMxn":"${t.amountMxn}","amountUsd":"${t.amountUsd}","excessTotal":"${t.excessTotal}"` +
        `,"producedThisMonthElsewhere":"${t.producedThisMonthElsewhere}","subAnnex":${str(a.subAnnex)},"code":${str(a.code)}` +
        `,"concept":${str(a.concept)},"unit":${str(a.unit)},"authorizedVolume":${str(a.authorized)},"puMxn":${str(puMxn)}` +
        `,"puUsd":${str(puUsd)},"origin":${str(a.origin)},"requiresGpu":${requiresGpu(a.subAnnex, '1')}` +
        `,"producedBefore":${str(a.before)},"planned":${slotsJson(planned)},"otherLayer":${slotsJson(otherLayer)}}`,
    );
  }
  const headJson = JSON.stringify({ ...head, subtotals: subtotalsOf(forSubtotals) });
  return `${headJson.slice(0, -1)},"rows":[${parts.join(',')}]}`;
}
