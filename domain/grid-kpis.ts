/**
 * KPIs of the production grid (spec §3.4), computed by this one function on the server and in the
 * browser so the numbers never drift (the legacy client recomputed them differently).
 *
 * Per currency (MXN and USD are never mixed):
 * - authorized = Σ amount(authorized volume, PU)
 * - produced before = Σ amount(volume produced before the 1st of the month, PU)
 * - produced this month = Σ amount(volume produced in the month, PU)
 * - remaining = authorized − produced before − produced this month (negative when over the cap)
 * Each amount is rounded per line (`ROUNDING_RULE` in money.ts) before summing.
 */
import { amount, roundMoney, sumAmounts, toDec, type DecimalInput } from './money.js';
import type { Currency } from './numbers-format.js';

/** One line item of the grid with the volumes the KPIs need. */
export interface KpiLineItem {
  readonly authorizedVolume: string;
  /** Unit price in MXN, `null` when the line has no MXN price. */
  readonly puMxn: string | null;
  /** Unit price in USD, `null` when the line has no USD price. */
  readonly puUsd: string | null;
  /** Volume produced before the month (all sites, both layers). */
  readonly producedBefore: string;
  /** Volume produced in the month (the grid's scope). */
  readonly producedThisMonth: string;
}

/** KPI amounts of one currency (2-decimal strings). */
export interface CurrencyKpis {
  readonly authorized: string;
  readonly producedBefore: string;
  readonly producedThisMonth: string;
  readonly remaining: string;
}

export type GridKpis = Readonly<Record<Currency, CurrencyKpis>>;

/** Amount of `volume` at `unitPrice`; a missing price means no amount in that currency (`'0.00'`). */
export function lineAmount(volume: DecimalInput, unitPrice: DecimalInput | null): string {
  return unitPrice === null ? '0.00' : amount(volume, unitPrice);
}

/** A line's amount in both currencies. */
export function lineAmounts(
  volume: DecimalInput,
  prices: { readonly puMxn: string | null; readonly puUsd: string | null },
): Record<Currency, string> {
  return { MXN: lineAmount(volume, prices.puMxn), USD: lineAmount(volume, prices.puUsd) };
}

function currencyKpis(items: readonly KpiLineItem[], price: (item: KpiLineItem) => string | null): CurrencyKpis {
  const authorized = sumAmounts(items.map((i) => lineAmount(i.authorizedVolume, price(i))));
  const producedBefore = sumAmounts(items.map((i) => lineAmount(i.producedBefore, price(i))));
  const producedThisMonth = sumAmounts(items.map((i) => lineAmount(i.producedThisMonth, price(i))));
  const remaining = roundMoney(toDec(authorized).minus(producedBefore).minus(producedThisMonth));
  return { authorized, producedBefore, producedThisMonth, remaining };
}

/** The four KPIs in MXN and in USD. */
export function gridKpis(items: readonly KpiLineItem[]): GridKpis {
  return { MXN: currencyKpis(items, (i) => i.puMxn), USD: currencyKpis(items, (i) => i.puUsd) };
}

/**
 * A single-currency ("homologado") figure: MXN + USD × rate, rounded by the rounding rule.
 * The rate must come with its date and source (stored per estimate); this only does the math.
 */
export function homologatedAmount(mxn: DecimalInput, usd: DecimalInput, exchangeRate: DecimalInput): string {
  return roundMoney(toDec(mxn).plus(toDec(usd).times(toDec(exchangeRate))));
}
