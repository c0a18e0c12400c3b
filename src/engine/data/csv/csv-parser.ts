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
function fastDecimal(cell: string, from = 0, to = cell.length): number {
  let mantissa = 0;
  let digitCount = 0;
  let dot = -1;
  for (let i = from; i < to; i++) {
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
  return dot < 0 ? mantissa : mantissa / POWERS_OF_TEN[to - dot - 1];
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
  /** Where the commas of the line being read sit (readLine's scratch). */
  private readonly commas: Int32Array;

  constructor(
    private readonly file: string,
    private readonly columns: CsvColumns,
    /** Rows in the file, so a single-symbol file's buffer is sized once. */
    private readonly rowCount: number,
  ) {
    this.commas = new Int32Array(columns.count - 1);
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

  /**
   * The common row read straight from the file text between `from` and `to` (one line, no
   * quotes): plain decimals, a date cell, every check passed. Returns false without reading
   * anything when the row needs the general path (odd numbers, a bad value, a symbol column),
   * which then reads it again from its cells and reports what is wrong.
   */
  readLine(text: string, from: number, to: number, line: number): boolean {
    const { columns, commas } = this;
    if (columns.symbol !== undefined || columns.timeOfDay !== undefined) return false;
    let found = 0;
    for (let i = text.indexOf(",", from); i >= 0 && i < to; i = text.indexOf(",", i + 1)) {
      if (found === commas.length) return false;
      commas[found++] = i;
    }
    if (found !== commas.length) return false;
    const f = columns.fields;
    const open = this.cell(text, from, to, f.open);
    const high = this.cell(text, from, to, f.high);
    const low = this.cell(text, from, to, f.low);
    const close = this.cell(text, from, to, f.close);
    const volume = this.cell(text, from, to, f.volume);
    if (!(open > 0 && high > 0 && low > 0 && close > 0 && volume >= 0)) return false;
    if (high < open || high < close || low > open || low > close) return false;
    const d = columns.date;
    const time = parseTime(text.slice(d === 0 ? from : commas[d - 1]! + 1, d === found ? to : commas[d]!));
    if (Number.isNaN(time)) return false;
    this.builderFor(EMPTY_ROW, line).push(time, open, high, low, close, volume, line);
    return true;
  }

  private cell(text: string, from: number, to: number, index: number): number {
    const commas = this.commas;
    return fastDecimal(
      text,
      index === 0 ? from : commas[index - 1]! + 1,
      index === commas.length ? to : commas[index]!,
    );
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

const EMPTY_ROW: readonly string[] = [];

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

/** Told how far a parse got, in rows of the file (for a progress bar; optional). */
export type ParseProgress = (rowsDone: number, rowsTotal: number) => void;
const PROGRESS_ROWS = 16_384;

/**
 * Parses a CSV of daily or intraday bars into one SymbolBars per symbol.
 * Columns are found by header name (see docs/cli.md, "Data files"); the symbol comes from a
 * `symbol` column or else from the file name. Bad data throws a DataError naming the
 * file, line and column; rows out of time order are sorted and reported in `warnings`.
 */
export function parseBarsCsv(text: string, fileName: string, onProgress?: ParseProgress): ParsedBars {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === "") throw new DataError(fileName, 1, 0, "the file is empty");
  if (!source.includes('"') && source.includes("\n")) return parseLines(source, fileName, onProgress);
  const rows = rowsOf(source);
  let reader: RowReader | undefined;
  let headerLine = 0;
  let dataRows = 0;
  let line = 1;
  for (let r = 0; r < rows.count; r++) {
    if (onProgress && r % PROGRESS_ROWS === 0) onProgress(r, rows.count);
    const row = rows.row(r);
    const rowLine = line;
    line += 1 + (rows.quoted ? embeddedNewlines(row) : 0);
    const broken = rows.broken.get(r);
    if (broken !== undefined) throw new DataError(fileName, rowLine, 0, `broken CSV quoting: ${broken}`);
    if (isBlank(row)) continue;
    if (reader === undefined) {
      reader = headerReader(rows, r, row, fileName, rowLine);
      headerLine = rowLine;
      continue;
    }
    reader.read(row, rowLine);
    dataRows++;
  }
  return finish(reader, dataRows, fileName, headerLine);
}

/** The reader for a header row, given the rows after it (the first data row helps find the date column). */
function headerReader(rows: Rows, r: number, header: string[], fileName: string, line: number): RowReader {
  let firstData: string[] | undefined;
  for (let k = r + 1; k < Math.min(rows.count, r + 8) && firstData === undefined; k++) {
    const next = rows.row(k);
    if (!isBlank(next)) firstData = next;
  }
  return new RowReader(fileName, locateColumns(header, firstData, fileName, line), rows.count - r);
}

function finish(reader: RowReader | undefined, dataRows: number, fileName: string, headerLine: number): ParsedBars {
  if (reader === undefined) throw new DataError(fileName, 1, 0, "the file is empty");
  if (dataRows === 0) throw new DataError(fileName, headerLine, 0, "the file has a header but no data rows");
  const warnings: string[] = [];
  return { bars: reader.finish(warnings), warnings };
}

/**
 * A file without quotes: each line is one row, read straight from the text (no cell strings)
 * when it is the common shape, else split at its commas and read by the general path.
 */
function parseLines(source: string, fileName: string, onProgress?: ParseProgress): ParsedBars {
  const rows = rowsOf(source);
  let reader: RowReader | undefined;
  let headerLine = 0;
  let dataRows = 0;
  let from = 0;
  for (let r = 0; r < rows.count; r++) {
    if (onProgress && r % PROGRESS_ROWS === 0) onProgress(r, rows.count);
    const next = source.indexOf("\n", from);
    const end = next < 0 ? source.length : next;
    const to = end > from && source.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = r + 1;
    if (reader !== undefined && to > from && reader.readLine(source, from, to, line)) dataRows++;
    else {
      const row = rows.row(r);
      if (!isBlank(row)) {
        if (reader === undefined) {
          reader = headerReader(rows, r, row, fileName, line);
          headerLine = line;
        } else {
          reader.read(row, line);
          dataRows++;
        }
      }
    }
    from = end + 1;
  }
  return finish(reader, dataRows, fileName, headerLine);
}

interface Rows {
  count: number;
  row(r: number): string[];
  /** Papa's message per broken row index. */
  broken: ReadonlyMap<number, string>;
  /** Quoted cells may span lines; only then do line numbers need counting inside cells. */
  quoted: boolean;
}

const NO_ERRORS: ReadonlyMap<number, string> = new Map();

/** The file's rows: quoted files through Papa, others line by line (see lineRows). */
function rowsOf(source: string): Rows {
  if (!source.includes('"') && source.includes("\n")) return lineRows(source);
  const parsed = Papa.parse<string[]>(source, { delimiter: ",", header: false, skipEmptyLines: false });
  return {
    count: parsed.data.length,
    row: (r) => parsed.data[r]!,
    broken: new Map(parsed.errors.map((error) => [error.row ?? -1, error.message] as const)),
    quoted: source.includes('"'),
  };
}

/**
 * Rows of a file without quotes: each line split at its commas, made only when asked for (the
 * header, a few rows after it, rows the direct read hands back), from where each line starts.
 */
function lineRows(source: string): Rows {
  const starts: number[] = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return {
    count: starts.length,
    row: (r) => {
      const from = starts[r]!;
      let to = r + 1 < starts.length ? starts[r + 1]! - 1 : source.length;
      if (to > from && source.charCodeAt(to - 1) === 13) to--;
      return source.slice(from, to).split(",");
    },
    broken: NO_ERRORS,
    quoted: false,
  };
}
