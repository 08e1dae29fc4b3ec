/**
 * Rows of the grid with their month figures, shared by the grid load (every row) and the save
 * answer (touched rows) so both always present the same numbers.
 *
 * One query aggregates in PostgreSQL (cells per line item as compact text, month sums, "produced
 * before" from the monthly totals), planned volumes come pre-aggregated per month (planned_monthly);
 * Node only splits strings and computes amounts with fast-money (identical to domain/money, see
 * there why).
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

type CellsRow = { id: number; cells: string; monthTotal: string | null; excessTotal: string | null };
type ItemRow = Omit<AggregateRow, 'cells' | 'monthTotal' | 'excessTotal'>;

/**
 * The grid's cells aggregated per line item (this site; both layers, the other one marked), month
 * sums of this layer. Numbers come as plain `numeric::text` (cheaper for PostgreSQL than
 * trim_scale per value) and are canonicalised in Node.
 */
export function queryCells(db: DbOrTx, s: GridScope, lineItemIds: readonly number[] | null): Promise<CellsRow[]> {
  const onlyP = lineItemIds ? sql`and p.line_item_id = any(${arr(lineItemIds)}::int[])` : sql``;
  const first = firstDayOfMonth(s.year, s.month);
  const last = lastDayOfMonth(s.year, s.month);
  return db
    .execute<CellsRow>(
      sql`
    select p.line_item_id as id,
           string_agg((p.date - ${first}::date + 1) || case when p.layer = ${s.layer}::layer then ':1:' else ':0:' end || p.volume::text
                      || case when p.excess_volume > 0 then ':' || p.excess_volume::text else ':0' end, ',') as cells,
           sum(p.volume) filter (where p.layer = ${s.layer}::layer)::text as "monthTotal",
           sum(p.excess_volume) filter (where p.layer = ${s.layer}::layer)::text as "excessTotal"
    from production_entries p
    where p.monthly_report_id = ${s.monthlyReportId ?? 0} and p.site_id = ${s.siteId} ${onlyP}
      and p.date between ${first}::date and ${last}::date
    group by p.line_item_id`,
    )
    .then((r) => r.rows);
}

/** The family's line items in grid order with their planned volumes and monthly totals. */
export function queryItems(db: DbOrTx, s: GridScope, lineItemIds: readonly number[] | null): Promise<ItemRow[]> {
  const only = lineItemIds ? sql`and l.id = any(${arr(lineItemIds)}::int[])` : sql``;
  return db
    .execute<ItemRow>(
      sql`
    with li as materialized (select l.* from line_items l where l.family_id = ${s.familyId} ${only})
    select li.id, li.sub_annex as "subAnnex", li.code, li.concept, u.code as unit, li.origin,
           trim_scale(li.authorized_volume)::text as authorized, trim_scale(li.pu_mxn)::text as "puMxn", trim_scale(li.pu_usd)::text as "puUsd",
           coalesce(t.before, '0') as before, coalesce(t.month_all, '0') as "monthAll", pm.days as planned
    from li join units u on u.id = li.unit_id
    left join planned_monthly pm on pm.line_item_id = li.id and pm.year = ${s.year} and pm.month = ${s.month}
    -- per line item, by its primary key: the months up to this one (≈ 8 rows each)
    left join lateral (
      select sum(t.volume) filter (where (t.year, t.month) < (${s.year}, ${s.month}))::text as before,
             sum(t.volume) filter (where t.year = ${s.year} and t.month = ${s.month})::text as month_all
      from production_monthly_totals t where t.line_item_id = li.id and (t.year, t.month) <= (${s.year}, ${s.month})) t on true
    order by li.sort_key, li.id`,
    )
    .then((r) => r.rows);
}

/**
 * Both queries sent at once (on the pool they run on two connections in parallel; in a
 * transaction they simply queue), merged per line item.
 */
export async function aggregateRows(db: DbOrTx, s: GridScope, lineItemIds: readonly number[] | null): Promise<AggregateRow[]> {
  const [cells, items] = await Promise.all([queryCells(db, s, lineItemIds), queryItems(db, s, lineItemIds)]);
  const byId = new Map(cells.map((c) => [c.id, c]));
  return items.map((it) => {
    const c = byId.get(it.id);
    return {
      ...it,
      before: canon(it.before),
      monthAll: canon(it.monthAll),
      cells: c?.cells ?? null,
      monthTotal: c?.monthTotal == null ? (c ? '0' : null) : canon(c.monthTotal),
      excessTotal: c?.excessTotal == null ? (c ? '0' : null) : canon(c.excessTotal),
    };
  });
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

/**
 * Fills the per-day slots of one row from its aggregated text (slots must hold `dayCount` nulls):
 * `day:mine:volume:excess,…` and `day:volume,…`, parsed by index (no intermediate arrays:
 * ~35,000 cells per grid at 3,000 line items).
 */
export function fillDays(
  r: Pick<AggregateRow, 'cells' | 'planned'>,
  volumes: (string | null)[],
  excess: (string | null)[],
  otherLayer: (string | null)[],
  planned: (string | null)[],
): void {
  if (r.cells) fillCells(r.cells, volumes, excess, otherLayer);
  if (r.planned) fillPlanned(r.planned, planned);
}

/** `day:mine:volume:excess,…` into the slots (this layer's volumes and excess, the other layer's volumes). */
export function fillCells(cells: string, volumes: (string | null)[], excess: (string | null)[], otherLayer: (string | null)[]): void {
  let pos = 0;
  const n = cells.length;
  while (pos < n) {
    let end = cells.indexOf(',', pos);
    if (end < 0) end = n;
    const c1 = cells.indexOf(':', pos);
    const i = Number(cells.slice(pos, c1)) - 1;
    const mine = cells.charCodeAt(c1 + 1) === 49; // '1'
    const c3 = cells.indexOf(':', c1 + 3);
    const volume = canon(cells.slice(c1 + 3, c3));
    if (mine) {
      volumes[i] = volume;
      if (!(c3 + 2 === end && cells.charCodeAt(c3 + 1) === 48)) excess[i] = canon(cells.slice(c3 + 1, end));
    } else otherLayer[i] = volume;
    pos = end + 1;
  }
}

/** `day:volume,…` (planned_monthly.days: volumes already canonical) into the slots. */
export function fillPlanned(pl: string, planned: (string | null)[]): void {
  let pos = 0;
  const n = pl.length;
  while (pos < n) {
    let end = pl.indexOf(',', pos);
    if (end < 0) end = n;
    const c1 = pl.indexOf(':', pos);
    planned[Number(pl.slice(pos, c1)) - 1] = pl.slice(c1 + 1, end);
    pos = end + 1;
  }
}

/** Volume of the line item this month at other sites or in the other layer: all − this grid's. */
export const elsewhere = (monthAll: string, monthTotal: string): string =>
  monthAll === monthTotal ? '0' : volumeText(scaled(monthAll, 6) - scaled(monthTotal, 6));

/** The month figures of a row that are not per day. */
export function rowTotals(r: AggregateRow) {
  const monthTotal = r.monthTotal ?? '0';
  const mxnCents = amountCents(monthTotal, priceOrNull(r.puMxn));
  const usdCents = amountCents(monthTotal, priceOrNull(r.puUsd));
  return {
    monthTotal,
    mxnCents,
    usdCents,
    amountMxn: formatCents(mxnCents),
    amountUsd: formatCents(usdCents),
    excessTotal: r.excessTotal ?? '0',
    producedThisMonthElsewhere: elsewhere(r.monthAll, monthTotal),
  };
}

export function buildRow(r: AggregateRow, dayCount: number): BuiltRow {
  const volumes = new Array<string | null>(dayCount).fill(null);
  const excess = new Array<string | null>(dayCount).fill(null);
  const otherLayer = new Array<string | null>(dayCount).fill(null);
  const planned = new Array<string | null>(dayCount).fill(null);
  fillDays(r, volumes, excess, otherLayer, planned);
  const t = rowTotals(r);
  return {
    figures: {
      lineItemId: r.id,
      volumes,
      excess,
      monthTotal: t.monthTotal,
      amountMxn: t.amountMxn,
      amountUsd: t.amountUsd,
      excessTotal: t.excessTotal,
      producedThisMonthElsewhere: t.producedThisMonthElsewhere,
    },
    otherLayer,
    planned,
  };
}

export type KpiRow = Pick<AggregateRow, 'authorized' | 'puMxn' | 'puUsd' | 'before' | 'monthAll'>;

/** KPIs over the family's rows (month = every site, both layers). */
export function kpisOfRows(rows: readonly KpiRow[]): GridKpis {
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
