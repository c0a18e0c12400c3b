import Papa from "papaparse/papaparse.min.js";
import { DataError, type SymbolBars } from "../symbol-bars";
import { type CsvColumns, locateColumns } from "./csv-columns";
import { parseTime, whyNotTime } from "./parse-time";
import { excerpt } from "../../excerpt";
import { SymbolBarsBuilder } from "./symbol-bars-builder";

export { mergeBars } from "../merge-bars";

/** What a CSV file held: one entry per symbol, and notes about what was done to it (e.g. sorting). */
export interface ParsedBars {
  bars: SymbolBars[];
  warnings: string[];
}

// Plain decimals only: Number() would also take "0x1F", "Infinity" and " " (as 0).
// Written so that a failing match backtracks in linear time: `\d+\.?\d*` is quadratic on a
// long run of digits followed by junk (a 5 MB cell took minutes).
const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INFINITY = /^[+-]?inf(?:inity)?$/i;
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_EXACT_DIGITS = 15;
/** Longer is not a ticker (and would flood every message and table that shows it). */
const MAX_SYMBOL_CHARS = 32;

/**
 * Reads `123` or `123.45` without regex or Number(): the digits form an integer below 2^53
 * and the power of ten is exact, so one IEEE division gives the same correctly rounded
 * double as Number(). Returns NaN for anything else (signs, exponents, spaces, long digits),
 * which then takes the slow, fully checked path.
 */
function fastDecimal(cell: string): number {
  let mantissa = 0;
  let digitCount = 0;
  let dot = -1;
  for (let i = 0; i < cell.length; i++) {
    const code = cell.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digitCount++;
    } else if (code === 46 && dot < 0) {
      dot = i;
    } else {
      return NaN;
    }
  }
  if (digitCount === 0 || digitCount > MAX_EXACT_DIGITS) return NaN;
  return dot < 0 ? mantissa : mantissa / POWERS_OF_TEN[cell.length - dot - 1];
}

/** `data/spy.csv` -> `SPY`; only the last extension goes, so `BRK.B.csv` -> `BRK.B`. */
export function symbolFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return (dot > 0 ? base.slice(0, dot) : base).trim().toUpperCase();
}

// Hot path: no closures here, since they are created once per row.
function readNumber(cell: string, name: string, file: string, line: number, column: number): number {
  const fast = fastDecimal(cell);
  if (!Number.isNaN(fast)) return fast;
  if (DECIMAL.test(cell)) {
    const value = Number(cell);
    if (Number.isFinite(value)) return value;
    throw new DataError(file, line, column, `${name} ${excerpt(cell.trim())} is not a finite number`);
  }
  const text = cell.trim();
  if (text === "") throw new DataError(file, line, column, `${name} is empty`);
  const what = INFINITY.test(text) ? "a finite number" : "a number";
  throw new DataError(file, line, column, `${name} "${excerpt(text)}" is not ${what}`);
}

/** Parses, checks and hands one data row to its symbol's builder. */
class RowReader {
  private readonly builders = new Map<string, SymbolBarsBuilder>();
  private readonly fileSymbol: string | undefined;

  constructor(
    private readonly file: string,
    private readonly columns: CsvColumns,
    /** Rows in the file, so a single-symbol file's buffer is sized once. */
    private readonly rowCount: number,
  ) {
    if (columns.symbol !== undefined) return;
    this.fileSymbol = symbolFromFileName(file);
    if (this.fileSymbol === "") {
      throw new DataError(file, 0, 0, "cannot tell the symbol from the file name; add a symbol column");
    }
  }

  read(row: readonly string[], line: number): void {
    const { file, columns } = this;
    if (row.length !== columns.count) {
      throw new DataError(file, line, 0, `expected ${columns.count} fields like the header, found ${row.length}`);
    }
    const time = this.readTime(row, line);
    const f = columns.fields;
    const open = this.readPrice(row, "open", f.open, line);
    const high = this.readPrice(row, "high", f.high, line);
    const low = this.readPrice(row, "low", f.low, line);
    const close = this.readPrice(row, "close", f.close, line);
    const volume = readNumber(row[f.volume], "volume", file, line, f.volume + 1);
    if (volume < 0)
      throw new DataError(file, line, f.volume + 1, `volume ${excerpt(row[f.volume].trim())} is negative`);
    if (high < open || high < close) {
      const [name, index] = open >= close ? ["open", f.open] : ["close", f.close];
      const detail = `high ${excerpt(row[f.high].trim())} is below ${name} ${excerpt(row[index].trim())}`;
      throw new DataError(file, line, f.high + 1, detail);
    }
    if (low > open || low > close) {
      const [name, index] = open <= close ? ["open", f.open] : ["close", f.close];
      const detail = `low ${excerpt(row[f.low].trim())} is above ${name} ${excerpt(row[index].trim())}`;
      throw new DataError(file, line, f.low + 1, detail);
    }
    this.builderFor(row, line).push(time, open, high, low, close, volume, line);
  }

  finish(warnings: string[]): SymbolBars[] {
    return [...this.builders.values()].map((builder) => builder.build(warnings));
  }

  private readPrice(row: readonly string[], name: string, index: number, line: number): number {
    const value = readNumber(row[index], name, this.file, line, index + 1);
    if (value <= 0) {
      const detail =
        value < 0 ? `${name} ${excerpt(row[index].trim())} is negative` : `${name} is zero; prices must be above zero`;
      throw new DataError(this.file, line, index + 1, detail);
    }
    return value;
  }

  private readTime(row: readonly string[], line: number): number {
    const { date, timeOfDay } = this.columns;
    const text = timeOfDay === undefined ? row[date] : `${row[date].trim()} ${row[timeOfDay].trim()}`;
    const time = parseTime(text);
    if (Number.isNaN(time)) throw new DataError(this.file, line, date + 1, whyNotTime(text));
    return time;
  }

  private builderFor(row: readonly string[], line: number): SymbolBarsBuilder {
    const index = this.columns.symbol;
    const symbol = index === undefined ? (this.fileSymbol ?? "") : row[index].trim().toUpperCase();
    if (symbol === "" && index !== undefined) throw new DataError(this.file, line, index + 1, "symbol is empty");
    if (symbol.length > MAX_SYMBOL_CHARS) {
      const detail = `symbol "${excerpt(symbol, 12)}" is longer than ${MAX_SYMBOL_CHARS} characters`;
      throw new DataError(this.file, index === undefined ? 0 : line, index === undefined ? 0 : index + 1, detail);
    }
    let builder = this.builders.get(symbol);
    if (builder === undefined) {
      const multi = index !== undefined;
      builder = new SymbolBarsBuilder(symbol, this.file, this.columns.date, multi, multi ? 256 : this.rowCount);
      this.builders.set(symbol, builder);
    }
    return builder;
  }
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === "");
}

function embeddedNewlines(row: readonly string[]): number {
  let count = 0;
  for (const cell of row) {
    for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) count++;
  }
  return count;
}

/**
 * Parses a CSV of daily or intraday bars into one SymbolBars per symbol.
 * Columns are found by header name (see cli-and-data.md); the symbol comes from a
 * `symbol` column or else from the file name. Bad data throws a DataError naming the
 * file, line and column; rows out of time order are sorted and reported in `warnings`.
 */
export function parseBarsCsv(text: string, fileName: string): ParsedBars {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === "") throw new DataError(fileName, 1, 0, "the file is empty");
  const parsed = Papa.parse<string[]>(source, { delimiter: ",", header: false, skipEmptyLines: false });
  const brokenRows = new Map(parsed.errors.map((error) => [error.row ?? -1, error.message] as const));
  // Quoted cells may span lines; only then do line numbers need counting inside cells.
  const hasQuotes = source.includes('"');
  let reader: RowReader | undefined;
  let headerLine = 0;
  let dataRows = 0;
  let line = 1;
  const rows = parsed.data;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const rowLine = line;
    line += 1 + (hasQuotes ? embeddedNewlines(row) : 0);
    const broken = brokenRows.get(r);
    if (broken !== undefined) throw new DataError(fileName, rowLine, 0, `broken CSV quoting: ${broken}`);
    if (isBlank(row)) continue;
    if (reader === undefined) {
      const firstData = rows.slice(r + 1, r + 8).find((next) => !isBlank(next));
      reader = new RowReader(fileName, locateColumns(row, firstData, fileName, rowLine), rows.length - r);
      headerLine = rowLine;
      continue;
    }
    reader.read(row, rowLine);
    dataRows++;
  }
  if (reader === undefined) throw new DataError(fileName, 1, 0, "the file is empty");
  if (dataRows === 0) throw new DataError(fileName, headerLine, 0, "the file has a header but no data rows");
  const warnings: string[] = [];
  return { bars: reader.finish(warnings), warnings };
}
