/**
 * es-MX display and lenient parsing of what people paste from Excel.
 *
 * Display follows the quality bar (§5): numbers `1,234.56`, dates `DD/MM/AAAA`, months in
 * Spanish. Parsing accepts the shapes spreadsheets produce in Mexico and abroad, but only when the
 * meaning is unambiguous; anything else is an error rather than a guess (a mis-parsed volume is a
 * billing error).
 */
import { parseIsoDate, toIsoDate, daysInMonth, type IsoDate } from './dates.js';
import type { UiLanguage } from './labels.js';
import { AMOUNT_DECIMALS, canonicalDecimal, formatFixed, type DecimalInput } from './money.js';
import { err, ok, type Result } from './result.js';

/** Currencies kept apart everywhere (spec §2). */
export const CURRENCIES = ['MXN', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Spanish month names, index 0 = Enero. Capitalised as the seed writes them (`OTE-2025-001_Marzo_2025/`). */
export const MONTH_NAMES_ES = [
  'Enero',
  'Febrero',
  'Marzo',
  'Abril',
  'Mayo',
  'Junio',
  'Julio',
  'Agosto',
  'Septiembre',
  'Octubre',
  'Noviembre',
  'Diciembre',
] as const;

/** English month names, index 0 = January. */
export const MONTH_NAMES_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Name of month 1–12 in the UI language. Throws on an invalid month (programming error). */
export function monthName(month: number, language: UiLanguage = 'es'): string {
  const name = (language === 'es' ? MONTH_NAMES_ES : MONTH_NAMES_EN)[month - 1];
  if (name === undefined || !Number.isInteger(month)) throw new RangeError(`Invalid month: ${month}`);
  return name;
}

/** `Marzo 2025` / `March 2025`. */
export function formatMonthYear(month: number, year: number, language: UiLanguage = 'es'): string {
  return `${monthName(month, language)} ${year}`;
}

/** Number with es-MX grouping and a fixed number of decimals (default 2): `1,234.56`. */
export function formatNumber(value: DecimalInput, decimals: number = AMOUNT_DECIMALS): string {
  return formatFixed(value, decimals);
}

/** Amount labelled with its currency: `$1,234.56 MXN`; negatives put the sign first: `-$5.00 USD`. */
export function formatCurrency(value: DecimalInput, currency: Currency): string {
  const text = formatFixed(value, AMOUNT_DECIMALS);
  return text.startsWith('-') ? `-$${text.slice(1)} ${currency}` : `$${text} ${currency}`;
}

/** `2025-03-07` → `07/03/2025` (DD/MM/AAAA). Throws on an invalid ISO date. */
export function formatDate(iso: IsoDate): string {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`Invalid ISO date: ${iso}`);
  return `${String(parts.day).padStart(2, '0')}/${String(parts.month).padStart(2, '0')}/${parts.year}`;
}

/** `07/03/2025` or `7/3/2025` (day first, as typed in Mexico) → `2025-03-07`; `null` if not a real date. */
export function parseDisplayDate(text: string): IsoDate | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return toIsoDate(year, month, day);
}

/**
 * Joins words as a sentence: `['4','5','18']` → `4, 5 y 18` (Spanish) / `4, 5 and 18` (English).
 */
export function joinList(items: readonly string[], language: UiLanguage = 'es'): string {
  const conjunction = language === 'es' ? 'y' : 'and';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}

// A group-separated integer part: 1–3 digits then groups of exactly 3 (`1,234,567`).
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+$/;
const GROUPED_DOT = /^\d{1,3}(?:\.\d{3})+$/;
const GROUPED_SPACE = /^\d{1,3}(?: \d{3})+$/;

type Digits = { integer: string; fraction: string };

/** Integer/fraction split at `at` (or no fraction when `at < 0`); the integer part may carry `thousands` grouping. */
function splitAt(body: string, at: number, thousands: RegExp | null): Digits | null {
  const integer = at < 0 ? body : body.slice(0, at);
  const fraction = at < 0 ? '' : body.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return null;
  if (!/^\d*$/.test(integer) && (thousands === null || !thousands.test(integer))) return null;
  const digits = integer.replace(/\D/g, '');
  return digits === '' && fraction === '' ? null : { integer: digits, fraction };
}

/**
 * Decides which of `,`/`.` is the decimal separator of `body` (digits, `,` and `.` only).
 * Returns `null` when the text is malformed or its meaning is ambiguous.
 */
function splitSeparators(body: string): Digits | null {
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the one that comes last is the decimal separator (1,234.56 or 1.234,56).
    return lastDot > lastComma ? splitAt(body, lastDot, GROUPED_COMMA) : splitAt(body, lastComma, GROUPED_DOT);
  }
  if (lastComma >= 0) {
    // `1,234` and `1,234,567` are thousands (es-MX); `1234,56`, `0,5`, `1234,567` can only be decimals.
    if (GROUPED_COMMA.test(body)) return splitAt(body, -1, GROUPED_COMMA);
    return body.indexOf(',') === lastComma ? splitAt(body, lastComma, null) : null;
  }
  if (lastDot >= 0) {
    // A single dot is the decimal point; several dots only make sense as thousands (`1.234.567`).
    if (body.indexOf('.') === lastDot) return splitAt(body, lastDot, null);
    return GROUPED_DOT.test(body) ? splitAt(body, -1, GROUPED_DOT) : null;
  }
  return splitAt(body, -1, null);
}

/** Removes spaces used as thousands separators (`1 234,5`); `null` if spaces appear anywhere else. */
function dropSpaceGrouping(body: string): string | null {
  if (!body.includes(' ')) return body;
  const separatorAt = body.search(/[.,]/);
  const head = separatorAt < 0 ? body : body.slice(0, separatorAt);
  const tail = separatorAt < 0 ? '' : body.slice(separatorAt);
  if (tail.includes(' ') || !GROUPED_SPACE.test(head)) return null;
  return head.replace(/ /g, '') + tail;
}

/**
 * Parses a number as people paste it from Excel: `1,234.56`, `1234.56`, `1234,56` (comma decimal
 * when unambiguous), `1.234,56`, `  12 `, `$1,200.00`, `-3`, `1.5E-05`, `1 234.5`.
 * Empty or blank text → `null` (an empty cell). Anything else → `not_a_number`.
 * Returns the canonical decimal string; range/decimal rules are the caller's (see `parseVolume`).
 */
export function parseLocaleNumber(text: string): Result<string | null, 'not_a_number'> {
  let s = text.replace(/[\u00a0\u202f\t]/g, ' ').trim();
  if (s === '') return ok(null);
  if (s.length > 100) return err('not_a_number');

  // Sign and currency symbol in either order: `-$5`, `$-5`, `$ 5`, `+5`.
  const sign = /^([+-]?)\s*\$?\s*([+-]?)\s*/.exec(s);
  const signs = `${sign?.[1] ?? ''}${sign?.[2] ?? ''}`;
  if (signs.length > 1) return err('not_a_number');
  const negative = signs === '-';
  s = s.slice(sign?.[0].length ?? 0);

  let mantissa = s;
  let exponent = '';
  const exp = /[eE]([+-]?\d{1,3})$/.exec(s);
  if (exp) {
    // Scientific notation (Excel shows tiny volumes so): no thousands grouping, either decimal mark.
    mantissa = s.slice(0, exp.index);
    if (!/^\d+(?:[.,]\d+)?$/.test(mantissa)) return err('not_a_number');
    mantissa = mantissa.replace(',', '.');
    exponent = `e${exp[1] ?? ''}`;
  }
  if (!/^[\d.,\s]+$/.test(mantissa)) return err('not_a_number');
  const ungrouped = dropSpaceGrouping(mantissa);
  const parts = ungrouped === null ? null : splitSeparators(ungrouped);
  if (parts === null) return err('not_a_number');

  const integer = parts.integer === '' ? '0' : parts.integer;
  const fraction = parts.fraction === '' ? '' : `.${parts.fraction}`;
  return ok(canonicalDecimal(`${negative ? '-' : ''}${integer}${fraction}${exponent}`));
}
