import { parseBarsCsv } from "../../engine/data/csv/csv-parser";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import { appStoreApi, type ImportedCsv } from "../../store/store";
import { readCsvInWorker } from "./parse-in-worker";
import { SAMPLE_FILES } from "./sample-data";

const cache = new Map<string, Promise<SymbolBars | null>>();
const importKey = (f: ImportedCsv, symbol: string) => `import:${f.name}:${f.file.size}:${symbol}`;

/** What the import worker made of an imported file: its bars and the parser's warnings. */
export interface ParsedFile {
  bars: readonly SymbolBars[];
  warnings: readonly string[];
}
/** Per imported file (the store's own object, so a replaced file is never mistaken for it). */
const parsedFiles = new WeakMap<ImportedCsv, ParsedFile>();

/**
 * Bars the import worker already parsed, so the chart shows them and the run worker gets them
 * without parsing the text again.
 */
export function primeImportBars(f: ImportedCsv, bars: readonly SymbolBars[], warnings: readonly string[]): void {
  for (const b of bars) cache.set(importKey(f, b.symbol), Promise.resolve(b));
  parsedFiles.set(f, { bars, warnings });
}

/** The parsed bars of an imported file, when the page has them (else the run worker reads its Blob). */
export function parsedImport(f: ImportedCsv): ParsedFile | undefined {
  return parsedFiles.get(f);
}

/**
 * A symbol's bars for the chart: an imported
 * CSV if the user loaded one with that symbol (parsed in the import worker, never on the page),
 * else the bundled file. Null when unknown.
 */
export function barsForChart(symbol: string): Promise<SymbolBars | null> {
  const imported = appStoreApi()
    .getState()
    .imported.find((c) => c.symbols.includes(symbol));
  const key = imported ? importKey(imported, symbol) : `sample:${symbol}`;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      if (imported) {
        const parsed = await readCsvInWorker(imported.name, imported.file);
        primeImportBars(imported, parsed.bars, parsed.warnings);
        return parsed.bars.find((b) => b.symbol === symbol) ?? null;
      }
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
