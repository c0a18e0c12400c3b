/**
 * Decimal digits written straight into a DataView, two at a time from the right: the digits of
 * money, prices and shares in the results JSON (json-bytes.ts decides when they are what
 * `String(x)` writes).
 */

/** Powers of ten up to 10^15, exact. */
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** Two ASCII digits as a big-endian 16-bit word, for 0 to 99. */
const PAIRS: readonly number[] = Array.from(
  { length: 100 },
  (_, i) => ((0x30 + Math.floor(i / 10)) << 8) | (0x30 + (i % 10)),
);

/** How many digits the whole number w (0 ≤ w < 10^15) has. */
function digitCount(w: number): number {
  let n = 1;
  while (n < 15 && w >= POW10[n]!) n++;
  return n;
}

/** The `n` last digits of w (0 ≤ w < 10^n, n ≥ 1), with leading zeros, ending just before `end`. */
function writeDigitsBefore(view: DataView, end: number, w: number, n: number): void {
  let q = end;
  const start = end - n;
  // Above int32, float steps down to it; then int32 arithmetic, where V8's `/` and `%` are fast.
  while (w > 0x7fffffff) {
    const hi = Math.floor(w / 100);
    q -= 2;
    view.setUint16(q, PAIRS[w - hi * 100]!);
    w = hi;
  }
  let v = w | 0;
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
