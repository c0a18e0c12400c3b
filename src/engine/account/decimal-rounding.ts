/**
 * decimal.js's arithmetic on whole numbers of 10^-scale units held in a bigint. Money keeps 40
 * significant digits (money.ts): decimal.js computes each sum, product and quotient exactly and
 * rounds it to 40 significant digits, half to even. Doing the same here, one operation at a
 * time and in the same order as the Decimal expression it replaces, gives the same value
 * without a Decimal (exact-sum.ts uses it where a result can pass 38 digits: a cost basis
 * divided on a partial close).
 */

/** Significant digits a Money result keeps (`precision` in money.ts). */
export const SIGNIFICANT_DIGITS = 40;

/** A value m × 10^-scale (scale may be negative for whole numbers past 40 digits). */
export interface Units {
  readonly m: bigint;
  readonly scale: number;
}

const POW10N: readonly bigint[] = Array.from({ length: 200 }, (_, i) => 10n ** BigInt(i));

/** 10^40: a whole number below it in size has at most 40 digits. */
const FORTY_DIGITS = POW10N[SIGNIFICANT_DIGITS]!;

/** 10^k as a bigint. */
export function pow10n(k: number): bigint {
  return k < POW10N.length ? POW10N[k]! : 10n ** BigInt(k);
}

/** How many decimal digits |m| has (0 for 0). */
export function digitsOf(m: bigint): number {
  const a = m < 0n ? -m : m;
  if (a >= POW10N[POW10N.length - 1]!) return a.toString().length;
  let lo = 0; // 10^lo <= a < 10^hi, searched for the smallest hi with a < 10^hi
  let hi = POW10N.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a < POW10N[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * `q` rounded at its last digit, half to even, given what was cut off: `cut` of `unit` (the
 * value of one in q's last place, in the units cut), plus `sticky` when more nonzero digits
 * went beyond it. Signs follow q (or the cut part when q is 0).
 */
function roundCut(q: bigint, cut: bigint, unit: bigint, sticky: boolean, negative: boolean): bigint {
  const twice = 2n * (cut < 0n ? -cut : cut);
  const up = twice > unit || (twice === unit && (sticky || (q & 1n) !== 0n));
  if (!up) return q;
  return negative ? q - 1n : q + 1n;
}

/** m × 10^-scale rounded to 40 significant digits, half to even (as a Decimal result is). */
export function roundUnits(m: bigint, scale: number): Units {
  // Most results have 40 digits or fewer: two comparisons instead of counting the digits.
  if (m < FORTY_DIGITS && m > -FORTY_DIGITS) return { m, scale };
  const drop = digitsOf(m) - SIGNIFICANT_DIGITS;
  if (drop <= 0) return { m, scale };
  const unit = pow10n(drop);
  const q = m / unit; // toward zero
  return { m: roundCut(q, m - q * unit, unit, false, m < 0n), scale: scale - drop };
}

/** (m × 10^-scale) / n, n a whole number ≠ 0, rounded to 40 significant digits, half to even. */
export function divUnits(m: bigint, scale: number, n: number): Units {
  if (m === 0n) return { m: 0n, scale: 0 };
  const d = BigInt(n);
  // Scale the dividend up so that the whole quotient has more than 40 digits, then round once.
  const k = Math.max(0, SIGNIFICANT_DIGITS + 1 + digitsOf(d) - digitsOf(m));
  const x = m * pow10n(k);
  const q = x / d;
  const rest = x - q * d;
  const drop = digitsOf(q) - SIGNIFICANT_DIGITS;
  const negative = m < 0n !== d < 0n;
  // At least 41 digits by the choice of k, so something is always cut off.
  if (drop <= 0) throw new Error(`divUnits: a ${digitsOf(q)}-digit quotient`);
  const unit = pow10n(drop);
  const top = q / unit;
  return { m: roundCut(top, q - top * unit, unit, rest !== 0n, negative), scale: scale + k - drop };
}

/** a − b, exact, then rounded as a Decimal `minus` is. */
export function subUnits(a: Units, b: Units): Units {
  return addUnits(a, { m: -b.m, scale: b.scale });
}

/** a + b, exact, then rounded as a Decimal `plus` is. */
export function addUnits(a: Units, b: Units): Units {
  if (a.scale === b.scale) return roundUnits(a.m + b.m, a.scale);
  if (a.scale > b.scale) return roundUnits(a.m + b.m * pow10n(a.scale - b.scale), a.scale);
  return roundUnits(a.m * pow10n(b.scale - a.scale) + b.m, b.scale);
}

/** a × n, n a whole number, exact, then rounded as a Decimal `times` is. */
export function mulUnits(a: Units, n: number): Units {
  return roundUnits(a.m * BigInt(n), a.scale);
}

/** The decimal text decimal.js reads back as exactly this value. */
export function unitsText(m: bigint, scale: number): string {
  return `${m}e${-scale}`;
}
