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

/**
 * A float amount to the cent, as toCents(money(x)) rounds it (the decimal the float prints as,
 * half away from zero), without a Decimal unless x × 100 is within float error of a half cent.
 */
export function roundCents(x: number): number {
  const r = x * 100;
  const frac = Math.abs(r - Math.trunc(r));
  if (Math.abs(frac - 0.5) > Math.abs(r) * 1e-14 + 1e-9 && Math.abs(r) < 2 ** 52) {
    const k = Math.sign(r) * Math.round(Math.abs(r));
    return k / 100 + 0;
  }
  return (Math.abs(r) < 2 ** 52 ? centsOfText(String(x)) : null) ?? toCents(new Money(x));
}

/**
 * toCents(money(x)) from `String(x)`, the decimal decimal.js reads x as (its shortest form), when
 * it has no exponent: its whole cents, one more when the next digit is 5 or more (half away from
 * zero), read digit by digit without a Decimal. Null for an exponent form (or not a number).
 */
function centsOfText(text: string): number | null {
  if (text.includes("e")) return null;
  const negative = text.charCodeAt(0) === 0x2d;
  let k = 0;
  let i = negative ? 1 : 0;
  for (; i < text.length && text.charCodeAt(i) !== 0x2e; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return null; // "NaN", "Infinity"
    k = k * 10 + d;
  }
  // The cents are the two digits after the point (0 when absent); the third decides the rounding.
  const digit = (j: number) => (i + j < text.length ? text.charCodeAt(i + j) - 0x30 : 0);
  k = k * 100 + digit(1) * 10 + digit(2);
  if (digit(3) >= 5) k++;
  return negative ? -k / 100 : k / 100;
}

/** Prices in reports: six decimals drop binary-float noise without hiding slippage. */
export function roundPrice(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
