/**
 * Decimal digits written straight into a DataView, two at a time from the right: the digits of
 * money, prices and shares in the results JSON (json-bytes.ts decides when they are what
 * `String(x)` writes).
 */

/** Powers of ten up to 10^15, exact. */
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** Two ASCII digits as a big-endian 16-bit word, for 0 to 99. */
export const PAIRS: readonly number[] = Array.from(
  { length: 100 },
  (_, i) => ((0x30 + Math.floor(i / 10)) << 8) | (0x30 + (i % 10)),
);

/** How many digits the whole number w (0 ≤ w < 10^15) has. */
function digitCount(w: number): number {
  if (w < 1e5) return w < 100 ? (w < 10 ? 1 : 2) : w < 1e3 ? 3 : w < 1e4 ? 4 : 5;
  if (w < 1e10) return w < 1e7 ? (w < 1e6 ? 6 : 7) : w < 1e8 ? 8 : w < 1e9 ? 9 : 10;
  let n = 11;
  while (n < 15 && w >= POW10[n]!) n++;
  return n;
}

/** The `n` last digits of w (0 ≤ w < 10^n ≤ 10^15, n ≥ 1), with leading zeros, ending just before `end`. */
function writeDigitsBefore(view: DataView, end: number, w: number, n: number): void {
  if (w <= 0x7fffffff) return writeIntDigitsBefore(view, end, w | 0, n);
  // Above int32 (times in ms, say) one float step splits w into two int32 parts, its last eight
  // digits and the rest (at most seven): int32 arithmetic from there, where V8's `/` and `%` are
  // fast and, in a first (unoptimized) run, no step makes a heap number. n ≥ 10 here.
  const hi = Math.floor(w / 1e8);
  writeIntDigitsBefore(view, end, (w - hi * 1e8) | 0, 8);
  writeIntDigitsBefore(view, end - 8, hi | 0, n - 8);
}

/** writeDigitsBefore for an int32 w ≥ 0. */
function writeIntDigitsBefore(view: DataView, end: number, v: number, n: number): void {
  let q = end;
  const start = end - n;
  while (q - start >= 2) {
    const hi = (v / 100) | 0;
    q -= 2;
    view.setUint16(q, PAIRS[v - hi * 100]!);
    v = hi;
  }
  if (q > start) view.setUint8(start, 0x30 + v);
}

/** The whole number w (0 ≤ w < 10^15) at `p`; the position after it. */
export function writeWhole(view: DataView, p: number, w: number): number {
  const end = p + digitCount(w);
  writeDigitsBefore(view, end, w, end - p);
  return end;
}

/** k / 10^d (k whole, 0 < |k| < 10^15, d ≤ 6) at `p`, trailing zeros of the fraction dropped; the position after it. */
export function writeFixed(view: DataView, p: number, k: number, d: number): number {
  if (k < 0) {
    view.setUint8(p++, 0x2d);
    k = -k;
  }
  if (d === 2 && k <= 0x7fffffff) return writeCents(view, p, k | 0);
  const scale = POW10[d]!;
  const whole = Math.floor(k / scale);
  let frac = (k - whole * scale) | 0; // < 10^6
  p = writeWhole(view, p, whole);
  if (frac === 0) return p;
  let places = d;
  while (frac % 10 === 0) {
    frac = (frac / 10) | 0;
    places--;
  }
  view.setUint8(p++, 0x2e);
  writeDigitsBefore(view, p + places, frac, places);
  return p + places;
}

/** c / 100 for an int32 c ≥ 0 (money in cents, the equity rows' two columns): writeFixed(c, 2) in int32 steps. */
export function writeCents(view: DataView, p: number, c: number): number {
  const whole = (c / 100) | 0;
  const frac = c - whole * 100;
  p = writeWhole(view, p, whole);
  if (frac === 0) return p;
  const tens = (frac / 10) | 0;
  view.setUint8(p++, 0x2e);
  if (frac === tens * 10) {
    view.setUint8(p, 0x30 + tens);
    return p + 1;
  }
  view.setUint16(p, PAIRS[frac]!);
  return p + 2;
}

/** Whole numbers of at most 15 digits print as their digits: no other decimal that short is the same float. */
export const MAX_DIGITS_VALUE = 1e15;

/**
 * `String(x)` at `p` when x is 0, or whole, or has at most six decimals, with at most 15 digits in
 * all (money, prices, shares, times in ms): the position after it. −1 (nothing written) for
 * anything else, which the caller writes from `String(x)`.
 */
export function writeShortest(view: DataView, p: number, x: number): number {
  if (x === 0) {
    view.setUint8(p, 0x30); // also −0, as String writes it
    return p + 1;
  }
  if (!(Math.abs(x) < MAX_DIGITS_VALUE)) return -1;
  if (Number.isInteger(x)) return writeFixed(view, p, x, 0);
  // x = k / 10^d with k whole and at most 15 digits: then k's digits are x's shortest form.
  const c = Math.round(x * 100);
  if (c / 100 === x && Math.abs(c) < MAX_DIGITS_VALUE) return writeFixed(view, p, c, 2);
  const m = Math.round(x * 1e6);
  if (m / 1e6 === x && Math.abs(m) < MAX_DIGITS_VALUE) return writeFixed(view, p, m, 6);
  return -1;
}
