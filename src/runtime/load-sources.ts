import { mergeBars, parseBarsCsv } from "../engine/data/csv/csv-parser";
import type { SymbolBars } from "../engine/data/symbol-bars";
import type { DataSource } from "./protocol";

/** Read every source (fetching URLs with `fetchText`), parse, and merge; DataError on bad input. */
export async function loadSources(
  sources: readonly DataSource[],
  fetchText: (url: string) => Promise<string>,
): Promise<{ bars: SymbolBars[]; warnings: string[] }> {
  const texts = await Promise.all(
    sources.map(async (d) => ({ name: d.name, text: "text" in d ? d.text : await fetchText(d.url) })),
  );
  const warnings: string[] = [];
  const lists = texts.map((t) => {
    const r = parseBarsCsv(t.text, t.name);
    warnings.push(...r.warnings);
    return r.bars;
  });
  return {
    bars: mergeBars(
      lists,
      texts.map((t) => t.name),
    ),
    warnings,
  };
}
