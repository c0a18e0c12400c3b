import type { Money } from "../account/money";

/** 10^i, exact as a float for i ≤ 22. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** decimal.js keeps a value's digits in words of seven, aligned on the decimal point. */
const WORD = 1e7;
const WORD_DIGITS = 7;

/**
 * `m.div(shares).toNumber()` — an exact amount of money per share, as the float nearest it — for
 * `shares` a whole number, without a Decimal division (a run's round trips make one per fill, and
 * they run cold, once a run). When m is K × 10^-s with K and 10^s × |shares| both safe integers,
 * the float division K / (10^s × |shares|) is the float nearest the exact quotient, and so is the
 * Decimal's: it rounds to 40 significant digits first, but a quotient of two integers below 2^53
 * that is not a float itself lies at least 2^-107 (relative) from every midpoint between two
 * floats, far more than a 40-digit rounding moves it, and one that is a float (an integer below
 * 2^53 over a power of two) stays it. Anything else takes the Decimal division.
 * Reads the Decimal's documented own properties: `d` (its digits in words of seven), `e` (its
 * decimal exponent) and `s` (its sign).
 */
export function perShare(m: Money, shares: number): number {
  const n = Math.abs(shares);
  const words = m.d;
  if (Number.isSafeInteger(n) && n > 0 && words !== null && words.length > 0) {
    // The exponent of the last word, in words: the value is the words' integer × WORD^last.
    const last = Math.floor(m.e / WORD_DIGITS) - (words.length - 1);
    let k = 0;
    for (let i = 0; i < words.length; i++) k = k * WORD + words[i]!;
    let scale = 0;
    if (last >= 0) k *= POW10[WORD_DIGITS * last] ?? Infinity;
    else scale = -WORD_DIGITS * last;
    // Every step above was exact while k stays a safe integer (it only grows); so is each tenth taken off.
    if (Number.isSafeInteger(k) && k > 0) {
      while (scale > 0 && k % 10 === 0) {
        k /= 10;
        scale--;
      }
      const divisor = n * (POW10[scale] ?? Infinity);
      if (Number.isSafeInteger(divisor)) return (m.s * k) / divisor;
    }
  }
  return m.div(n).toNumber();
}
