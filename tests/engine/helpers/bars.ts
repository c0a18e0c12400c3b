import type { SymbolBars } from "../../../src/engine/data/symbol-bars";

/** One bar: open, high, low, close and (optionally) volume, default 1,000,000. */
export type Row = readonly [open: number, high: number, low: number, close: number, volume?: number];

export const DAY_MS = 86_400_000;

/** Unix ms of midnight UTC of an ISO date. */
export function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/**
 * Daily bars of one symbol, one per calendar day from `start` (weekends included: the
 * engine does not care). `dates` overrides the days, e.g. to leave gaps.
 */
export function bars(
  symbol: string,
  rows: readonly Row[],
  start = "2024-01-01",
  opts: { tickSize?: number; dates?: readonly string[] } = {},
): SymbolBars {
  const n = rows.length;
  const col = (k: number, dflt = NaN) => Float64Array.from(rows, (r) => r[k] ?? dflt);
  const time = opts.dates
    ? Float64Array.from(opts.dates, day)
    : Float64Array.from({ length: n }, (_, i) => day(start) + i * DAY_MS);
  if (time.length !== n) throw new Error("bars: dates and rows differ in length");
  for (const r of rows) {
    const [o, h, l, c] = r;
    if (!(l <= Math.min(o, c) && h >= Math.max(o, c))) throw new Error(`bars: invalid OHLC row ${r.join(",")}`);
  }
  return {
    symbol,
    time,
    open: col(0),
    high: col(1),
    low: col(2),
    close: col(3),
    volume: col(4, 1_000_000),
    tickSize: opts.tickSize ?? 0.01,
  };
}

/** `n` flat bars at `price` (open = high = low = close). */
export function flat(price: number, n: number, volume = 1_000_000): Row[] {
  return Array.from({ length: n }, () => [price, price, price, price, volume] as const);
}
