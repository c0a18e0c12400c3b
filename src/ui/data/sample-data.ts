import { symbolFromFileName } from "../../engine/data/csv/csv-parser";

export interface SampleFile {
  name: string;
  symbol: string;
  url: string;
}

// Only the top folder: sample-data/intraday/ is not sent unless asked for.
const urls = import.meta.glob("/sample-data/*.csv", { query: "?url", import: "default", eager: true }) as Record<
  string,
  string
>;

/** The bundled daily CSVs, by symbol. */
export const SAMPLE_FILES: readonly SampleFile[] = Object.entries(urls)
  .map(([path, url]) => {
    const name = path.split("/").pop()!;
    return { name, symbol: symbolFromFileName(name), url };
  })
  .sort((a, b) => a.symbol.localeCompare(b.symbol));

export const SAMPLE_SYMBOLS: readonly string[] = SAMPLE_FILES.map((f) => f.symbol);
