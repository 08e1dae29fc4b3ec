/**
 * Evidence links and the proposed Drive folder layout of a monthly report (seed "Best practices").
 */
import { monthName } from './numbers-format.js';

/** Longest evidence URL accepted (longer strings are not links people paste). */
export const MAX_URL_LENGTH = 2048;

/**
 * True only for an absolute `http:`/`https:` URL with a host and no whitespace or control
 * characters. Rejects `javascript:`, `data:`, relative paths, `http:/x`, and text with spaces, so
 * a stored link is always safe to render as an `href`. Callers trim user input first.
 */
export function isHttpUrl(text: unknown): text is string {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_URL_LENGTH) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return false;
  if (!/^https?:\/\/[^/]/i.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** The four sub-folders every monthly evidence folder has, in display order. */
export const EVIDENCE_SUBFOLDERS = ['Fotos_Diarias/', 'Reportes_Operativos/', 'GPU_Evidencias/', 'Incidentes/'] as const;

/**
 * Proposed folder name `<folio>_<Mes>_<año>/`, e.g. `OTE-2025-001_Marzo_2025/`.
 * The folio is made path-safe: slashes/backslashes become `-`, whitespace runs become `_`
 * (real folios such as `OT-GRZ-801-23-004` pass unchanged).
 */
export function evidenceFolderName(folio: string, month: number, year: number): string {
  const safeFolio = folio.trim().replace(/[/\\]/g, '-').replace(/\s+/g, '_');
  return `${safeFolio}_${monthName(month, 'es')}_${year}/`;
}

/** The folder and its sub-folders as paths: `['OTE-…_Marzo_2025/', 'OTE-…_Marzo_2025/Fotos_Diarias/', …]`. */
export function evidenceFolderLayout(folio: string, month: number, year: number): { root: string; subfolders: string[] } {
  const root = evidenceFolderName(folio, month, year);
  return { root, subfolders: EVIDENCE_SUBFOLDERS.map((sub) => `${root}${sub}`) };
}
