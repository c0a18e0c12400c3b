/**
 * The results' money to the cent and average prices to 1e-6, from the exact sums, without a
 * Decimal operation unless the float is within its error of a rounding boundary: the float
 * nearest an exact value rounds the same way as the value itself when it is clear of the half.
 */
import type { ExactSum } from "../account/exact-sum";
import { type Money, roundPrice, toCents } from "../account/money";
import type { Order } from "../orders/order";

/** Whether r (a float within a few units in the last place of the exact r) rounds as the exact one does. */
const clearOfHalf = (r: number): boolean =>
  Math.abs(r) < 2 ** 52 && Math.abs(Math.abs(r - Math.trunc(r)) - 0.5) > Math.abs(r) * 1e-14 + 1e-9;

/** toCents(exact()), given x, the float nearest the exact value. */
function centsOf(x: number, exact: () => Money): number {
  const r = x * 100;
  if (!clearOfHalf(r)) return toCents(exact());
  const k = Math.round(Math.abs(r));
  // As Decimal rounds: half away from zero, and a negative amount that rounds to 0 is −0.
  return k === 0 ? (x < 0 ? -0 : 0) : (Math.sign(r) * k) / 100;
}

/** `toCents(sum.value)`. */
export function sumCents(sum: ExactSum): number {
  return sum.isZero() ? 0 : centsOf(sum.toNumber(), () => sum.value);
}

/** `toCents(m)`. */
export function moneyCents(m: Money): number {
  return m.isZero() ? 0 : centsOf(m.toNumber(), () => m);
}

/**
 * An order's average fill price as `averagePrice` gives it, for an order with a fill. With one
 * fill it is that fill's price (its exact sum ÷ |shares| is the price itself), rounded as
 * `averagePrice` rounds it: to six decimals through the float (clear of a half, the float's
 * rounding is the exact value's; else `averagePrice` converts the exact price to that float and
 * rounds it the same way). No exact sum is made for it (most orders fill once).
 */
export function orderAveragePrice(o: Order): number {
  const only = o.onlyFillPrice;
  return only !== null ? roundPrice(only) : averagePrice(o.notionalSum, o.filled);
}

/** `roundPrice(notional.value ÷ |shares|)`, shares ≠ 0: an order's average fill price. */
export function averagePrice(notional: ExactSum, shares: number): number {
  const r = (notional.toNumber() / Math.abs(shares)) * 1e6;
  if (clearOfHalf(r)) return Math.round(r) / 1e6;
  return roundPrice(notional.value.div(Math.abs(shares)).toNumber());
}
