/**
 * Columnar bars of one symbol: one Float64Array per field, all the same length,
 * sorted by time ascending with no duplicates. Times are Unix milliseconds (UTC).
 * This is the shape the CSV parser produces and the engine consumes.
 */
export interface SymbolBars {
  readonly symbol: string;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Smallest price increment; 0.01 unless the data says otherwise. */
  readonly tickSize: number;
}

/** Longer is not a ticker (and would flood every message and table that shows it). */
export const MAX_SYMBOL_CHARS = 32;

/**
 * The largest price a data file may hold, as starting cash is capped at a trillion: a float holds
 * a cent exactly only below about 9e13, and a price near 1e308 made every value held Infinity.
 */
export const MAX_PRICE = 1e12;

export const BAR_FIELDS = ["open", "high", "low", "close", "volume"] as const;
export type BarField = (typeof BAR_FIELDS)[number];

/**
 * Bad input data: names the file, line (1-based, or 0 when the whole file or path is at fault)
 * and column (1-based, or 0 when the whole line is at fault). Zeros are left out of the message.
 */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    const where = line > 0 ? `:${line}${column > 0 ? `:${column}` : ""}` : "";
    super(`${file}${where}: ${detail}`);
    this.name = "DataError";
  }
}
