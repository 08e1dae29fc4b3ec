/**
 * Canonical sub-annex labels of the contract's Anexo C.
 *
 * The legacy data spells the same sub-annex many ways (`C-2.`, `C2`, `ANEXO C-2`, `C3-EXT`,
 * `ANEXO C3EXT`, `C-007.`, sheet names such as `Anexo C-2-CR`…). Line-item identity includes
 * the sub-annex, so every spelling must reach one canonical form:
 *  - ordinary: `C-<n>` or `C-<n>-<m>…` (`C-2`, `C-4-1`), numbers without leading zeros;
 *  - extraordinary (PUE): `C<n>EXT` (`C2EXT`), the form the PUE codes use (`C3EXT-0977`).
 * Anything that names no numbered sub-annex (`ANEXO CD`, `S/A`, `C`, `NA`) yields `null`: we
 * refuse to guess, and the importer reports it.
 */

/** A canonical label split into its parts. */
export interface SubAnnexParts {
  /** `2` in `C-2`, `C-2-1` and `C2EXT`. */
  readonly major: number;
  /** `[1]` in `C-4-1`; empty otherwise. */
  readonly minors: readonly number[];
  /** True for `C<n>EXT` (extraordinary prices, PUE). */
  readonly extraordinary: boolean;
}

// After clean-up (upper case, no accents, no spaces, no `ANEXO` prefix, no trailing dots or `-CR`):
// `C`, optional separator, numbers separated by `-`/`.`/`_`, optional separator + `EXT`.
const LABEL = /^C[-._]?(\d{1,3})((?:[-._]\d{1,3})*)(?:[-._]?(EXT))?$/;

function cleanUp(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/["'“”‘’´«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^ANEXO\s*/, '')
    .replace(/\s+/g, '')
    .replace(/\.+$/, '')
    .replace(/[-._]?CR$/, '');
}

/**
 * Parses any spelling into its parts, or `null` when it names no numbered sub-annex.
 * Sub-numbered extraordinary labels (`C-4-1 EXT`) never occur in the data and are refused.
 */
export function parseSubAnnex(raw: string | null | undefined): SubAnnexParts | null {
  if (typeof raw !== 'string') return null;
  const m = LABEL.exec(cleanUp(raw));
  if (m === null) return null;
  const major = Number(m[1]);
  const minors = (m[2] ?? '')
    .split(/[-._]/)
    .filter((s) => s !== '')
    .map(Number);
  const extraordinary = m[3] === 'EXT';
  if (major === 0 || minors.some((n) => n === 0)) return null;
  if (extraordinary && minors.length > 0) return null;
  return { major, minors, extraordinary };
}

/** Formats parts as the canonical label. */
export function formatSubAnnex(parts: SubAnnexParts): string {
  if (parts.extraordinary) return `C${parts.major}EXT`;
  return ['C', parts.major, ...parts.minors].join('-');
}

/**
 * `C-2.`, `C2`, `ANEXO C-2`, `Anexo C-2-CR` → `C-2`; `C2EXT`, `C2-EXT`, `C-2 EXT`, `ANEXO C2EXT`,
 * `C3-EXT` → `C2EXT`/`C3EXT`; `C-4-1` stays; `C-007.` → `C-7`. `null` when unrecognisable.
 */
export function canonicalSubAnnex(raw: string | null | undefined): string | null {
  const parts = parseSubAnnex(raw);
  return parts === null ? null : formatSubAnnex(parts);
}

/** True for a canonical or raw extraordinary label (`C3EXT`, `C3-EXT`). */
export function isExtraordinarySubAnnex(raw: string | null | undefined): boolean {
  return parseSubAnnex(raw)?.extraordinary === true;
}

/**
 * The sub-annex a PUE code belongs to: `C3EXT-0977` → `C3EXT`. PUE codes carry their annex as a
 * prefix, which lets an annex row without an `ANEXO` cell still be placed.
 */
export function subAnnexOfExtraordinaryCode(code: string | null | undefined): string | null {
  if (typeof code !== 'string') return null;
  const m = /^(.*EXT)[-._ ]*\d+\.?$/i.exec(code.trim());
  if (m === null) return null;
  const label = canonicalSubAnnex(m[1]);
  return label !== null && isExtraordinarySubAnnex(label) ? label : null;
}

/**
 * Natural order of sub-annexes, usable as an `Array#sort` comparator on raw or canonical labels:
 * by number (`C-2` < `C-10`); within a number, ordinary labels first, shortest first (`C-4` <
 * `C-4-1` < `C-4-2`), then the extraordinary one (`C4EXT`), then the next number (`C-5`).
 * Why EXT after all ordinary labels of its number: the contract lists a sub-annex and its
 * sub-templates together, and PUEs are later additions to that sub-annex.
 * Unrecognisable labels go last, in plain string order.
 */
export function compareSubAnnex(a: string, b: string): number {
  const pa = parseSubAnnex(a);
  const pb = parseSubAnnex(b);
  if (pa === null || pb === null) {
    if (pa !== null) return -1;
    if (pb !== null) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (pa.major !== pb.major) return pa.major - pb.major;
  if (pa.extraordinary !== pb.extraordinary) return pa.extraordinary ? 1 : -1;
  const n = Math.min(pa.minors.length, pb.minors.length);
  for (let i = 0; i < n; i++) {
    const d = (pa.minors[i] ?? 0) - (pb.minors[i] ?? 0);
    if (d !== 0) return d;
  }
  return pa.minors.length - pb.minors.length;
}
