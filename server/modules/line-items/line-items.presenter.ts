/** Line items with their amounts (volume × PU, half-even to cents, per currency) and totals per sub-annex. */
import type { LineItem, LineItemList } from '../../../contracts/annex';
import { amount, sumAmounts } from '../../../domain/money';
import type { AnnexVersionRow, LineItemRow } from './line-items.repository';

export function presentLineItem(row: LineItemRow): LineItem {
  return { ...row, amountMxn: amount(row.authorizedVolume, row.puMxn), amountUsd: amount(row.authorizedVolume, row.puUsd) };
}

export function presentLineItemList(familyId: number, rows: LineItemRow[], versions: AnnexVersionRow[]): LineItemList {
  const items = rows.map(presentLineItem);
  const groups = new Map<string, LineItem[]>();
  for (const item of items) {
    const list = groups.get(item.subAnnex);
    if (list) list.push(item);
    else groups.set(item.subAnnex, [item]);
  }
  return {
    familyId,
    items,
    // Map keeps first-seen order, and rows arrive in natural (sub-annex, code) order.
    subAnnexes: [...groups].map(([subAnnex, list]) => ({
      subAnnex,
      count: list.length,
      amountMxn: sumAmounts(list.map((i) => i.amountMxn)),
      amountUsd: sumAmounts(list.map((i) => i.amountUsd)),
    })),
    totals: {
      count: items.length,
      amountMxn: sumAmounts(items.map((i) => i.amountMxn)),
      amountUsd: sumAmounts(items.map((i) => i.amountUsd)),
    },
    versions,
  };
}
