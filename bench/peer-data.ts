import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBarsCsv } from "../src/engine/data/csv/csv-parser";
import type { SymbolBars } from "../src/engine/data/symbol-bars";
import { walkBars, walkUniverse } from "./walk-bars";

/** Where the peers' sources and data live: $PEERS_DIR, else /work/peers when it exists. */
export function peersDir(): string | undefined {
  const dir = process.env.PEERS_DIR ?? "/work/peers";
  return existsSync(dir) ? dir : undefined;
}

function loadCsv(file: string, symbol: string): SymbolBars {
  const bars = parseBarsCsv(readFileSync(file, "utf8"), file).bars[0]!;
  return { ...bars, symbol };
}

/** The 200,000-bar series of B1–B3 as symbol "A": the peers' CSV when present, else our own walk. */
export function singleSeries(): { bars: SymbolBars[]; source: string } {
  const dir = peersDir();
  const file = dir && join(dir, "data", "single_200k.csv");
  if (file && existsSync(file)) return { bars: [loadCsv(file, "A")], source: file };
  const start = Date.UTC(1680, 0, 1);
  const bars = walkBars({ symbol: "A", bars: 200_000, seed: 12345, start, businessDays: false });
  return { bars: [bars], source: "generated (bench/walk-bars.ts)" };
}

/** B4's 20 assets × 2,520 business days: the peers' CSVs when present, else our own walk. */
export function multiSeries(): { bars: SymbolBars[]; source: string } {
  const dir = peersDir();
  const folder = dir && join(dir, "data", "multi");
  if (folder && existsSync(folder)) {
    const files = readdirSync(folder)
      .filter((f) => f.endsWith(".csv"))
      .sort();
    const bars = files.map((f) => loadCsv(join(folder, f), f.replace(/\.csv$/, "").toUpperCase()));
    return { bars, source: folder };
  }
  return { bars: walkUniverse(20, 2520), source: "generated (bench/walk-bars.ts)" };
}
