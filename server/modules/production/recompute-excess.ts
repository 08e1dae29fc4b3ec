/**
 * Keeps `production_entries.excess_volume` equal to what THE excess engine
 * (`domain/excess.ts`) says, inside the caller's transaction.
 *
 * - Grid saves call {@link excessAfterChanges} with the entries of the touched line items from
 *   the saved month on: entries of earlier months cannot change (the engine walks in date order),
 *   so the walk starts from the volume produced before the month, read from the monthly totals,
 *   by lowering the cap by that volume (running − cap = (before + walked) − cap).
 * - Annex imports call {@link recomputeExcessForLineItems} when caps change (whole history).
 */
import { computeExcessByLineItem, type EntryId, type LineItemExcessEntry } from '../../../domain/excess';
import { Dec } from '../../../domain/money';
import { scaled } from './fast-money';
import type { Tx } from '../../db/database';
import { canon, caps as loadCaps, entriesFrom, lockLineItems, updateExcess } from './production.repository';

/**
 * Excess of every given entry (all entries of their line items dated from the walk's start on)
 * given each line item's cap and the volume produced before the walk's start.
 */
export function excessAfterChanges(
  entries: readonly LineItemExcessEntry[],
  caps: ReadonlyMap<number, string>,
  before: ReadonlyMap<number, string>,
): Map<EntryId, string> {
  // A line item whose running total never exceeds its cap (before + everything walked ≤ cap: volumes
  // are ≥ 0, so its total is the largest running total) has no excess at all: it skips the engine
  // and its entries are simply absent from the result (callers read a missing entry as '0').
  const totals = new Map<number, bigint>();
  try {
    for (const e of entries) totals.set(e.lineItemId, (totals.get(e.lineItemId) ?? 0n) + scaled(e.volume, 6));
  } catch {
    totals.clear(); // more than 6 decimals somewhere: let the engine handle everything
  }
  const effective = new Map<number, string>();
  const walked: LineItemExcessEntry[] = [];
  for (const e of entries) {
    let cap = effective.get(e.lineItemId);
    if (cap === undefined) {
      const c = caps.get(e.lineItemId) ?? '0';
      const b = before.get(e.lineItemId);
      cap = b ? new Dec(c).minus(b).toFixed() : c;
      effective.set(e.lineItemId, cap);
    }
    const total = totals.get(e.lineItemId);
    if (total !== undefined && fitsUnder(total, cap)) continue;
    walked.push(e);
  }
  return computeExcessByLineItem(effective, walked);
}

/** total (scaled by 10^6) ≤ cap (decimal text)? False when the cap has more than 6 decimals. */
function fitsUnder(total: bigint, cap: string): boolean {
  try {
    return total <= scaled(cap, 6);
  } catch {
    return false;
  }
}

/**
 * Recomputes the excess of every entry of these line items (all sites, layers and months) and
 * writes only the values that changed. Call it in the transaction that changed their caps.
 * Returns how many entries changed.
 */
export async function recomputeExcessForLineItems(tx: Tx, lineItemIds: number[]): Promise<number> {
  const ids = [...new Set(lineItemIds)].sort((a, b) => a - b);
  if (!ids.length) return 0;
  await lockLineItems(tx, ids);
  const [capMap, entries] = await Promise.all([loadCaps(tx, ids), entriesFrom(tx, ids, null)]);
  const excess = excessAfterChanges(entries, capMap, new Map());
  const changedIds: number[] = [];
  const changedValues: string[] = [];
  for (const e of entries) {
    const next = excess.get(e.id) ?? '0';
    if (canon(e.excess) !== next) {
      changedIds.push(e.id);
      changedValues.push(next);
    }
  }
  await updateExcess(tx, changedIds, changedValues);
  return changedIds.length;
}
