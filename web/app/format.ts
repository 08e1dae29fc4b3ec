/**
 * Display formats of the UI (spec quality §5): dates `DD/MM/AAAA`, numbers `1,234.56`, months in
 * the UI language. Calendar dates travel as ISO strings and are never turned into `Date` objects
 * (see domain/dates.ts for why); only timestamps are, and they are shown in Mexico City time.
 */
import { BUSINESS_TIME_ZONE, parseIsoDate, toIsoDate } from '../../domain/dates';
import { formatAmount as formatAmountExact } from '../../domain/money';
import type { Locale } from './i18n/translate';

/** Placeholder for an empty value in tables and detail views. */
export const EMPTY = '—';

/** `2025-03-07` (or a timestamp starting with it) → `07/03/2025`; empty → `—`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const parts = parseIsoDate(iso.slice(0, 10));
  if (!parts) return iso;
  return `${pad(parts.day)}/${pad(parts.month)}/${parts.year}`;
}

const timestampFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant (ISO timestamp) in Mexico City time: `07/03/2025 14:05`, or with seconds. */
export function formatDateTime(timestamp: string | null | undefined, withSeconds = false): string {
  if (!timestamp) return EMPTY;
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const parts = timestampFormatter.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${get('hour')}:${get('minute')}${withSeconds ? `:${get('second')}` : ''}`;
  return `${get('day')}/${get('month')}/${get('year')} ${time}`;
}

/** A date window `07/03/2025 – 30/04/2025`; a missing end shows as `…`. */
export function formatWindow(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return EMPTY;
  return `${start ? formatDate(start) : '…'} – ${end ? formatDate(end) : '…'}`;
}

/** Result of reading a date typed by a person. */
export type ParsedDate = { ok: true; iso: string | null } | { ok: false };

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads `DD/MM/AAAA` (also `D/M/AAAA`, `DD-MM-AAAA`, `DD.MM.AAAA`) or a pasted ISO `AAAA-MM-DD`.
 * Empty text is a valid "no date" (`iso: null`); a non-existent date (31/02/2025) is refused.
 */
export function parseDisplayDate(text: string): ParsedDate {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, iso: null };
  let y: number;
  let m: number;
  let d: number;
  const dayFirst = DAY_FIRST.exec(trimmed);
  const isoLike = ISO_LIKE.exec(trimmed);
  if (dayFirst) {
    d = Number(dayFirst[1]);
    m = Number(dayFirst[2]);
    y = Number(dayFirst[3]);
  } else if (isoLike) {
    y = Number(isoLike[1]);
    m = Number(isoLike[2]);
    d = Number(isoLike[3]);
  } else {
    return { ok: false };
  }
  const iso = toIsoDate(y, m, d);
  if (!parseIsoDate(iso) || y < 1900 || y > 2200) return { ok: false };
  return { ok: true, iso };
}

/** Tidies what a person typed (`1/3/2025` → `01/03/2025`); leaves unreadable text untouched. */
export function normalizeDisplayDate(text: string): string {
  const parsed = parseDisplayDate(text);
  return parsed.ok && parsed.iso ? formatDate(parsed.iso) : text;
}

/** An exact decimal amount with 2 decimals and es-MX grouping: `1,234.56`. Unreadable input is shown as is. */
export function formatAmount(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  try {
    return formatAmountExact(value);
  } catch {
    return String(value);
  }
}

/** `1234.5` with the currency label: `$1,234.50 MXN`. */
export function formatMoney(value: string | number | null | undefined, currency: 'MXN' | 'USD'): string {
  const amount = formatAmount(value);
  return amount === EMPTY ? EMPTY : `$${amount} ${currency}`;
}

/** Integers with thousands separators: `12,345`. */
export function formatInteger(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  return Math.trunc(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Turns an amount typed with grouping or a currency sign (`$1,234.50`) into the plain decimal the
 * API expects (`1234.50`). Validation (decimals, sign) stays with the server's schema.
 */
export function amountInputToPlain(text: string): string {
  return text.replace(/[\s,$]/g, '').replace(/(MXN|USD)$/i, '');
}

const MONTHS: Record<Locale, readonly string[]> = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Month name (1–12) in the UI language; Spanish month names are lower-case like in running text. */
export function monthName(month: number, locale: Locale): string {
  return MONTHS[locale][month - 1] ?? String(month);
}

/** A period as a title: `Marzo 2025` / `March 2025`. */
export function formatYearMonth(year: number, month: number, locale: Locale): string {
  const name = monthName(month, locale);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
