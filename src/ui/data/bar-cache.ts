import { parseBarsCsv } from "../../engine/data/csv/csv-parser";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import { appStoreApi } from "../../store/store";
import { SAMPLE_FILES } from "./sample-data";

const cache = new Map<string, Promise<SymbolBars | null>>();

/**
 * A symbol's bars for the chart (the run itself parses its data in the worker): an imported
 * CSV if the user loaded one with that symbol, else the bundled file. Null when unknown.
 */
export function barsForChart(symbol: string): Promise<SymbolBars | null> {
  const imported = appStoreApi()
    .getState()
    .imported.find((c) => c.symbols.includes(symbol));
  const key = imported ? `import:${imported.name}:${imported.text.length}:${symbol}` : `sample:${symbol}`;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      if (imported) return parseBarsCsv(imported.text, imported.name).bars.find((b) => b.symbol === symbol) ?? null;
      const file = SAMPLE_FILES.find((f) => f.symbol === symbol);
      if (!file) return null;
      const text = await (await fetch(file.url)).text();
      return parseBarsCsv(text, file.name).bars[0] ?? null;
    })();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
