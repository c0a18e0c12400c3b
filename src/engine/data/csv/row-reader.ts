import { DataError, MAX_PRICE, MAX_SYMBOL_CHARS, type SymbolBars } from "../symbol-bars";
import { INVISIBLE_CHARS, withHiddenShown } from "../../invisible-chars";
import type { CsvColumns } from "./csv-columns";
import { parseTime, timeFromBytes, whyNotTime } from "./parse-time";
import { excerpt } from "../../excerpt";
import { SymbolBarsBuilder, type NewColumn } from "./symbol-bars-builder";

// Plain decimals only: Number() would also take "0x1F", "Infinity" and " " (as 0).
// Written so that a failing match backtracks in linear time: `\d+\.?\d*` is quadratic on a
// long run of digits followed by junk (a 5 MB cell took minutes).
const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INFINITY = /^[+-]?inf(?:inity)?$/i;
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_EXACT_DIGITS = 15;
const COMMA = 44;

/**
 * Reads `123` or `123.45` without regex or Number(): the digits form an integer below 2^53
 * and the power of ten is exact, so one IEEE division gives the same correctly rounded
 * double as Number(). Returns NaN for anything else (signs, exponents, spaces, long digits),
 * which then takes the slow, fully checked path.
 */
function fastDecimal(cell: string | Uint8Array, from = 0, to = cell.length): number {
  let mantissa = 0;
  let digitCount = 0;
  let dot = -1;
  const text = typeof cell === "string" ? cell : undefined;
  for (let i = from; i < to; i++) {
    const code = text !== undefined ? text.charCodeAt(i) : (cell as Uint8Array)[i]!;
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
  throw new DataError(file, line, column, `${name} "${excerpt(withHiddenShown(cell).trim())}" is not ${what}`);
}

/** Parses, checks and hands one data row to its symbol's builder. */
export class RowReader {
  private readonly builders = new Map<string, SymbolBarsBuilder>();
  private readonly fileSymbol: string | undefined;
  /** Where the commas of the line being read sit (readLine's scratch). */
  private readonly commas: Int32Array;
  /** The one builder of a file without a symbol column, once the first row has made it. */
  private single: SymbolBarsBuilder | undefined;

  constructor(
    private readonly file: string,
    private readonly columns: CsvColumns,
    /** Rows in the file, so a single-symbol file's buffer is sized once. */
    private readonly rowCount: number,
    private readonly newColumn?: NewColumn,
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
    const d = columns.date;
    const time = parseTime(text.slice(d === 0 ? from : commas[d - 1]! + 1, d === found ? to : commas[d]!));
    return this.accept(time, open, high, low, close, volume, line);
  }

  /**
   * readLine for a file read as bytes (csv-bytes.ts): the same rows taken, the same handed back.
   * Any byte that is not ASCII makes a cell fail its fast read, so such a row goes the general way.
   */
  readBytesLine(bytes: Uint8Array, from: number, to: number, line: number): boolean {
    const { columns, commas } = this;
    if (columns.symbol !== undefined || columns.timeOfDay !== undefined) return false;
    let found = 0;
    for (let i = from; i < to; i++) {
      if (bytes[i] !== COMMA) continue;
      if (found === commas.length) return false;
      commas[found++] = i;
    }
    if (found !== commas.length) return false;
    const f = columns.fields;
    const open = this.byteCell(bytes, from, to, f.open);
    const high = this.byteCell(bytes, from, to, f.high);
    const low = this.byteCell(bytes, from, to, f.low);
    const close = this.byteCell(bytes, from, to, f.close);
    const volume = this.byteCell(bytes, from, to, f.volume);
    const d = columns.date;
    const time = timeFromBytes(bytes, d === 0 ? from : commas[d - 1]! + 1, d === found ? to : commas[d]!);
    return this.accept(time, open, high, low, close, volume, line);
  }

  /** Keeps a row read the fast way when every value is plain and passes the checks `read` makes. */
  private accept(time: number, o: number, h: number, l: number, c: number, v: number, line: number): boolean {
    if (!(o > 0 && h > 0 && l > 0 && c > 0 && v >= 0 && h <= MAX_PRICE)) return false;
    if (h < o || h < c || l > o || l > c || Number.isNaN(time)) return false;
    (this.single ??= this.builderFor(EMPTY_ROW, line)).push(time, o, h, l, c, v, line);
    return true;
  }

  private byteCell(bytes: Uint8Array, from: number, to: number, index: number): number {
    const commas = this.commas;
    return fastDecimal(
      bytes,
      index === 0 ? from : commas[index - 1]! + 1,
      index === commas.length ? to : commas[index]!,
    );
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
    if (value > MAX_PRICE) {
      const detail = `${name} ${excerpt(row[index].trim())} is above 1,000,000,000,000, the largest price a file may hold`;
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
      const hidden = symbol.search(INVISIBLE_CHARS);
      if (hidden >= 0) {
        // A ticker is printable text: a control character or a bidi override would hide, reverse
        // or overwrite what the page and the command line show around it.
        const code = symbol.charCodeAt(hidden).toString(16).toUpperCase().padStart(4, "0");
        const detail = `symbol holds the invisible character U+${code}; a symbol is printable text`;
        throw new DataError(this.file, index === undefined ? 0 : line, index === undefined ? 0 : index + 1, detail);
      }
      const multi = index !== undefined;
      const rows = multi ? 256 : this.rowCount;
      builder = new SymbolBarsBuilder(symbol, this.file, this.columns.date, multi, rows, this.newColumn);
      this.builders.set(symbol, builder);
    }
    return builder;
  }
}

const EMPTY_ROW: readonly string[] = [];
