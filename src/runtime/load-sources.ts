import { mergeBars, parseBarsCsv } from "../engine/data/csv/csv-parser";
import type { SymbolBars } from "../engine/data/symbol-bars";
import type { DataSource } from "./protocol";

/**
 * Every source's bars, merged: URLs fetched with `fetchText` and texts parsed (DataError on bad
 * input); parsed bars (already checked by readWorkerRequest) taken as they are, with their
 * warnings, so the run is the same whichever way a file arrived.
 */
export async function loadSources(
  sources: readonly DataSource[],
  fetchText: (url: string) => Promise<string>,
): Promise<{ bars: SymbolBars[]; warnings: string[] }> {
  const parsed = await Promise.all(
    sources.map(async (d) => {
      if ("bars" in d) return { bars: d.bars, warnings: d.warnings };
      // The worker swaps an import sent ahead for its checked columns before calling this.
      if ("prepared" in d) throw new Error(`the import ${d.name} sent ahead was not taken`);
      const text = "text" in d ? d.text : "file" in d ? await d.file.text() : await fetchText(d.url);
      return parseBarsCsv(text, d.name);
    }),
  );
  return {
    bars: mergeBars(
      parsed.map((p) => p.bars),
      sources.map((d) => d.name),
    ),
    warnings: parsed.flatMap((p) => p.warnings),
  };
}
