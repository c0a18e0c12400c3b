import { useSyncExternalStore } from "react";
import { appStoreApi } from "../../store/store";
import { barsForChart } from "./bar-cache";

/**
 * Each symbol's tick, for showing its prices with as many decimals as its data has (EURUSD's
 * 0.00001). Read from the symbol's bars, which the chart's bar cache loads (an imported file's
 * are already parsed); a symbol not asked for before is loaded once, and the tables show it again
 * when its tick is known. Replacing or removing an import forgets every tick.
 */
const ticks = new Map<string, number | null>();
const listeners = new Set<() => void>();
let version = 0;
let importsSeen: unknown = null;

function changed(): void {
  version++;
  for (const l of listeners) l();
}

/** A symbol's tick when known (undefined until its bars are loaded, which this starts). */
export function tickOf(symbol: string): number | undefined {
  const imported = appStoreApi().getState().imported;
  if (imported !== importsSeen) {
    importsSeen = imported;
    ticks.clear();
  }
  const known = ticks.get(symbol);
  if (known !== undefined) return known ?? undefined;
  ticks.set(symbol, null);
  void barsForChart(symbol).then(
    (bars) => {
      if (!bars || ticks.get(symbol) !== null) return;
      ticks.set(symbol, bars.tickSize);
      changed();
    },
    () => undefined,
  );
  return undefined;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `(symbol) => tick` for a table's rows (undefined until known); renders again as ticks arrive. */
export function useTickOf(): (symbol: string) => number | undefined {
  useSyncExternalStore(subscribe, () => version);
  return tickOf;
}
