import type { Asset } from "./asset";
import type { SymbolBars } from "./symbol-bars";
import { describeValue, excerpt } from "../excerpt";
import { StrategyError } from "../strategy-error";
import { firstIndexAtOrAfter, lastIndexAtOrBefore } from "./sorted-search";
import { type Slots, storeView } from "./store-view";

/**
 * All loaded bars plus the run's timeline (the sorted union of every symbol's bar times
 * inside [start, end]) and, per symbol, a cursor to its latest bar at the current time.
 * Bars before `start` stay visible to `data.history` as warm-up.
 */
export class MarketData {
  readonly assets: Asset[];
  readonly timeline: Float64Array;
  /** Per symbol: index of its last bar at or before the current time, −1 before its first. */
  readonly cursor: Int32Array;
  /** Per symbol: 1 when it has a bar exactly at the current time. */
  readonly hasBar: Uint8Array;
  private readonly bySymbol = new Map<string, Asset>();
  // Written through prototype-less views (store-view.ts); read through the arrays above.
  private readonly cursorSlots: Slots;
  private readonly hasBarSlots: Slots;

  constructor(
    readonly bars: readonly SymbolBars[],
    start = -Infinity,
    end = Infinity,
  ) {
    // Frozen: user code holds these (`this.symbol("AAPL")`), and `asset.symbol = "FAKE"` or a
    // changed `sid` must not reach the engine, which keys positions and orders by them.
    this.assets = bars.map((b, sid) => Object.freeze({ symbol: b.symbol, tickSize: b.tickSize, sid }));
    for (const a of this.assets) this.bySymbol.set(a.symbol, a);
    this.timeline = unionTimeline(bars, start, end);
    this.cursor = new Int32Array(bars.length);
    this.hasBar = new Uint8Array(bars.length);
    this.cursorSlots = storeView(this.cursor);
    this.hasBarSlots = storeView(this.hasBar);
    const first = this.timeline.length > 0 ? this.timeline[0]! : Infinity;
    bars.forEach((b, sid) => {
      this.cursor[sid] = lastIndexBefore(b.time, first);
    });
  }

  /** Move every symbol's cursor to the timeline's bar `t`. Called once per bar, in order. */
  advance(t: number): void {
    const now = this.timeline[t]!;
    const { bars, cursor, cursorSlots, hasBarSlots } = this;
    for (let sid = 0; sid < bars.length; sid++) {
      const time = bars[sid]!.time;
      const was = cursor[sid]!;
      let c = was;
      while (c + 1 < time.length && time[c + 1]! <= now) c++;
      if (c !== was) cursorSlots[sid] = c;
      hasBarSlots[sid] = c >= 0 && time[c] === now ? 1 : 0;
    }
  }

  symbol(name: string): Asset {
    const a = typeof name === "string" ? (this.bySymbol.get(name) ?? this.bySymbol.get(name.toUpperCase())) : undefined;
    if (!a) {
      const loaded = excerpt(this.assets.map((x) => x.symbol).join(", "), 200) || "no symbols";
      throw new StrategyError(
        `unknown symbol ${describeValue(name).replace(/^the string /, "")}: the loaded data has ${loaded}`,
      );
    }
    return a;
  }

  /** Last close at or before the current time, NaN before the symbol's first bar. */
  lastClose(sid: number): number {
    const c = this.cursor[sid]!;
    return c < 0 ? Number.NaN : this.bars[sid]!.close[c]!;
  }
}

/** Whether two symbols have bars at exactly the same times (a shared calendar: no merge needed). */
function sameTimes(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Index of the last element < `t` in a sorted array (−1 if none). */
function lastIndexBefore(time: Float64Array, t: number): number {
  return firstIndexAtOrAfter(time, t) - 1;
}

function unionTimeline(bars: readonly SymbolBars[], start: number, end: number): Float64Array {
  if (bars.length === 1 || bars.every((b) => sameTimes(b.time, bars[0]!.time))) {
    // A view, not a copy: the engine only reads the timeline, and 200,000 bars are 1.6 MB.
    const t = bars[0]!.time;
    const from = lastIndexBefore(t, start) + 1;
    const to = Math.max(from, lastIndexAtOrBefore(t, end) + 1);
    return t.subarray(from, to);
  }
  const all: number[] = [];
  for (const b of bars) for (const x of b.time) if (x >= start && x <= end) all.push(x);
  const sorted = Float64Array.from(all).sort();
  const slots = storeView(sorted);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) slots[n++] = sorted[i]!;
  return sorted.slice(0, n);
}
