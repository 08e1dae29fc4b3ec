/**
 * The production grid's view model, pure so it can be unit-tested and kept fast: display rows
 * (sub-annex subtotal rows before their line items), cell keys, the figures of rows and
 * subtotals with the unsaved edits applied, the live KPIs (the same `domain/grid-kpis.ts` the
 * server uses), and the cells a save sends.
 *
 * Cost: the server's figures are the base; only rows with unsaved edits are recomputed, and
 * subtotals move by the difference, so an edit costs O(edited rows) plus one KPI pass.
 */
import { gridKpis, lineAmount, type GridKpis, type KpiLineItem } from '../../../../domain/grid-kpis';
import type { UiLanguage } from '../../../../domain/labels';
import { Dec, canonicalDecimal, roundMoney, toDec } from '../../../../domain/money';
import { parseVolumeCell, type NumericCell } from '../../../components/ui/grid/numeric-cell';
import type { GridCellInputBody, GridResponse, GridRow, GridRowFigures } from './grid-types';

export type DisplayRow = { readonly kind: 'subtotal'; readonly subtotal: number } | { readonly kind: 'item'; readonly index: number };

/** Key of a day cell in the draft store: `<lineItemId>:<day>`. */
export function cellKey(lineItemId: number, day: number): string {
  return `${lineItemId}:${day}`;
}

export function parseCellKey(key: string): { lineItemId: number; day: number } {
  const [a, b] = key.split(':');
  return { lineItemId: Number(a), day: Number(b) };
}

/** Subtotal rows first, then their line items, in the server's (natural) order. */
export function displayRows(data: GridResponse): DisplayRow[] {
  const out: DisplayRow[] = [];
  const covered = new Set<number>();
  data.subtotals.forEach((s, subtotal) => {
    out.push({ kind: 'subtotal', subtotal });
    for (let i = s.firstRow; i < s.firstRow + s.lineItemCount; i += 1) {
      out.push({ kind: 'item', index: i });
      covered.add(i);
    }
  });
  // Rows outside every subtotal (should not happen) are still shown, never lost.
  data.rows.forEach((_, index) => {
    if (!covered.has(index)) out.push({ kind: 'item', index });
  });
  return out;
}

export interface SubtotalFigures {
  /** Σ volumes per day (index 0 = day 1), canonical strings. */
  readonly days: string[];
  readonly monthTotal: string;
  readonly monthMxn: string;
  readonly monthUsd: string;
}

/** Subtotals of the saved data (computed once per load). */
export function baseSubtotals(data: GridResponse): SubtotalFigures[] {
  return data.subtotals.map((s) => {
    const days = data.days.map(() => new Dec(0));
    let month = new Dec(0);
    for (let i = s.firstRow; i < s.firstRow + s.lineItemCount; i += 1) {
      const row = data.rows[i];
      if (!row) continue;
      row.volumes.forEach((v, d) => {
        if (v !== null && days[d]) days[d] = (days[d] as Dec).plus(toDec(v));
      });
      month = month.plus(toDec(row.monthTotal));
    }
    return { days: days.map((d) => canonicalDecimal(d)), monthTotal: canonicalDecimal(month), monthMxn: s.monthMxn, monthUsd: s.monthUsd };
  });
}

export interface RowFigures {
  /** Volume per day with the edits applied (null = empty). */
  readonly volumes: (string | null)[];
  readonly monthTotal: string;
  readonly amountMxn: string;
  readonly amountUsd: string;
}

export interface InvalidCell {
  readonly key: string;
  readonly rowIndex: number;
  readonly day: number;
  readonly reason: string;
}

export interface LiveGrid {
  /** Figures of rows with valid unsaved edits, by row index (others use the server's). */
  readonly rows: ReadonlyMap<number, RowFigures>;
  readonly subtotals: SubtotalFigures[];
  readonly kpis: GridKpis;
  readonly invalid: InvalidCell[];
  /** Parsed drafts by key (so cells render without parsing again). */
  readonly parsed: ReadonlyMap<string, NumericCell>;
}

function rowIndexById(data: GridResponse): Map<number, number> {
  const map = new Map<number, number>();
  data.rows.forEach((r, i) => map.set(r.lineItemId, i));
  return map;
}

/** Figures of one row with some day volumes replaced. */
export function rowFigures(row: GridRow, replaced: ReadonlyMap<number, string>): RowFigures {
  const volumes = row.volumes.map((v, d) => {
    const next = replaced.get(d + 1);
    if (next === undefined) return v;
    return next === '0' ? null : next;
  });
  let total = new Dec(0);
  for (const v of volumes) if (v !== null) total = total.plus(toDec(v));
  const monthTotal = canonicalDecimal(total);
  return { volumes, monthTotal, amountMxn: lineAmount(monthTotal, row.puMxn), amountUsd: lineAmount(monthTotal, row.puUsd) };
}

/** Applies the unsaved edits to the saved data. */
/** A row's KPI inputs for a given month total at this site and layer. */
function kpiItem(row: GridRow, monthTotal: string): KpiLineItem {
  return {
    authorizedVolume: row.authorizedVolume,
    puMxn: row.puMxn,
    puUsd: row.puUsd,
    producedBefore: row.producedBefore,
    producedThisMonth: canonicalDecimal(toDec(row.producedThisMonthElsewhere).plus(toDec(monthTotal))),
  };
}

/** KPIs of the saved grid: `gridKpis` over every row (computed once per load). */
export function baseKpis(data: GridResponse): GridKpis {
  return gridKpis(data.rows.map((row) => kpiItem(row, row.monthTotal)));
}

/**
 * `base` with some rows replaced: base − gridKpis(old rows) + gridKpis(new rows). Every KPI is a
 * sum of per-line rounded amounts (remaining is a difference of such sums), so this equals
 * `gridKpis` over all rows exactly, at the cost of the edited rows only.
 */
export function replaceKpis(base: GridKpis, before: readonly KpiLineItem[], after: readonly KpiLineItem[]): GridKpis {
  if (before.length === 0 && after.length === 0) return base;
  const old = gridKpis(before);
  const now = gridKpis(after);
  const field = (c: 'MXN' | 'USD', k: keyof GridKpis['MXN']) =>
    roundMoney(toDec(base[c][k]).minus(toDec(old[c][k])).plus(toDec(now[c][k])));
  const currency = (c: 'MXN' | 'USD') => ({
    authorized: field(c, 'authorized'),
    producedBefore: field(c, 'producedBefore'),
    producedThisMonth: field(c, 'producedThisMonth'),
    remaining: field(c, 'remaining'),
  });
  return { MXN: currency('MXN'), USD: currency('USD') };
}

export function liveGrid(
  data: GridResponse,
  base: readonly SubtotalFigures[],
  drafts: ReadonlyMap<string, string>,
  language: UiLanguage = 'es',
  kpisBase: GridKpis = baseKpis(data),
): LiveGrid {
  const byId = rowIndexById(data);
  const parsed = new Map<string, NumericCell>();
  const invalid: InvalidCell[] = [];
  const changedByRow = new Map<number, Map<number, string>>();
  for (const [key, text] of drafts) {
    const { lineItemId, day } = parseCellKey(key);
    const rowIndex = byId.get(lineItemId);
    if (rowIndex === undefined) continue;
    const cell = parseVolumeCell(text, language);
    parsed.set(key, cell);
    if (cell.kind === 'invalid') {
      invalid.push({ key, rowIndex, day, reason: cell.reason });
      continue;
    }
    const volume = cell.kind === 'empty' ? '0' : cell.value;
    let m = changedByRow.get(rowIndex);
    if (!m) changedByRow.set(rowIndex, (m = new Map()));
    m.set(day, volume);
  }

  const rows = new Map<number, RowFigures>();
  const subtotals = base.map((s) => ({
    days: s.days.map((d) => toDec(d)),
    month: toDec(s.monthTotal),
    mxn: toDec(s.monthMxn),
    usd: toDec(s.monthUsd),
  }));
  const subtotalOf = (rowIndex: number) =>
    data.subtotals.findIndex((s) => rowIndex >= s.firstRow && rowIndex < s.firstRow + s.lineItemCount);
  for (const [rowIndex, replaced] of changedByRow) {
    const row = data.rows[rowIndex];
    if (!row) continue;
    const figures = rowFigures(row, replaced);
    rows.set(rowIndex, figures);
    const s = subtotals[subtotalOf(rowIndex)];
    if (!s) continue;
    figures.volumes.forEach((v, d) => {
      const before = row.volumes[d] ?? null;
      if (v === before) return;
      s.days[d] = (s.days[d] ?? new Dec(0)).plus(toDec(v ?? '0')).minus(toDec(before ?? '0'));
    });
    s.month = s.month.plus(toDec(figures.monthTotal)).minus(toDec(row.monthTotal));
    s.mxn = s.mxn.plus(toDec(figures.amountMxn)).minus(toDec(row.amountMxn));
    s.usd = s.usd.plus(toDec(figures.amountUsd)).minus(toDec(row.amountUsd));
  }

  const before: KpiLineItem[] = [];
  const after: KpiLineItem[] = [];
  for (const [i, figures] of rows) {
    const row = data.rows[i];
    if (!row) continue;
    before.push(kpiItem(row, row.monthTotal));
    after.push(kpiItem(row, figures.monthTotal));
  }

  return {
    rows,
    subtotals: subtotals.map((s) => ({
      days: s.days.map((d) => canonicalDecimal(d)),
      monthTotal: canonicalDecimal(s.month),
      monthMxn: roundMoney(s.mxn),
      monthUsd: roundMoney(s.usd),
    })),
    kpis: replaceKpis(kpisBase, before, after),
    invalid,
    parsed,
  };
}

/** The cells a save sends: every valid unsaved edit with the value it was loaded with (`previous`). */
export function saveCells(
  data: GridResponse,
  drafts: ReadonlyMap<string, string>,
  parsed: ReadonlyMap<string, NumericCell>,
): GridCellInputBody[] {
  const byId = rowIndexById(data);
  const cells: GridCellInputBody[] = [];
  for (const key of drafts.keys()) {
    const cell = parsed.get(key);
    if (!cell || cell.kind === 'invalid') continue;
    const { lineItemId, day } = parseCellKey(key);
    const row = data.rows[byId.get(lineItemId) ?? -1];
    const date = data.days[day - 1]?.date;
    if (!row || !date) continue;
    cells.push({ lineItemId, date, volume: cell.kind === 'empty' ? '0' : cell.value, previous: row.volumes[day - 1] ?? null });
  }
  return cells;
}

/** Whether `text` is the saved value of the cell (so typing it back is not a change). */
export function isSavedText(row: GridRow | undefined, day: number, text: string): boolean {
  const saved = row?.volumes[day - 1] ?? null;
  const cell = parseVolumeCell(text);
  if (cell.kind === 'invalid') return false;
  const value = cell.kind === 'empty' ? null : cell.value;
  return value === null || saved === null ? value === saved : toDec(value).equals(toDec(saved));
}

/** Merges the fresh figures a save returns into the loaded grid. */
export function mergeSaved(
  data: GridResponse,
  figures: readonly GridRowFigures[],
  revision: number,
  kpis?: GridResponse['kpis'],
): GridResponse {
  const fresh = new Map(figures.map((f) => [f.lineItemId, f]));
  const rows = data.rows.map((r) => {
    const f = fresh.get(r.lineItemId);
    return f ? { ...r, ...f } : r;
  });
  const subtotals = data.subtotals.map((s) => {
    let mxn = new Dec(0);
    let usd = new Dec(0);
    for (let i = s.firstRow; i < s.firstRow + s.lineItemCount; i += 1) {
      mxn = mxn.plus(toDec(rows[i]?.amountMxn ?? '0'));
      usd = usd.plus(toDec(rows[i]?.amountUsd ?? '0'));
    }
    return { ...s, monthMxn: roundMoney(mxn), monthUsd: roundMoney(usd) };
  });
  // KPIs are recomputed in the browser from the merged rows (liveGrid); the server's, when sent, win.
  return { ...data, rows, subtotals, revision, kpis: kpis ?? data.kpis };
}
