/**
 * The value of a series as it stood at each of the first `length` times of `at`: its last
 * value at or before that time (NaN before its first). Both time arrays ascend, so one pass
 * does it. The results' benchmark return and the chart's benchmark line both read the
 * benchmark this way, so the line ends where the Metrics tab says.
 */
export function forwardFill(
  at: ArrayLike<number>,
  length: number,
  source: { time: ArrayLike<number>; value: ArrayLike<number> },
): Float64Array {
  const out = new Float64Array(length);
  let c = -1;
  for (let t = 0; t < length; t++) {
    while (c + 1 < source.time.length && source.time[c + 1]! <= at[t]!) c++;
    out[t] = c >= 0 ? source.value[c]! : NaN;
  }
  return out;
}
