/** The CLI's progress bar on a terminal (stderr), redrawn in place about four times a second. */
import { MarketData } from "../engine/data/market-data";
import type { SymbolBars } from "../engine/data/symbol-bars";
import { dateBound, type RunSettings } from "../engine/settings";
import { numberText } from "../engine/settings/setting-kinds";

const WIDTH = 30;

/** How many bars the run will step through: its timeline, as the engine builds it from the same data and dates. */
export function barsToRun(bars: readonly SymbolBars[], settings: RunSettings): number {
  return new MarketData(bars, dateBound(settings.start, "start"), dateBound(settings.end, "end")).timeline.length;
}

/** `[#########.....................]  31%  858 / 2,768 bars`, without a line end (the caller returns the cursor). */
export function progressBar(done: number, total: number): string {
  const part = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.floor(part * WIDTH);
  const pct = `${Math.floor(part * 100)}%`.padStart(4);
  return `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${pct}  ${numberText(done)} / ${numberText(total)} bars`;
}
