/** `--link`: the strategy, settings and data a share link names, ready for the CLI's run. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { mergeBars, parseBarsCsv, type ParsedBars } from "../engine/data/csv/csv-parser";
import { DataError } from "../engine/data/symbol-bars";
import type { RunSettings } from "../engine/settings";
import { decodeShareLink } from "../share/link-codec";
import type { SharedStrategy } from "../share/shared-strategy";
import { readLinkSettings } from "../share/link-settings";
import { ArgError } from "./args";
import { loadDataPath, readCsvFile } from "./load-data";

export interface LinkInput {
  link: SharedStrategy;
  settings: RunSettings;
  data: ParsedBars;
}

/** The run settings a link carries: the defaults with the link's differences laid over (decoding checked them). */
export function linkRunSettings(link: SharedStrategy): RunSettings {
  const r = readLinkSettings(link.settings);
  if (!r.ok) throw new ArgError(`--link: tampered: ${r.errors.join("; ")}`);
  return r.value.run;
}

/**
 * Decodes the link (ArgError with the codec's message when it is bad) and loads its data: the
 * bundled symbols from `sampleDir`, the CSVs the link carries, and `dataPath` for the files it
 * only names. DataError when a symbol is missing or the data is bad.
 */
export function linkInput(text: string, sampleDir: string, dataPath: string | undefined): LinkInput {
  const decoded = decodeShareLink(text);
  if (!decoded.ok) throw new ArgError(`--link: ${decoded.error.kind}: ${decoded.error.message}`);
  const link = decoded.link;
  const lists: ParsedBars[] = [];
  const names: string[] = [];
  for (const symbol of link.data.bundled) {
    const file = join(sampleDir, `${symbol}.csv`);
    if (!/^[A-Za-z0-9._-]+$/.test(symbol) || !existsSync(file))
      throw new DataError(file, 0, 0, `the link uses the bundled symbol ${symbol}, which this version does not have`);
    lists.push(readCsvFile(file));
    names.push(file);
  }
  for (const f of link.data.imported) {
    if (f.csv === undefined) continue;
    lists.push(parseBarsCsv(f.csv, f.name));
    names.push(f.name);
  }
  if (dataPath !== undefined) {
    lists.push(loadDataPath(dataPath));
    names.push(dataPath);
  }
  const have = new Set(lists.flatMap((l) => l.bars.map((b) => b.symbol)));
  const missing = link.data.imported.filter((f) => f.csv === undefined && f.symbols.some((s) => !have.has(s)));
  if (missing.length > 0) {
    const what = missing.map((f) => `${f.name} (${f.symbols.join(", ")})`).join(", ");
    throw new DataError(
      "--link",
      0,
      0,
      `the link names imported data it does not carry: ${what}; pass the file with --data <file>`,
    );
  }
  return {
    link,
    settings: linkRunSettings(link),
    data: {
      bars: mergeBars(
        lists.map((l) => l.bars),
        names,
      ),
      warnings: lists.flatMap((l) => l.warnings),
    },
  };
}
