/**
 * THE excess engine (spec §3.4): one algorithm, used by grid saves, imports, reports and the
 * browser preview alike (the legacy system had three that disagreed).
 *
 * Per line item of an OT family, all its production entries (every site, both layers, every
 * month) are walked in a total order — date, layer (TE before CMA), site id, entry id — keeping a
 * running total. Each entry's excess is the part of it that lies above the cap:
 *
 *     excess = max(0, min(volume, runningTotalAfterThisEntry − cap))
 *
 * so the entries that cross the cap are split exactly, and the total excess of a line item is
 * max(0, total − cap). Because the order is total and ignores input order, the result is
 * deterministic. Ad-hoc line items have cap 0: all their production is excess until authorized.
 */
import { compareIso, type IsoDate } from './dates.js';
import { compareLayers, type Layer } from './layer.js';
import { Dec, canonicalDecimal, toDec, type DecimalInput } from './money.js';

/** Identity of a production entry (database id, or a client-side key in the grid preview). */
export type EntryId = number | string;

/** What the engine needs of a production entry. */
export interface ExcessEntry {
  readonly id: EntryId;
  readonly date: IsoDate;
  readonly layer: Layer;
  readonly siteId: number;
  /** Volume ≥ 0, decimal string. */
  readonly volume: string;
}

function compareIds(a: EntryId, b: EntryId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1; // numbers (stored rows) before strings (unsaved rows)
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The engine's total order: date, layer (TE before CMA), site id, entry id. */
export function compareExcessOrder(a: ExcessEntry, b: ExcessEntry): number {
  return compareIso(a.date, b.date) || compareLayers(a.layer, b.layer) || a.siteId - b.siteId || compareIds(a.id, b.id);
}

/**
 * Computes every entry's excess volume for one line item with authorized volume `cap`.
 * Returns a map entry id → canonical excess string (`'0'` when none), one key per input entry.
 * Throws on duplicate ids (the order would not be total) or non-decimal volumes.
 */
export function computeExcess(cap: DecimalInput, entries: readonly ExcessEntry[]): Map<EntryId, string> {
  const ordered = [...entries].sort(compareExcessOrder);
  return walkScaled(cap, ordered) ?? walkDecimal(cap, ordered);
}

/** The walk with decimal.js: any decimal input (40 significant digits, exact for these values). */
function walkDecimal(cap: DecimalInput, ordered: readonly ExcessEntry[]): Map<EntryId, string> {
  const capDec = toDec(cap);
  const result = new Map<EntryId, string>();
  let running = new Dec(0);
  for (const entry of ordered) {
    if (result.has(entry.id)) throw new Error(`Duplicate production entry id: ${String(entry.id)}`);
    const volume = toDec(entry.volume);
    running = running.plus(volume);
    const above = running.minus(capDec);
    const excess = Dec.max(0, Dec.min(volume, above));
    result.set(entry.id, canonicalDecimal(excess));
  }
  return result;
}

/** A plain decimal with at most 6 decimals and 18 integer digits (every stored volume and cap). */
const PLAIN_6 = /^(-?)(\d{1,18})(?:\.(\d{1,6}))?$/;

/** `text` × 10^6 as a BigInt, or null when it is not {@link PLAIN_6}. */
function scaled6(text: string): bigint | null {
  const m = PLAIN_6.exec(text);
  if (!m) return null;
  const v = BigInt(m[2]! + (m[3] ?? '').padEnd(6, '0'));
  return m[1] ? -v : v;
}

/** A non-negative scaled value as canonical decimal text. */
function unscaled6(v: bigint): string {
  if (v === 0n) return '0';
  const digits = v.toString().padStart(7, '0');
  const fraction = digits.slice(-6).replace(/0+$/, '');
  return fraction ? `${digits.slice(0, -6)}.${fraction}` : digits.slice(0, -6);
}

/**
 * The same walk on integers scaled by 10^6 — exact, so equal to {@link walkDecimal} (a property
 * test compares them), ~3× faster warm (27,900 entries: 121 → 44 ms). Null when an
 * input is not a plain decimal with ≤ 6 decimals (or a volume is negative): decimal.js decides.
 */
function walkScaled(cap: DecimalInput, ordered: readonly ExcessEntry[]): Map<EntryId, string> | null {
  const capScaled = typeof cap === 'string' ? scaled6(cap) : null;
  if (capScaled === null) return null;
  const volumes: bigint[] = [];
  for (const entry of ordered) {
    const v = scaled6(entry.volume);
    if (v === null || v < 0n) return null;
    volumes.push(v);
  }
  const result = new Map<EntryId, string>();
  let running = 0n;
  ordered.forEach((entry, i) => {
    if (result.has(entry.id)) throw new Error(`Duplicate production entry id: ${String(entry.id)}`);
    const volume = volumes[i]!;
    running += volume;
    const above = running - capScaled;
    result.set(entry.id, above <= 0n ? '0' : unscaled6(above < volume ? above : volume));
  });
  return result;
}

/** Sum of the excess volumes of a {@link computeExcess} result (canonical string). */
export function totalExcess(excess: ReadonlyMap<EntryId, string>): string {
  let total = new Dec(0);
  for (const v of excess.values()) total = total.plus(toDec(v));
  return canonicalDecimal(total);
}

/** A production entry tagged with its line item, for {@link computeExcessByLineItem}. */
export interface LineItemExcessEntry extends ExcessEntry {
  readonly lineItemId: number;
}

/**
 * Runs the engine for several line items at once (one import or grid save touches many).
 * A line item missing from `caps` has cap 0 (spec: unauthorized work is excess).
 */
export function computeExcessByLineItem(
  caps: ReadonlyMap<number, DecimalInput>,
  entries: readonly LineItemExcessEntry[],
): Map<EntryId, string> {
  const byLineItem = new Map<number, LineItemExcessEntry[]>();
  for (const e of entries) {
    const list = byLineItem.get(e.lineItemId);
    if (list) list.push(e);
    else byLineItem.set(e.lineItemId, [e]);
  }
  const result = new Map<EntryId, string>();
  for (const [lineItemId, list] of byLineItem) {
    for (const [id, excess] of computeExcess(caps.get(lineItemId) ?? '0', list)) {
      if (result.has(id)) throw new Error(`Duplicate production entry id: ${String(id)}`);
      result.set(id, excess);
    }
  }
  return result;
}
