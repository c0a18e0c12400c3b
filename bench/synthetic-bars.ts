import type { SymbolBars } from "../src/engine/data/symbol-bars";

/** A seeded random walk of daily bars (mulberry32), deterministic for every run. */
export function syntheticBars(symbol: string, n: number, seed = 42): SymbolBars {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const time = new Float64Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  let p = 100;
  for (let i = 0; i < n; i++) {
    time[i] = Date.UTC(1900, 0, 1) + i * 86_400_000;
    const o = Math.round(p * (1 + (rand() - 0.5) * 0.004) * 100) / 100;
    p = Math.max(1, p * (1 + (rand() - 0.5) * 0.03));
    const c = Math.round(p * 100) / 100;
    open[i] = o;
    close[i] = c;
    high[i] = Math.round(Math.max(o, c) * (1 + rand() * 0.01) * 100) / 100;
    low[i] = Math.round(Math.min(o, c) * (1 - rand() * 0.01) * 100) / 100;
    volume[i] = 1_000_000;
  }
  return { symbol, time, open, high, low, close, volume, tickSize: 0.01 };
}
