/**
 * The uploaded annex against the family's current annex (pure): per row whether it adds a line
 * item, changes its volume or prices, or restates it unchanged; and the current line items the
 * file does not list (they keep the values of the version that last stated them).
 * Volume changes are judged under the default cap rule (replacement); the cap each rule yields is
 * computed at commit by {@link capAfter}.
 */
import type { AnnexPreviewItem, CapRule, LineChange } from '../../../contracts/annex';
import { Dec } from '../../../domain/money';
import { lineKey, type ResolvedRow } from './resolve-annex-rows';

/** A line item of the family as it stands now. */
export type CurrentLineItem = {
  id: number;
  subAnnex: string;
  code: string;
  concept: string;
  conceptNorm: string;
  unitId: number;
  unitCode: string;
  authorizedVolume: string;
  puMxn: string;
  puUsd: string;
  currentVersionId: number | null;
};

const eq = (a: string, b: string) => new Dec(a).eq(new Dec(b));
const canon = (s: string) => new Dec(s).toFixed();

/** The cap a line item has after a version states `stated` under `rule`. */
export function capAfter(rule: CapRule, current: CurrentLineItem | undefined, stated: string): string {
  if (rule === 'replacement' || !current || current.currentVersionId === null) return canon(stated);
  return new Dec(current.authorizedVolume).plus(stated).toFixed();
}

export function indexCurrent(current: readonly CurrentLineItem[]): Map<string, CurrentLineItem> {
  return new Map(current.map((c) => [lineKey(c), c]));
}

function changeOf(row: ResolvedRow, cur: CurrentLineItem | undefined): LineChange {
  if (!cur || cur.currentVersionId === null) return 'new';
  const volume = !eq(cur.authorizedVolume, row.statedVolume);
  const price = !eq(cur.puMxn, row.puMxn) || !eq(cur.puUsd, row.puUsd);
  return volume && price ? 'volume_price' : volume ? 'volume' : price ? 'price' : 'unchanged';
}

export function diffAnnex(rows: readonly ResolvedRow[], current: readonly CurrentLineItem[]) {
  const byKey = indexCurrent(current);
  const listed = new Set<number>();
  const items: AnnexPreviewItem[] = rows.map((row) => {
    const cur = byKey.get(lineKey(row));
    if (cur) listed.add(cur.id);
    const authorized = cur !== undefined && cur.currentVersionId !== null;
    let plannedTotal = new Dec(0);
    for (const p of row.planned) plannedTotal = plannedTotal.plus(p.volume);
    return {
      sheet: row.sheet,
      row: row.row,
      subAnnex: row.subAnnex,
      code: row.code,
      concept: row.concept,
      unitCode: row.unitCode,
      statedVolume: canon(row.statedVolume),
      currentVolume: authorized ? canon(cur.authorizedVolume) : null,
      puMxn: canon(row.puMxn),
      puUsd: canon(row.puUsd),
      filePuMxn: canon(row.filePuMxn),
      filePuUsd: canon(row.filePuUsd),
      currentPuMxn: authorized ? canon(cur.puMxn) : null,
      currentPuUsd: authorized ? canon(cur.puUsd) : null,
      filePriceDiffers: !eq(row.filePuMxn, row.puMxn) || !eq(row.filePuUsd, row.puUsd),
      change: changeOf(row, cur),
      lineItemId: cur?.id ?? null,
      plannedDays: row.planned.length,
      plannedTotal: plannedTotal.toFixed(),
    };
  });
  const removed = current
    .filter((c) => c.currentVersionId !== null && !listed.has(c.id))
    .map((c) => ({
      lineItemId: c.id,
      subAnnex: c.subAnnex,
      code: c.code,
      concept: c.concept,
      unitCode: c.unitCode,
      currentVolume: canon(c.authorizedVolume),
    }));
  const count = (f: (i: AnnexPreviewItem) => boolean) => items.filter(f).length;
  return {
    items,
    removed,
    counts: {
      new: count((i) => i.change === 'new'),
      changedVolume: count((i) => i.change === 'volume' || i.change === 'volume_price'),
      changedPrice: count((i) => i.change === 'price' || i.change === 'volume_price'),
      unchanged: count((i) => i.change === 'unchanged'),
      removed: removed.length,
      filePriceDiffers: count((i) => i.filePriceDiffers),
    },
  };
}
