/**
 * Daily reports: one per (OT family's monthly report, date, site). Two independent statuses:
 * what happened operationally that day, and where the signed document stands.
 */
import type { Layer } from './layer.js';
import { isOneOf, type Label } from './labels.js';
import { err, ok, type Result } from './result.js';
import type { SignatureStatus } from './signature-status.js';

export {
  SIGNATURE_STATUSES,
  SIGNATURE_STATUS_LABELS,
  isSignatureStatus,
  signatureStatusRank,
  type SignatureStatus,
} from './signature-status.js';

/**
 * Operational status of a site-day. The legacy system only tracked signatures; the spec adds this
 * so productive days and TE/CMA consistency can be computed from data.
 */
export const OPERATIONAL_STATUSES = ['productivo', 'en_espera', 'suspendido', 'sin_actividad'] as const;

export type OperationalStatus = (typeof OPERATIONAL_STATUSES)[number];

/** Display labels. */
export const OPERATIONAL_STATUS_LABELS: Readonly<Record<OperationalStatus, Label>> = {
  productivo: { es: 'Productivo', en: 'Productive' },
  en_espera: { es: 'En espera', en: 'Standby' },
  suspendido: { es: 'Suspendido', en: 'Suspended' },
  sin_actividad: { es: 'Sin actividad', en: 'No activity' },
};

/** Type guard. */
export function isOperationalStatus(value: unknown): value is OperationalStatus {
  return isOneOf(OPERATIONAL_STATUSES, value);
}

/** Maximum length of a daily report's note (spec §3.3). */
export const DAILY_REPORT_NOTE_MAX_LENGTH = 255;

/** Validates a note: trimmed, empty → `null`, longer than 255 characters → `too_long`. */
export function normalizeDailyReportNote(note: string | null | undefined): Result<string | null, 'too_long'> {
  const trimmed = (note ?? '').trim();
  if (trimmed === '') return ok(null);
  return [...trimmed].length > DAILY_REPORT_NOTE_MAX_LENGTH ? err('too_long') : ok(trimmed);
}

/**
 * Productive days of a month (spec §3.3) = number of daily reports whose operational status is
 * `Productivo`. Counted per report, i.e. per site-day: two sites productive on the same date
 * count twice (callers wanting calendar days filter by site first).
 */
export function productiveDays(reports: Iterable<{ readonly operationalStatus: OperationalStatus }>): number {
  let count = 0;
  for (const r of reports) if (r.operationalStatus === 'productivo') count += 1;
  return count;
}

/**
 * Which production layer a day's operational status admits (checklist item 5): TE (effective
 * time) only on `Productivo` days; CMA (standby cost) on `En espera` or `Productivo` days (a day
 * can mix work and standby); nothing on `Suspendido` or `Sin actividad` days.
 */
export function layerAllowedOn(layer: Layer, status: OperationalStatus): boolean {
  switch (layer) {
    case 'TE':
      return status === 'productivo';
    case 'CMA':
      return status === 'productivo' || status === 'en_espera';
  }
}

/** A `Firmado` daily report freezes its site's production for that day (HTTP 409 `day_signed`). */
export function freezesProduction(signatureStatus: SignatureStatus): boolean {
  return signatureStatus === 'firmado';
}
