/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), never `Date` objects.
 *
 * Why: a business day in Mexico City is a calendar fact, not an instant. `new Date('2025-03-01')`
 * is midnight UTC, i.e. the evening of Feb 28 in UTC−6, which is how off-by-one-day bugs are born
 * (the legacy weekly report used UTC bounds in a UTC−6 business). ISO strings compare correctly
 * as strings and map 1:1 to Postgres `date`. The only arithmetic done with `Date` here uses
 * `Date.UTC`, which has no time-zone dependence.
 */

/** A calendar date `YYYY-MM-DD`. A plain string alias: validate at the edges with {@link isValidIsoDate}. */
export type IsoDate = string;

/** The business time zone (spec: America/Mexico_City). */
export const BUSINESS_TIME_ZONE = 'America/Mexico_City';

/** Years accepted for monthly reports (spec §3.1: four digits, 2000–2100). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of `month` (1–12) in `year`. Throws on a month outside 1–12 (a programming error). */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month: ${month}`);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for an integer month 1–12. */
export function isValidMonth(month: unknown): month is number {
  return typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12;
}

/** True for an integer year within {@link MIN_YEAR}–{@link MAX_YEAR}. */
export function isValidYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Builds an ISO date from parts (zero-padded). Does not validate; see {@link isValidIsoDate}. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parts of an ISO date, or `null` when the text is not a real calendar date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True only for a real calendar date written `YYYY-MM-DD` (rejects `2025-02-30`, `2025-2-3`). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

function partsOrThrow(iso: IsoDate): { year: number; month: number; day: number } {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`Invalid ISO date: ${iso}`);
  return parts;
}

/** Every date of a month, in order: `['2025-02-01', …, '2025-02-28']`. */
export function monthDays(year: number, month: number): IsoDate[] {
  const count = daysInMonth(year, month);
  return Array.from({ length: count }, (_, i) => toIsoDate(year, month, i + 1));
}

/** First day of the month. */
export function firstDayOfMonth(year: number, month: number): IsoDate {
  return toIsoDate(year, month, 1);
}

/** Last day of the month. */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return toIsoDate(year, month, daysInMonth(year, month));
}

/** Day of month (1–31) of an ISO date. */
export function dayOfMonth(iso: IsoDate): number {
  return partsOrThrow(iso).day;
}

/** `{ year, month }` of an ISO date. */
export function yearMonthOf(iso: IsoDate): { year: number; month: number } {
  const { year, month } = partsOrThrow(iso);
  return { year, month };
}

/** Orders two ISO dates: negative, zero or positive (usable as an `Array.sort` comparator). */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of the given dates (ignoring `null`/`undefined`), or `null` when none. */
export function minIso(...dates: readonly (IsoDate | null | undefined)[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) if (d != null && (best === null || d < best)) best = d;
  return best;
}

/** The later of the given dates (ignoring `null`/`undefined`), or `null` when none. */
export function maxIso(...dates: readonly (IsoDate | null | undefined)[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) if (d != null && (best === null || d > best)) best = d;
  return best;
}

function toEpochDay(iso: IsoDate): number {
  const { year, month, day } = partsOrThrow(iso);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `iso` plus `days` calendar days (negative goes back). Crosses months and years correctly. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer: ${days}`);
  return fromEpochDay(toEpochDay(iso) + days);
}

/** Whole days from `from` to `to` (`to − from`); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Compares two (year, month) periods: negative, zero or positive. */
export function compareYearMonth(a: { year: number; month: number }, b: { year: number; month: number }): number {
  return a.year !== b.year ? a.year - b.year : a.month - b.month;
}

// Created on first use: building it at import time would make merely importing the domain fail
// on a runtime without time-zone data.
let mexicoCityFormatter: Intl.DateTimeFormat | undefined;

/**
 * Today's calendar date in Mexico City for the instant `now` (default: the current instant).
 * Uses the IANA zone through `Intl`, so it is right on servers running in UTC and in browsers
 * anywhere (Mexico has had no DST since 2022; the tz database knows the history).
 */
export function todayInMexicoCity(now: Date = new Date()): IsoDate {
  mexicoCityFormatter ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: BUSINESS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = mexicoCityFormatter.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(get('year'), get('month'), get('day'));
}
