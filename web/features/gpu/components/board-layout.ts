/**
 * Lays GPU records out as a board: one row per line item, one column per day, and in each cell
 * one chip per record (a day can hold TE and CMA at several sites: all are shown, none hidden —
 * the legacy board showed only the last one read).
 */
import type { GpuRecord } from '../api/gpu-api';

export interface BoardRow {
  readonly lineItemId: number;
  readonly subAnnex: string;
  readonly code: string;
  readonly concept: string;
  readonly unit: string;
  /** Records per day of the month (index 0 = day 1). */
  readonly days: GpuRecord[][];
}

export function boardRows(items: readonly GpuRecord[], dayCount: number): BoardRow[] {
  const rows = new Map<number, BoardRow>();
  for (const item of items) {
    let row = rows.get(item.lineItemId);
    if (!row) {
      row = {
        lineItemId: item.lineItemId,
        subAnnex: item.subAnnex,
        code: item.code,
        concept: item.concept,
        unit: item.unit,
        days: Array.from({ length: dayCount }, () => []),
      };
      rows.set(item.lineItemId, row);
    }
    const day = Number(item.date.slice(8, 10));
    row.days[day - 1]?.push(item);
  }
  // Items arrive ordered by sub-annex and code; Map keeps that order.
  return [...rows.values()];
}
