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
  // Each symbol's times inside [start, end], as views (the engine only reads the timeline).
  let runs = bars.map((b) => {
    const t = b.time;
    const from = lastIndexBefore(t, start) + 1;
    return t.subarray(from, Math.max(from, lastIndexAtOrBefore(t, end) + 1));
  });
  // One calendar (one symbol, or all on the same times): its view, not a copy (200,000 bars are 1.6 MB).
  if (bars.length === 1 || bars.every((b) => sameTimes(b.time, bars[0]!.time))) return runs[0]!;
  // Merge the sorted runs two by two until one is left: O(n log k) for k symbols, no sort.
  while (runs.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i < runs.length; i += 2)
      next.push(i + 1 < runs.length ? mergeUnique(runs[i]!, runs[i + 1]!) : runs[i]!);
    runs = next;
  }
  return runs[0]!;
}

/** The sorted union of two ascending arrays without repeats, each time once. */
function mergeUnique(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  // Written through a prototype-less view: a locked-down realm stores into `out` itself slowly.
  const slots = storeView(out);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) i++;
    if (y <= x) j++;
    slots[n++] = x < y ? x : y;
  }
  while (i < a.length) slots[n++] = a[i++]!;
  while (j < b.length) slots[n++] = b[j++]!;
  return out.subarray(0, n);
}
