/**
 * Reads one production grid (family × month × site × layer): rows in natural order, per-day cells,
 * planned volumes, locks per day, sub-annex subtotals and KPIs. Five set-based queries; "produced
 * before the month" comes from the monthly totals, not from summing the history.
 */
import { sql } from 'drizzle-orm';
import { daysInMonth, firstDayOfMonth, lastDayOfMonth, monthDays } from '../../../domain/dates';
import { requiresGpu } from '../../../domain/gpu';
import { amount, sumAmounts } from '../../../domain/money';
import { isDayInWindow } from '../../../domain/validity-window';
import type { GridDay, GridDayLock, GridQuery, GridResponse, GridRow, GridSubtotal } from '../../../contracts/production';
import type { Actor } from '../../context';
import type { DbOrTx } from '../../db/database';
import { canWrite, loadFamilySite } from './family-site';
import { buildFigures, groupCells, kpisFromRows, kpiRowsSql, priceOrNull, siteCells, type KpiRow } from './grid-figures';
import { canon, currentRevision } from './production.repository';

type ItemRow = KpiRow & {
  id: number;
  subAnnex: string;
  code: string;
  concept: string;
  unit: string;
  origin: 'annex' | 'adhoc';
};

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

  const items = await db.execute<ItemRow>(sql`
    with k as (${kpiRowsSql(fs.familyId, year, month)})
    select l.id, l.sub_annex as "subAnnex", l.code, l.concept, u.code as unit, l.origin,
           k."authorizedVolume", k."puMxn", k."puUsd", k.before, k."monthAll"
    from line_items l join k on k.id = l.id join units u on u.id = l.unit_id
    order by l.sort_key, l.id`);
  const cells = groupCells(await siteCells(db, scope, null));
  const planned = await db.execute<{ id: number; day: number; v: string }>(sql`
    select p.line_item_id as id, extract(day from p.date)::int as day, p.volume::text as v
    from planned_volumes p join line_items l on l.id = p.line_item_id
    where l.family_id = ${fs.familyId} and p.date between ${firstDayOfMonth(year, month)}::date and ${lastDayOfMonth(year, month)}::date`);
  const daily = await db.execute<{ date: string; operationalStatus: string; signatureStatus: string }>(sql`
    select date, operational_status as "operationalStatus", signature_status as "signatureStatus"
    from daily_reports where monthly_report_id = ${report?.id ?? 0} and site_id = ${siteId}`);
  const revision = await currentRevision(db);

  const dayCount = daysInMonth(year, month);
  const plannedBy = new Map<number, (string | null)[]>();
  for (const p of planned.rows) {
    let list = plannedBy.get(p.id);
    if (!list) plannedBy.set(p.id, (list = new Array<string | null>(dayCount).fill(null)));
    list[p.day - 1] = canon(p.v);
  }
  const emptyDays = new Array<string | null>(dayCount).fill(null);

  const rows: GridRow[] = items.rows.map((it) => {
    const { figures, otherLayer } = buildFigures(it, cells.get(it.id) ?? [], layer, dayCount);
    return {
      ...figures,
      subAnnex: it.subAnnex,
      code: it.code,
      concept: it.concept,
      unit: it.unit,
      authorizedVolume: canon(it.authorizedVolume),
      puMxn: priceOrNull(it.puMxn),
      puUsd: priceOrNull(it.puUsd),
      origin: it.origin,
      requiresGpu: requiresGpu(it.subAnnex, '1'),
      producedBefore: canon(it.before),
      planned: plannedBy.get(it.id) ?? emptyDays,
      otherLayer,
    };
  });

  const subtotals: GridSubtotal[] = [];
  rows.forEach((r, i) => {
    const last = subtotals[subtotals.length - 1];
    if (last && last.subAnnex === r.subAnnex) last.lineItemCount += 1;
    else subtotals.push({ subAnnex: r.subAnnex, firstRow: i, lineItemCount: 1, authorizedMxn: '0.00', authorizedUsd: '0.00', monthMxn: '0.00', monthUsd: '0.00' });
  });
  for (const s of subtotals) {
    const group = rows.slice(s.firstRow, s.firstRow + s.lineItemCount);
    s.authorizedMxn = sumAmounts(group.map((r) => (r.puMxn ? amount(r.authorizedVolume, r.puMxn) : '0')));
    s.authorizedUsd = sumAmounts(group.map((r) => (r.puUsd ? amount(r.authorizedVolume, r.puUsd) : '0')));
    s.monthMxn = sumAmounts(group.map((r) => r.amountMxn));
    s.monthUsd = sumAmounts(group.map((r) => r.amountUsd));
  }

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
    kpis: kpisFromRows(items.rows),
    abilities: { edit: canWrite(actor, fs) && locked === null },
  };
}
