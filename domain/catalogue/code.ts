/**
 * Partida codes (`2.9.`, `4.7`, `C3EXT-0977`, `1C-009.`) in one canonical spelling.
 *
 * Trailing-dot convention (decided here): a purely numeric dotted code ends with exactly one dot
 * (`2.9` → `2.9.`, `4.4` → `4.4.`, `2` → `2.`); any other code has no trailing dot (`1C-009.` →
 * `1C-009`, `C3EXT-0977`). Why: the contract writes numeric codes with a dot (1,460 of 1,473
 * line items), so the canonical form looks like the contract; but a code typed as a *number* in
 * Excel (C-4-1 has `4.4`, `4.7`…) can never carry the dot, and the PUE sheet has `1C-009` next to
 * a formula column `1C-009.`, so the dot carries no information and must not split identities.
 * Caveat nobody can fix: a numeric cell `4.10` is stored by Excel as `4.1`.
 */

const NUMERIC_DOTTED = /^\d+(?:\.\d+)*$/;

/**
 * Trim, collapse inner whitespace, upper-case, drop spaces around `.`/`-`, apply the dot
 * convention above. Numbers use their shortest JS spelling (`4.4`). Blank input gives `''`.
 */
export function normaliseCode(raw: string | number | null | undefined): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number' && !Number.isFinite(raw)) return '';
  const text = String(raw)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toUpperCase()
    .replace(/\s*([.-])\s*/g, '$1')
    .replace(/\.+$/, '');
  if (text === '') return '';
  return NUMERIC_DOTTED.test(text) ? `${text}.` : text;
}

/** True when two raw spellings denote the same code (`4.7` and `4.7. `). */
export function sameCode(a: string | number, b: string | number): boolean {
  return normaliseCode(a) === normaliseCode(b);
}

function tokens(code: string): (string | number)[] {
  return (code.match(/\d+|\D+/g) ?? []).map((t) => (/^\d/.test(t) ? Number(t) : t));
}

/**
 * Natural order on normalised codes: digit runs compare as numbers (`2.9.` < `2.10.` <
 * `2.100.`), other runs as text; a number sorts before text at the same position. Usable as an
 * `Array#sort` comparator on raw spellings.
 */
export function compareCodes(a: string | number, b: string | number): number {
  const na = normaliseCode(a);
  const nb = normaliseCode(b);
  const ta = tokens(na);
  const tb = tokens(nb);
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i] as string | number;
    const y = tb[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  if (ta.length !== tb.length) return ta.length - tb.length;
  // `0977` and `977` tie numerically: fall back to text so distinct codes never compare equal.
  return na < nb ? -1 : na > nb ? 1 : 0;
}
