import type { SymbolBars } from "../src/engine/data/symbol-bars";
import { DAY_MS as DAY } from "../src/engine/data/utc-day";

const SIGMA = 0.015;

/** mulberry32: a small seeded generator, the same numbers on every machine. */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export interface WalkOptions {
  symbol: string;
  bars: number;
  seed: number;
  start: number;
  /** Business days only (Mon–Fri) when true, every calendar day otherwise. */
  businessDays: boolean;
  p0?: number;
}

/**
 * A log random walk like the peer benchmark's data: σ ≈ 1.5 % a bar, overnight gaps of a quarter
 * of that, 2 % of days with an extra ~3 % jump, a weak pull to the start price (half-life 2,520
 * bars) so 200,000 bars stay in a sane band, prices rounded to 4 decimals.
 */
export function walkBars(o: WalkOptions): SymbolBars {
  const u = uniform(o.seed);
  const n01 = normal(u);
  const p0 = o.p0 ?? 100;
  const lp0 = Math.log(p0);
  const theta = Math.LN2 / 2520;
  const time = new Float64Array(o.bars);
  const open = new Float64Array(o.bars);
  const high = new Float64Array(o.bars);
  const low = new Float64Array(o.bars);
  const close = new Float64Array(o.bars);
  const volume = new Float64Array(o.bars);
  let lc = lp0;
  let t = o.start;
  for (let i = 0; i < o.bars; i++) {
    if (o.businessDays) while (new Date(t).getUTCDay() % 6 === 0) t += DAY;
    const jump = u() < 0.02 ? n01() * 0.03 : 0;
    const lo = lc + n01() * 0.25 * SIGMA + jump - theta * (lc - lp0);
    lc = lo + n01() * Math.sqrt(1 - 0.0625) * SIGMA;
    const op = round4(Math.exp(lo));
    const cl = round4(Math.exp(lc));
    time[i] = t;
    open[i] = op;
    close[i] = cl;
    high[i] = Math.max(round4(Math.max(op, cl) * Math.exp(Math.abs(n01()) * 0.5 * SIGMA)), op, cl);
    low[i] = Math.min(round4(Math.min(op, cl) * Math.exp(-Math.abs(n01()) * 0.5 * SIGMA)), op, cl);
    volume[i] = Math.round(Math.exp(Math.log(1e6) + n01() * 0.5));
    t += DAY;
  }
  return { symbol: o.symbol, time, open, high, low, close, volume, tickSize: 0.01 };
}

/** `count` assets × `bars` business days from 2010-01-04, seeds 1000 + k, start prices 20 + 10k. */
export function walkUniverse(count: number, bars: number, prefix = "ASSET_"): SymbolBars[] {
  const width = Math.max(2, String(count - 1).length);
  return Array.from({ length: count }, (_, k) =>
    walkBars({
      symbol: prefix + String(k).padStart(width, "0"),
      bars,
      seed: 1000 + k,
      start: Date.UTC(2010, 0, 4),
      businessDays: true,
      p0: 20 + 10 * (k % 50),
    }),
  );
}
