/**
 * The stored sort key of a line item: natural order of (sub-annex, code) as one fixed-format
 * string, so SQL can `order by sort_key collate "C"` and agree with domain/catalogue's
 * compareSubAnnex and compareCodes (`C-2` < `C-4` < `C-4-1` < `C4EXT` < `C-10`; `2.9.` < `2.10.`).
 * Only letters and digits in fixed widths: locale collations ignore punctuation, so the key must
 * not depend on it (and queries still say `collate "C"`).
 */
import { parseSubAnnex } from '../../../domain/catalogue/sub-annex';

const pad = (n: number, w: number) => String(Math.min(n, 10 ** w - 1)).padStart(w, '0');

function subAnnexKey(label: string): string {
  const p = parseSubAnnex(label);
  if (p === null) return `9999Z${label.replace(/[^A-Z0-9]/gi, '').toUpperCase()}`;
  const minors = [0, 1, 2].map((i) => pad(p.minors[i] ?? 0, 3)).join('');
  return `${pad(p.major, 3)}${p.extraordinary ? 'E' : 'A'}${minors}`;
}

function codeKey(code: string): string {
  return (code.match(/\d+|\D+/g) ?? [])
    .map((t) => (/^\d/.test(t) ? `N${pad(Number(t), 10)}` : `T${t.replace(/[^A-Z0-9]/gi, '').toUpperCase() || 'P'}`))
    .join('');
}

export function lineItemSortKey(subAnnex: string, code: string): string {
  return `${subAnnexKey(subAnnex)}${codeKey(code)}`;
}
