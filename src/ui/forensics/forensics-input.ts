import { firstIndexAtOrAfter } from "../../engine/data/sorted-search";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import { explainBar, type BarForensics } from "../../engine/matching/bar-forensics";
import type { FillModelName } from "../../engine/matching/fill-model";
import { slippageFromSpec, type SlippageSpec } from "../../engine/settings";
import type { SameBarPolicy } from "../../engine/settings/same-bar-setting";
import type { PlaygroundState } from "../../store/store";
import type { OpenBar } from "./forensics-store";

/** The settings the shown run used: its results' once done, else what it was started with. */
export function runSettingsOf(s: PlaygroundState): {
  fillModel: FillModelName;
  samePolicy: SameBarPolicy;
  volumeLimit: number | null;
} {
  const used = s.results.final?.run.settings;
  const sent = s.lastRunInput?.settings.run ?? s.settings.run;
  let volumeLimit: number | null = null;
  try {
    volumeLimit = slippageFromSpec((used?.slippage as SlippageSpec | undefined) ?? sent.slippage).volumeLimit;
  } catch {
    // A slippage spec the engine does not know cannot come from a run; no cap is the safe reading.
  }
  return {
    fillModel: used?.fillModel ?? sent.fillModel,
    samePolicy: used?.samePolicy ?? sent.sameBarPolicy,
    volumeLimit,
  };
}

/** Whether the run filled anything on `symbol` at bar time `dt`. */
export function hasFillAt(s: PlaygroundState, symbol: string, dt: number): boolean {
  return s.results.fills.some((f) => f.dt === dt && f.symbol === symbol);
}

/** The forensics of one bar of the chart's bars, from the page's results; null when the bar is not there. */
export function forensicsOf(s: PlaygroundState, bars: SymbolBars, dt: number): BarForensics | null {
  const i = firstIndexAtOrAfter(bars.time, dt);
  if (i >= bars.time.length || bars.time[i] !== dt) return null;
  return explainBar({
    symbol: bars.symbol,
    tick: bars.tickSize,
    bar: {
      dt,
      open: bars.open[i]!,
      high: bars.high[i]!,
      low: bars.low[i]!,
      close: bars.close[i]!,
      volume: bars.volume[i]!,
    },
    ...runSettingsOf(s),
    orders: Object.fromEntries(Array.from(s.results.orders.values(), (r) => [r.order.id, r])),
    fills: s.results.fills,
    stopMoves: s.results.stopMoves,
  });
}

/**
 * A click on the price chart at logical bar `logical`, `x` px from its left of `width`: opens the
 * panel when the run filled anything on that bar, on the half of the chart away from it.
 */
export function openForensicsAtClick(
  s: PlaygroundState,
  bars: SymbolBars | null,
  logical: number | undefined,
  x: number,
  width: number,
  open: (bar: OpenBar) => void,
): void {
  if (!bars || logical === undefined) return;
  const i = Math.round(logical);
  if (i < 0 || i >= bars.time.length) return;
  const dt = bars.time[i]!;
  if (hasFillAt(s, bars.symbol, dt)) open({ symbol: bars.symbol, dt, ...placement(x, width) });
}

/** The panel's widest and narrowest widths, and the price axis it stays clear of (px). */
const PANEL_MAX = 372;
const PANEL_MIN = 280;
const AXIS = 72;

/** The side of the chart with more room beside the clicked bar, and a width that leaves the bar visible. */
export function placement(x: number, width: number): Pick<OpenBar, "side" | "width"> {
  const leftRoom = x - 8 - 16;
  const rightRoom = width - AXIS - x - 16;
  const side = leftRoom >= rightRoom ? "left" : "right";
  return { side, width: Math.max(PANEL_MIN, Math.min(PANEL_MAX, Math.max(leftRoom, rightRoom))) };
}
