/**
 * Binary search, once. Every caller searches something sorted: a timeline, row offsets,
 * chart markers. `firstIndexWhere` is the one loop; the others name the common questions.
 */

/**
 * The first index in [0, count) where `holds(i)` is true, for a predicate that is false and
 * then true along the indices; `count` when it never holds.
 */
export function firstIndexWhere(count: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first element ≥ `t` in an ascending array (its length if none). */
export function firstIndexAtOrAfter(sorted: ArrayLike<number>, t: number): number {
  // The same loop as firstIndexWhere, inlined: the engine calls this per bar and per order.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last element ≤ `t` in an ascending array (−1 if none). */
export function lastIndexAtOrBefore(sorted: ArrayLike<number>, t: number): number {
  return firstIndexWhere(sorted.length, (i) => sorted[i]! > t) - 1;
}
