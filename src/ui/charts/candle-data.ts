import type { UTCTimestamp } from "lightweight-charts";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import { yieldToPage } from "../yield-to-page";
import { toChartTime } from "./chart-data";
import { VOLUME_DOWN, VOLUME_UP } from "./volume-layer";

export type Candle = { time: UTCTimestamp; open: number; high: number; low: number; close: number };
export type VolumeBar = { time: UTCTimestamp; value: number; color: string };

/** Rows built per slice: a few ms on a slow core (with its share of garbage collection). */
export const CANDLE_SLICE = 2_500;

/**
 * The chart library's objects for a symbol's columns (it takes nothing else), the volume
 * histogram's too when `withVolume`, built in slices of `CANDLE_SLICE` rows with a turn for the page between them. Null when `stale()` says a newer
 * symbol or file took over meanwhile.
 */
export async function buildCandleData(
  bars: SymbolBars,
  withVolume: boolean,
  stale: () => boolean,
): Promise<{ candles: Candle[]; volume: VolumeBar[] } | null> {
  const n = bars.time.length;
  const candles = new Array<Candle>(n);
  const volume = new Array<VolumeBar>(withVolume ? n : 0);
  for (let from = 0; from < n; from += CANDLE_SLICE) {
    // Small data is built at once; big data starts on a turn of its own (not in the task that
    // switched the symbol) and gives the page a turn between slices.
    if (n > CANDLE_SLICE) {
      await yieldToPage();
      if (stale()) return null;
    }
    fillRows(bars, from, Math.min(n, from + CANDLE_SLICE), candles, withVolume ? volume : null);
  }
  return { candles, volume };
}

/** buildCandleData at once, for a few thousand candles (a candle window picked again on a zoom). */
export function candleDataNow(bars: SymbolBars, withVolume: boolean): { candles: Candle[]; volume: VolumeBar[] } {
  const n = bars.time.length;
  const candles = new Array<Candle>(n);
  const volume = new Array<VolumeBar>(withVolume ? n : 0);
  fillRows(bars, 0, n, candles, withVolume ? volume : null);
  return { candles, volume };
}

function fillRows(bars: SymbolBars, from: number, to: number, candles: Candle[], volume: VolumeBar[] | null): void {
  const { time: t, open: o, high: h, low: l, close: c, volume: v } = bars;
  for (let i = from; i < to; i++) {
    const time = toChartTime(t[i]!);
    candles[i] = { time, open: o[i]!, high: h[i]!, low: l[i]!, close: c[i]! };
    if (volume) volume[i] = { time, value: v[i]!, color: c[i]! >= o[i]! ? VOLUME_UP : VOLUME_DOWN };
  }
}
