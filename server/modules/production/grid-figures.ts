/**
 * Per-row month figures of the grid and its KPIs, shared by the grid load and the save answer so
 * both always present the same numbers (and the browser recomputes them with the same domain/
 * functions: amounts from domain/money, KPIs from domain/grid-kpis).
 */
import { sql } from 'drizzle-orm';
import { daysInMonth } from '../../../domain/dates';
import { gridKpis, lineAmounts, type GridKpis, type KpiLineItem } from '../../../domain/grid-kpis';
import { Dec } from '../../../domain/money';
import type { GridRowFigures } from '../../../contracts/production';
import type { Layer } from '../../../domain/layer';
import type { DbOrTx } from '../../db/database';
import { arr, canon } from './production.repository';

export interface GridScope {
  familyId: number;
  monthlyReportId: number | null;
  siteId: number;
  layer: Layer;
  year: number;
  month: number;
}

export type SiteCell = {
  lineItemId: number;
  day: number;
  layer: Layer;
  volume: string;
  excess: string;
};

/** The month's entries of this site (both layers) for the family or some of its line items. */
export async function siteCells(db: DbOrTx, s: GridScope, lineItemIds: readonly number[] | null): Promise<SiteCell[]> {
  if (s.monthlyReportId === null) return [];
  const r = await db.execute<SiteCell>(sql`
    select line_item_id as "lineItemId", extract(day from date)::int as day, layer, volume::text as volume, excess_volume::text as excess
    from production_entries
    where monthly_report_id = ${s.monthlyReportId} and site_id = ${s.siteId}
    ${lineItemIds ? sql`and line_item_id = any(${arr(lineItemIds)}::int[])` : sql``}`);
  return r.rows;
}

/** A PU of 0 means "no price in that currency" (shown as empty, amount 0.00). */
export const priceOrNull = (pu: string): string | null => (Number(pu) === 0 ? null : canon(pu));

export type FigureItem = {
  id: number;
  puMxn: string;
  puUsd: string;
  /** Month volume at every site and layer (production_monthly_totals). */
  monthAll: string;
};

/** Figures of one row; `cells` are that line item's cells at this site (both layers). */
export function buildFigures(item: FigureItem, cells: readonly SiteCell[], layer: Layer, dayCount: number) {
  const volumes: (string | null)[] = new Array<string | null>(dayCount).fill(null);
  const excess: (string | null)[] = new Array<string | null>(dayCount).fill(null);
  const otherLayer: (string | null)[] = new Array<string | null>(dayCount).fill(null);
  let total = new Dec(0);
  let excessTotal = new Dec(0);
  for (const c of cells) {
    const v = canon(c.volume);
    if (c.layer !== layer) {
      otherLayer[c.day - 1] = v;
      continue;
    }
    volumes[c.day - 1] = v;
    total = total.plus(v);
    const e = canon(c.excess);
    if (e !== '0') {
      excess[c.day - 1] = e;
      excessTotal = excessTotal.plus(e);
    }
  }
  const monthTotal = total.isZero() ? '0' : total.toFixed();
  const amounts = lineAmounts(monthTotal, { puMxn: priceOrNull(item.puMxn), puUsd: priceOrNull(item.puUsd) });
  const elsewhere = new Dec(item.monthAll).minus(total);
  const figures: GridRowFigures = {
    lineItemId: item.id,
    volumes,
    excess,
    monthTotal,
    amountMxn: amounts.MXN,
    amountUsd: amounts.USD,
    excessTotal: excessTotal.isZero() ? '0' : excessTotal.toFixed(),
    producedThisMonthElsewhere: elsewhere.isZero() ? '0' : elsewhere.toFixed(),
  };
  return { figures, otherLayer };
}

export function groupCells(cells: readonly SiteCell[]): Map<number, SiteCell[]> {
  const by = new Map<number, SiteCell[]>();
  for (const c of cells) {
    const list = by.get(c.lineItemId);
    if (list) list.push(c);
    else by.set(c.lineItemId, [c]);
  }
  return by;
}

/** Fresh figures of some rows (the save answer). */
export async function figuresOf(db: DbOrTx, s: GridScope, lineItemIds: readonly number[]): Promise<GridRowFigures[]> {
  if (!lineItemIds.length) return [];
  const items = await db.execute<FigureItem>(sql`
    select li.id, li.pu_mxn::text as "puMxn", li.pu_usd::text as "puUsd", coalesce(t.volume, 0)::text as "monthAll"
    from line_items li
    left join production_monthly_totals t on t.line_item_id = li.id and t.year = ${s.year} and t.month = ${s.month}
    where li.id = any(${arr(lineItemIds)}::int[]) order by li.sort_key, li.id`);
  const cells = groupCells(await siteCells(db, s, lineItemIds));
  const dayCount = daysInMonth(s.year, s.month);
  return items.rows.map((it) => buildFigures(it, cells.get(it.id) ?? [], s.layer, dayCount).figures);
}

export type KpiRow = {
  authorizedVolume: string;
  puMxn: string;
  puUsd: string;
  before: string;
  monthAll: string;
};

export function kpisFromRows(rows: readonly KpiRow[]): GridKpis {
  return gridKpis(
    rows.map(
      (r): KpiLineItem => ({
        authorizedVolume: r.authorizedVolume,
        puMxn: priceOrNull(r.puMxn),
        puUsd: priceOrNull(r.puUsd),
        producedBefore: r.before,
        producedThisMonth: r.monthAll,
      }),
    ),
  );
}

/** SQL giving, per line item of the family: cap, prices, volume before the month and in it. */
export const kpiRowsSql = (familyId: number, year: number, month: number) => sql`
  with li as (select id from line_items where family_id = ${familyId}),
  t as (
    select t.line_item_id,
           sum(t.volume) filter (where t.year < ${year} or (t.year = ${year} and t.month < ${month})) as before,
           sum(t.volume) filter (where t.year = ${year} and t.month = ${month}) as month_all
    from production_monthly_totals t join li on li.id = t.line_item_id group by t.line_item_id)
  select l.id, l.authorized_volume::text as "authorizedVolume", l.pu_mxn::text as "puMxn", l.pu_usd::text as "puUsd",
         coalesce(t.before, 0)::text as before, coalesce(t.month_all, 0)::text as "monthAll"
  from line_items l left join t on t.line_item_id = l.id where l.family_id = ${familyId}`;

/** Family-wide KPIs of the month (every site, both layers). */
export async function kpisOf(db: DbOrTx, familyId: number, year: number, month: number): Promise<GridKpis> {
  const r = await db.execute<KpiRow>(kpiRowsSql(familyId, year, month));
  return kpisFromRows(r.rows);
}
