import type { SymbolBars } from "../../engine/data/symbol-bars";
import { appStoreApi, type ImportedCsv } from "../../store/store";
import { primeImportBars } from "./bar-cache";
import { offerParsedImports } from "../run/run-controller";
import { yieldToPage } from "../yield-to-page";
import { readCsvInWorker } from "./parse-in-worker";
import { SAMPLE_SYMBOLS } from "./sample-data";

/** An import waiting for the user to say whether it may replace symbols that already exist. */
export interface PendingImport {
  csv: ImportedCsv;
  bars: SymbolBars[];
  /** The parser's notes (rows sorted, …), which the run reports as it would parsing the text. */
  warnings: string[];
  /** Symbols it would replace, each with what holds it now ("bundled" or the file name). */
  replaces: { symbol: string; from: string }[];
}

/** Files from this size open the Data panel while they import, so the progress is seen. */
export const BIG_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * Imports a CSV: read with progress and parsed in the import worker with the CLI's parser (the
 * page only hands the file over and keeps it as a Blob; it never reads, decodes or parses it), then added at once, or held for a
 * confirmation when it would replace a symbol that exists (bundled or imported). A broken file changes nothing and says file, line and column.
 * `replacing` names an import the user chose to replace: it goes without asking.
 */
export async function importCsvFile(file: File, replacing?: string): Promise<void> {
  const store = appStoreApi();
  const s = store.getState();
  performance.mark("import: start", { detail: { name: file.name, bytes: file.size } });
  s.setImportProgress({ name: file.name, stage: "reading", done: 0, total: file.size });
  if (file.size >= BIG_IMPORT_BYTES) s.setPanel("data");
  try {
    const { bars, warnings, text } = await readCsvInWorker(file.name, file, (stage, done, total) => {
      // Where the worker's time went: reading the file, then parsing it (bench/browser reads the marks).
      if (stage === "parsing" && store.getState().importProgress?.stage === "reading") performance.mark("import: read");
      store.getState().setImportProgress({ name: file.name, stage, done, total });
    });
    performance.mark("import: parsed");
    // The reply (the columns) was taken in during this task: the rest gets its own.
    await yieldToPage();
    // The File itself is kept (a Blob: IndexedDB stores it as it is), not its text.
    const csv: ImportedCsv = {
      name: file.name,
      file,
      ...(text !== undefined ? { text } : {}),
      symbols: bars.map((b) => b.symbol),
    };
    const now = store.getState();
    const replaces: PendingImport["replaces"] = [];
    for (const sym of csv.symbols) {
      const holder = now.imported.find((f) => f.symbols.includes(sym) && f.name !== replacing && f.name !== file.name);
      if (holder) replaces.push({ symbol: sym, from: holder.name });
      else if (SAMPLE_SYMBOLS.includes(sym) && !now.imported.some((f) => f.symbols.includes(sym)))
        replaces.push({ symbol: sym, from: "bundled data" });
    }
    const sameName = now.imported.find((f) => f.name === file.name && f.name !== replacing);
    if (sameName)
      for (const sym of sameName.symbols)
        if (!replaces.some((r) => r.symbol === sym)) replaces.push({ symbol: sym, from: sameName.name });
    store.getState().setImportProgress(null);
    const pending = { csv, bars, warnings, replaces };
    if (replaces.length > 0) store.getState().setPendingImport(pending);
    else applyImport(pending, replacing);
  } catch (e) {
    store.getState().setImportProgress(null);
    store.getState().setImportError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Adds the import, dropping the files whose symbols it replaces, and shows it on the chart: the
 * Data panel (open for the progress of a big file, or for Replace) closes so the chart is seen.
 */
export function applyImport(p: PendingImport, replacing?: string): void {
  const s = appStoreApi().getState();
  if (s.panel === "data") s.setPanel("none");
  const gone = new Set(p.replaces.filter((r) => r.from !== "bundled data").map((r) => r.from));
  if (replacing) gone.add(replacing);
  for (const name of gone) s.removeImport(name);
  primeImportBars(p.csv, p.bars, p.warnings);
  s.addImport(p.csv);
  offerParsedImports();
  s.setPendingImport(null);
  if (p.csv.symbols[0]) s.setChartSymbol(p.csv.symbols[0]);
}
