import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";
import { parseBarsCsvBytes } from "../engine/data/csv/csv-bytes";
import { mergeBars, type ParsedBars } from "../engine/data/csv/csv-parser";
import { DataError } from "../engine/data/symbol-bars";
import { bundledParsedDataCache, cachedParse, type ParsedDataCache } from "./parsed-data-cache";

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The `.csv` files directly in a folder, in name order so symbols and warnings come out the same
 * every run. A symbolic link counts as the file it points to; one that leads nowhere (or in a
 * loop) is an error naming it, not a symbol silently left out.
 */
function csvFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.name.toLowerCase().endsWith(".csv") &&
        (entry.isFile() || (entry.isSymbolicLink() && linksToFile(join(folder, entry.name)))),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(folder, name));
}

function linksToFile(path: string): boolean {
  const target = statOrUndefined(path);
  if (target === undefined) throw new DataError(path, 0, 0, "a symbolic link that leads nowhere (or in a loop)");
  return target.isFile();
}

/** Bytes as reading the file as UTF-8 text gives them (a byte-order mark kept). */
const utf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

let bundledCache: ParsedDataCache | undefined | null = null;
const defaultCache = () => (bundledCache === null ? (bundledCache = bundledParsedDataCache()) : bundledCache);

/**
 * One CSV file's bars, read from its bytes (no text of the whole file for the common file), or
 * for a big file read before, from what parsing it gave then (parsed-data-cache.ts).
 */
export function readCsvFile(file: string, cache: ParsedDataCache | undefined = defaultCache()): ParsedBars {
  return cachedParse(file, cache, () => parseBarsCsvBytes(readFileSync(file), file, utf8));
}

/**
 * Loads bars from one CSV file (per-symbol, or with a `symbol` column) or from a folder of
 * `<SYMBOL>.csv` files (not its sub-folders, so `sample-data/intraday/` stays out of a daily run).
 * Throws a DataError naming the path when it is missing or holds no CSV, or naming the
 * file, line and column of bad data.
 */
export function loadDataPath(path: string, cache: ParsedDataCache | undefined = defaultCache()): ParsedBars {
  const stats = statOrUndefined(path);
  if (stats === undefined) throw new DataError(path, 0, 0, "no such file or folder");
  const files = stats.isDirectory() ? csvFilesIn(path) : [path];
  if (files.length === 0) throw new DataError(path, 0, 0, "the folder holds no .csv files");
  const warnings: string[] = [];
  const lists = files.map((file) => {
    const parsed = readCsvFile(file, cache);
    warnings.push(...parsed.warnings);
    return parsed.bars;
  });
  return { bars: mergeBars(lists, files), warnings };
}
