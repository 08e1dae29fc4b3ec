/**
 * Rows of the grid with their month figures, shared by the grid load (every row) and the save
 * answer (touched rows) so both always present the same numbers.
 *
 * One query aggregates in PostgreSQL (cells and planned volumes per line item as compact text,
 * month sums, "produced before" from the monthly totals by index per line item); Node only splits
 * strings and computes amounts with fast-money (identical to domain/money, see there why).
 */
import { sql } from 'drizzle-orm';
import { daysInMonth, firstDayOfMonth, lastDayOfMonth } from '../../../domain/dates';
import type { GridKpis } from '../../../domain/grid-kpis';
import type { Layer } from '../../../domain/layer';
import type { GridRowFigures } from '../../../contracts/production';
import type { DbOrTx } from '../../db/database';
import { amountCents, fastGridKpis, formatCents, scaled } from './fast-money';
import { arr, canon } from './production.repository';

export interface GridScope {
  familyId: number;
  monthlyReportId: number | null;
  siteId: number;
  layer: Layer;
  year: number;
  month: number;
}

export type AggregateRow = {
  id: number;
  subAnnex: string;
  code: string;
  concept: string;
  unit: string;
  origin: 'annex' | 'adhoc';
  authorized: string;
  puMxn: string;
  puUsd: string;
  before: string;
  monthAll: string;
  /** `day:isThisLayer:volume:excess,…` of this site's entries in the month. */
  cells: string | null;
  monthTotal: string | null;
  excessTotal: string | null;
  /** `day:volume,…` */
  planned: string | null;
};

export async function aggregateRows(db: DbOrTx, s: GridScope, lineItemIds: readonly number[] | null): Promise<AggregateRow[]> {
  const only = lineItemIds ? sql`and l.id = any(${arr(lineItemIds)}::int[])` : sql``;
  const onlyP = lineItemIds ? sql`and p.line_item_id = any(${arr(lineItemIds)}::int[])` : sql``;
  const r = await db.execute<AggregateRow>(sql`
    with li as (select l.* from line_items l where l.family_id = ${s.familyId} ${only}),
    c as (
      select p.line_item_id,
             string_agg(extract(day from p.date)::int || ':' || (p.layer = ${s.layer}::layer)::int || ':' || p.volume || ':' || case when p.excess_volume > 0 then p.excess_volume::text else '0' end, ',') as cells,
             trim_scale(coalesce(sum(p.volume) filter (where p.layer = ${s.layer}::layer), 0))::text as month_total,
             trim_scale(coalesce(sum(p.excess_volume) filter (where p.layer = ${s.layer}::layer), 0))::text as excess_total
      from production_entries p
      where p.monthly_report_id = ${s.monthlyReportId ?? 0} and p.site_id = ${s.siteId} ${onlyP}
        and p.date between ${firstDayOfMonth(s.year, s.month)}::date and ${lastDayOfMonth(s.year, s.month)}::date
      group by p.line_item_id),
    pl as (
      select p.line_item_id, string_agg(extract(day from p.date)::int || ':' || trim_scale(p.volume), ',') as planned
      from planned_volumes p join li on li.id = p.line_item_id
      where p.date between ${firstDayOfMonth(s.year, s.month)}::date and ${lastDayOfMonth(s.year, s.month)}::date
      group by p.line_item_id)
    select li.id, li.sub_annex as "subAnnex", li.code, li.concept, u.code as unit, li.origin,
           trim_scale(li.authorized_volume)::text as authorized, trim_scale(li.pu_mxn)::text as "puMxn", trim_scale(li.pu_usd)::text as "puUsd",
           t.before, t.month_all as "monthAll", c.cells, c.month_total as "monthTotal", c.excess_total as "excessTotal", pl.planned
    from li join units u on u.id = li.unit_id
    left join c on c.line_item_id = li.id
    left join pl on pl.line_item_id = li.id
    cross join lateral (
      select trim_scale(coalesce(sum(t.volume) filter (where t.year < ${s.year} or (t.year = ${s.year} and t.month < ${s.month})), 0))::text as before,
             trim_scale(coalesce(sum(t.volume) filter (where t.year = ${s.year} and t.month = ${s.month}), 0))::text as month_all
      from production_monthly_totals t where t.line_item_id = li.id) t
    order by li.sort_key, li.id`);
  return r.rows;
}

/** A PU of 0 means "no price in that currency" (shown empty, amount 0.00). */
export const priceOrNull = (pu: string): string | null => (pu === '0' ? null : pu);

/** Scaled(6) BigInt → canonical decimal text (`'1.5'`, `'0'`). */
function volumeText(v: bigint): string {
  const negative = v < 0n;
  const s = (negative ? -v : v).toString().padStart(7, '0');
  const int = s.slice(0, -6);
  const frac = s.slice(-6).replace(/0+$/, '');
  return `${negative && v !== 0n ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

export interface BuiltRow {
  figures: GridRowFigures;
  otherLayer: (string | null)[];
  planned: (string | null)[];
}

export function buildRow(r: AggregateRow, dayCount: number): BuiltRow {
  const volumes = new Array<string | null>(dayCount).fill(null);
  const excess = new Array<string | null>(dayCount).fill(null);
  const otherLayer = new Array<string | null>(dayCount).fill(null);
  const planned = new Array<string | null>(dayCount).fill(null);
  if (r.cells) {
    for (const cell of r.cells.split(',')) {
      const [day, mine, volume, ex] = cell.split(':') as [string, string, string, string];
      const i = Number(day) - 1;
      if (mine === '1') {
        volumes[i] = canon(volume);
        if (ex !== '0') excess[i] = canon(ex);
      } else otherLayer[i] = canon(volume);
    }
  }
  if (r.planned) {
    for (const p of r.planned.split(',')) {
      const [day, volume] = p.split(':') as [string, string];
      planned[Number(day) - 1] = volume;
    }
  }
  const monthTotal = r.monthTotal ?? '0';
  return {
    figures: {
      lineItemId: r.id,
      volumes,
      excess,
      monthTotal,
      amountMxn: formatCents(amountCents(monthTotal, priceOrNull(r.puMxn))),
      amountUsd: formatCents(amountCents(monthTotal, priceOrNull(r.puUsd))),
      excessTotal: r.excessTotal ?? '0',
      producedThisMonthElsewhere: volumeText(scaled(r.monthAll, 6) - scaled(monthTotal, 6)),
    },
    otherLayer,
    planned,
  };
}

/** KPIs over the family's rows (month = every site, both layers). */
export function kpisOfRows(rows: readonly AggregateRow[]): GridKpis {
  return fastGridKpis(
    rows.map((r) => ({
      authorizedVolume: r.authorized,
      puMxn: priceOrNull(r.puMxn),
      puUsd: priceOrNull(r.puUsd),
      producedBefore: r.before,
      producedThisMonth: r.monthAll,
    })),
  );
}

/**
 * Figures of the rows a save touched, from the entries the save already holds in memory (every
 * entry of those line items from the month's first day on, after the save) — no extra query.
 */
export function figuresFromEntries(
  items: readonly { id: number; puMxn: string; puUsd: string }[],
  entries: readonly { id: number | string; lineItemId: number; date: string; layer: Layer; siteId: number; volume: string }[],
  excessOf: ReadonlyMap<number | string, string>,
  s: { siteId: number; layer: Layer; year: number; month: number },
): GridRowFigures[] {
  const first = firstDayOfMonth(s.year, s.month);
  const last = lastDayOfMonth(s.year, s.month);
  const dayCount = daysInMonth(s.year, s.month);
  const acc = new Map(
    items.map((it) => [
      it.id,
      {
        volumes: new Array<string | null>(dayCount).fill(null),
        excess: new Array<string | null>(dayCount).fill(null),
        mine: 0n,
        mineExcess: 0n,
        all: 0n,
      },
    ]),
  );
  for (const e of entries) {
    if (e.date < first || e.date > last) continue;
    const a = acc.get(e.lineItemId);
    if (!a) continue;
    const v = scaled(e.volume, 6);
    a.all += v;
    if (e.siteId !== s.siteId || e.layer !== s.layer) continue;
    const day = Number(e.date.slice(8, 10)) - 1;
    a.volumes[day] = e.volume;
    a.mine += v;
    const ex = excessOf.get(e.id) ?? '0';
    if (ex !== '0') {
      a.excess[day] = ex;
      a.mineExcess += scaled(ex, 6);
    }
  }
  return items.map((it) => {
    const a = acc.get(it.id)!;
    const monthTotal = volumeText(a.mine);
    return {
      lineItemId: it.id,
      volumes: a.volumes,
      excess: a.excess,
      monthTotal,
      amountMxn: formatCents(amountCents(monthTotal, priceOrNull(it.puMxn))),
      amountUsd: formatCents(amountCents(monthTotal, priceOrNull(it.puUsd))),
      excessTotal: volumeText(a.mineExcess),
      producedThisMonthElsewhere: volumeText(a.all - a.mine),
    };
  });
}

/** Family-wide KPIs of the month. */
export async function kpisOf(db: DbOrTx, s: GridScope): Promise<GridKpis> {
  return kpisOfRows(await aggregateRows(db, s, null));
}
