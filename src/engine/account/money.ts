import Decimal from "decimal.js";

/**
 * Exact money. A private Decimal constructor with enough precision that sums of
 * price × shares never round; only averages (cost basis) divide.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
export type Money = Decimal;

export const ZERO: Money = new Money(0);

export function money(x: number | string | Decimal): Money {
  return new Money(x);
}

/** Round to the cent for reports (half away from zero, as people round money). */
export function toCents(x: Money): number {
  return x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

export function roundCents(x: number): number {
  return toCents(new Money(x));
}

/** Prices in reports: six decimals drop binary-float noise without hiding slippage. */
export function roundPrice(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
