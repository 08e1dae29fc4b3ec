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
import { aggregateRows, buildRow, kpisOfRows, priceOrNull } from './grid-figures';
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

export async function loadGrid(db: DbOrTx, actor: Actor, q: GridQuery): Promise<GridResponse> {
  const fs = await loadFamilySite(db, q.workOrderId, q.siteId);
  const { year, month, layer, siteId } = q;
  const report = await monthlyReportOf(db, fs.familyId, year, month);
  const scope = { familyId: fs.familyId, monthlyReportId: report?.id ?? null, siteId, layer, year, month };

  const aggregates = await aggregateRows(db, scope, null);
  const daily = await db.execute<{ date: string; operationalStatus: string; signatureStatus: string }>(sql`
    select date, operational_status as "operationalStatus", signature_status as "signatureStatus"
    from daily_reports where monthly_report_id = ${report?.id ?? 0} and site_id = ${siteId}`);
  const revision = await currentRevision(db);

  const dayCount = daysInMonth(year, month);
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
    s[0]! += amountCents(r.authorizedVolume, r.puMxn);
    s[1]! += amountCents(r.authorizedVolume, r.puUsd);
    s[2]! += scaled(r.amountMxn, 2);
    s[3]! += scaled(r.amountUsd, 2);
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
    rows,
    subtotals,
    kpis: kpisOfRows(aggregates),
    abilities: { edit: canWrite(actor, fs) && locked === null },
  };
}
