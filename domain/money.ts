/**
 * Exact decimals for volumes, unit prices and amounts.
 *
 * Values travel as strings (Postgres `numeric` comes back as text from `pg`) and are computed with
 * a dedicated decimal.js constructor, never with JS floats: `0.1 + 0.2` must be `0.3` in a bill.
 * Canonical strings are plain notation without trailing zeros (`'1.500000'` → `'1.5'`, `'0'`);
 * amounts are always written with exactly 2 decimals (`'12.50'`).
 */
import Decimal from 'decimal.js';
import { err, ok, type Result } from './result.js';

/**
 * The project's decimal constructor: 40 significant digits (a numeric(18,6) volume times a
 * numeric(18,4) price needs at most 36, so products are exact) and banker's rounding. A clone,
 * so the global `Decimal` used by other libraries is left untouched.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 });
/** Instance type of {@link Dec}. */
export type Dec = Decimal;

/** Anything the helpers below accept as a number: a decimal string, a finite JS number or a `Dec`. */
export type DecimalInput = string | number | Dec;

/** Volumes are stored with 6 decimals (spec §2). */
export const VOLUME_DECIMALS = 6;
/** Unit prices are stored with 4 decimals (spec §2). */
export const UNIT_PRICE_DECIMALS = 4;
/** Amounts (importes) have 2 decimals. */
export const AMOUNT_DECIMALS = 2;
/** Integer digits a volume may have: numeric(18,6). Bigger values are refused instead of overflowing the column. */
export const VOLUME_MAX_INTEGER_DIGITS = 12;
/** Integer digits a unit price may have: numeric(18,4). */
export const UNIT_PRICE_MAX_INTEGER_DIGITS = 14;

/**
 * THE rounding rule of the product (one rule, one place): an amount is `volume × unit price`
 * computed exactly, then rounded half-to-even to 2 decimals, once per line item and per currency.
 * Totals are sums of those rounded line amounts, so a total always equals the sum of the lines
 * printed above it. MXN and USD are never mixed.
 */
export const ROUNDING_RULE = {
  name: 'line_amount_half_even_2dp',
  decimals: AMOUNT_DECIMALS,
  mode: 'ROUND_HALF_EVEN',
  es: 'Importe = volumen × P.U., redondeado a 2 decimales (mitad al par) por partida y por moneda; los totales suman importes ya redondeados.',
  en: 'Amount = volume × unit price, rounded half-to-even to 2 decimals per line item and currency; totals add the rounded line amounts.',
} as const;

/** Why a number was refused. */
export type NumberParseError = 'not_a_number' | 'negative' | 'too_many_decimals' | 'too_large';

/** Spanish/English messages for {@link NumberParseError}. */
export const NUMBER_PARSE_ERROR_MESSAGES: Readonly<Record<NumberParseError, { readonly es: string; readonly en: string }>> = {
  not_a_number: { es: 'No es un número válido.', en: 'Not a valid number.' },
  negative: { es: 'No se admiten valores negativos.', en: 'Negative values are not allowed.' },
  too_many_decimals: { es: 'Tiene demasiados decimales.', en: 'Too many decimal places.' },
  too_large: { es: 'El valor es demasiado grande.', en: 'The value is too large.' },
};

/** Plain decimal text: optional sign, digits with an optional fraction, optional exponent. No hex, no `Infinity`. */
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;
const MAX_TEXT_LENGTH = 200;

function decFromText(text: string): Dec | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_TEXT_LENGTH || !DECIMAL_TEXT.test(trimmed)) return null;
  return new Dec(trimmed);
}

/**
 * Converts trusted input (database values, results of other helpers) to a `Dec`.
 * Throws `RangeError` on anything that is not a finite plain decimal: user input goes through
 * {@link parseVolume} / {@link parseUnitPrice} instead.
 */
export function toDec(value: DecimalInput): Dec {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return new Dec(value);
  }
  if (typeof value === 'string') {
    const d = decFromText(value);
    if (d === null) throw new RangeError(`Not a decimal: ${JSON.stringify(value)}`);
    return d;
  }
  if (!value.isFinite()) throw new RangeError('Not a finite decimal');
  return new Dec(value);
}

/** Canonical text of a decimal: plain notation, no trailing zeros, `'0'` for (negative) zero. */
export function canonicalDecimal(value: DecimalInput): string {
  const d = toDec(value);
  return d.isZero() ? '0' : d.toFixed();
}

/** Rules for {@link parseDecimal}. */
export interface DecimalRules {
  readonly maxDecimals: number;
  readonly maxIntegerDigits: number;
  readonly allowNegative?: boolean;
}

/**
 * Parses user or file input into a canonical decimal string under `rules`.
 * Trailing zeros do not count as decimals (`'1.5000000'` is a valid volume: it *is* 1.5).
 */
export function parseDecimal(input: string | number, rules: DecimalRules): Result<string, NumberParseError> {
  let d: Dec | null;
  if (typeof input === 'number') d = Number.isFinite(input) ? new Dec(input) : null;
  else if (typeof input === 'string') d = decFromText(input);
  else d = null;
  if (d === null) return err('not_a_number');
  if (d.isNegative() && !d.isZero() && rules.allowNegative !== true) return err('negative');
  if (d.decimalPlaces() > rules.maxDecimals) return err('too_many_decimals');
  if (d.abs().gte(new Dec(10).pow(rules.maxIntegerDigits))) return err('too_large');
  return ok(d.isZero() ? '0' : d.toFixed());
}

/** A production or authorized volume: finite, ≥ 0, at most 6 decimals. Returns the canonical string. */
export function parseVolume(input: string | number): Result<string, NumberParseError> {
  return parseDecimal(input, { maxDecimals: VOLUME_DECIMALS, maxIntegerDigits: VOLUME_MAX_INTEGER_DIGITS });
}

/** A unit price (P.U.): finite, ≥ 0, at most 4 decimals. Returns the canonical string. */
export function parseUnitPrice(input: string | number): Result<string, NumberParseError> {
  return parseDecimal(input, { maxDecimals: UNIT_PRICE_DECIMALS, maxIntegerDigits: UNIT_PRICE_MAX_INTEGER_DIGITS });
}

/** Applies {@link ROUNDING_RULE} to any exact value; returns exactly 2 decimals (`'-0.00'` never appears). */
export function roundMoney(value: DecimalInput): string {
  const rounded = toDec(value).toDecimalPlaces(AMOUNT_DECIMALS, Decimal.ROUND_HALF_EVEN);
  return rounded.isZero() ? '0.00' : rounded.toFixed(AMOUNT_DECIMALS);
}

/** Amount of a line: `volume × unitPrice` rounded by {@link ROUNDING_RULE}. */
export function amount(volume: DecimalInput, unitPrice: DecimalInput): string {
  return roundMoney(toDec(volume).times(toDec(unitPrice)));
}

/** Sum of (already rounded) amounts, 2 decimals. An empty list sums to `'0.00'`. */
export function sumAmounts(amounts: Iterable<DecimalInput>): string {
  let total = new Dec(0);
  for (const a of amounts) total = total.plus(toDec(a));
  return roundMoney(total);
}

/** Exact sum of volumes, canonical string. */
export function sumVolumes(volumes: Iterable<DecimalInput>): string {
  let total = new Dec(0);
  for (const v of volumes) total = total.plus(toDec(v));
  return canonicalDecimal(total);
}

/** Orders two decimals: -1, 0 or 1 (usable as a comparator). */
export function compareDecimal(a: DecimalInput, b: DecimalInput): -1 | 0 | 1 {
  return toDec(a).comparedTo(toDec(b)) as -1 | 0 | 1;
}

/** True when the value is strictly greater than zero. */
export function isPositiveDecimal(value: DecimalInput): boolean {
  return toDec(value).greaterThan(0);
}

/**
 * Groups a plain-notation number with es-MX separators: `-1234567.5` → `-1,234,567.5`.
 * Input must come from `Dec#toFixed` (digits, optional sign and point).
 */
export function groupThousands(plain: string): string {
  const negative = plain.startsWith('-');
  const unsigned = negative ? plain.slice(1) : plain;
  const [integer = '0', fraction] = unsigned.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Displays a number with a fixed number of decimals, es-MX style (`1,234.56`), rounding half-even. */
export function formatFixed(value: DecimalInput, decimals: number): string {
  const d = toDec(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN);
  return groupThousands(d.isZero() ? new Dec(0).toFixed(decimals) : d.toFixed(decimals));
}

/**
 * Displays a volume: es-MX grouping, as many decimals as it has (at most 6, never trailing zeros)
 * unless `minDecimals` asks for more: `formatVolume('1234.5')` → `1,234.5`.
 */
export function formatVolume(value: DecimalInput, options: { minDecimals?: number } = {}): string {
  const d = toDec(value).toDecimalPlaces(VOLUME_DECIMALS, Decimal.ROUND_HALF_EVEN);
  const decimals = Math.max(d.decimalPlaces(), Math.min(options.minDecimals ?? 0, VOLUME_DECIMALS));
  return groupThousands(d.isZero() ? new Dec(0).toFixed(decimals) : d.toFixed(decimals));
}

/** Displays an amount with exactly 2 decimals and es-MX grouping: `1,234.56`. */
export function formatAmount(value: DecimalInput): string {
  return formatFixed(value, AMOUNT_DECIMALS);
}
