// Checks that the sample data has the properties the examples need. Used by the test and
// printed by `npm run sample-data`, so a parameter change that breaks an example shows.

export function logReturns(close: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let t = 1; t < close.length; t++) out.push(Math.log(close[t] / close[t - 1]));
  return out;
}

export function correlation(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

export function annualVolatility(close: ArrayLike<number>): number {
  const r = logReturns(close);
  const mean = r.reduce((sum, x) => sum + x, 0) / r.length;
  const variance = r.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (r.length - 1);
  return Math.sqrt(variance * 252);
}

/** Compound annual growth of the close over the whole series. */
export function annualGrowth(close: ArrayLike<number>, years: number): number {
  return (close[close.length - 1] / close[0]) ** (1 / years) - 1;
}

export interface PairSignals {
  readonly entries: number;
  readonly exits: number;
}

/**
 * Replays the gallery's pairs rule on spread = a - b: enter when the rolling z-score
 * leaves ±entry, exit when it comes back inside ±exit.
 */
export function pairSignals(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  window = 30,
  entry = 2,
  exit = 0.5,
): PairSignals {
  const spread = Array.from({ length: a.length }, (_, t) => a[t] - b[t]);
  let entries = 0;
  let exits = 0;
  let inTrade = false;
  for (let t = window - 1; t < spread.length; t++) {
    const slice = spread.slice(t - window + 1, t + 1);
    const mean = slice.reduce((sum, x) => sum + x, 0) / window;
    // Sample standard deviation, as pandas .std() in the example computes it.
    const sd = Math.sqrt(slice.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (window - 1));
    const z = (spread[t] - mean) / sd;
    if (!inTrade && Math.abs(z) > entry) {
      inTrade = true;
      entries++;
    } else if (inTrade && Math.abs(z) < exit) {
      inTrade = false;
      exits++;
    }
  }
  return { entries, exits };
}

/** Days whose volume is at most `maxShares`, per calendar year of `dates`. */
export function thinDaysPerYear(
  volume: ArrayLike<number>,
  dates: readonly string[],
  maxShares = 2000,
): Map<number, number> {
  const perYear = new Map<number, number>();
  for (let t = 0; t < volume.length; t++) {
    const year = Number(dates[t].slice(0, 4));
    perYear.set(year, (perYear.get(year) ?? 0) + (volume[t] <= maxShares ? 1 : 0));
  }
  return perYear;
}

/** Days that open at least `minMove` (e.g. 0.03 = 3%) away from the previous close. */
export function bigGapCount(open: ArrayLike<number>, close: ArrayLike<number>, minMove = 0.03): number {
  let count = 0;
  for (let t = 1; t < open.length; t++) {
    if (Math.abs(open[t] / close[t - 1] - 1) >= minMove) count++;
  }
  return count;
}
