import Papa from "papaparse/papaparse.min.js";
import { DataError, type SymbolBars } from "../symbol-bars";
import { locateColumns } from "./csv-columns";
import { RowReader } from "./row-reader";
import type { NewColumn } from "./symbol-bars-builder";

export { mergeBars } from "../merge-bars";
export { symbolFromFileName } from "./row-reader";

/** What a CSV file held: one entry per symbol, and notes about what was done to it (e.g. sorting). */
export interface ParsedBars {
  bars: SymbolBars[];
  warnings: string[];
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

/** Told how far a parse got, in rows of the file (for a progress bar; optional). */
export type ParseProgress = (rowsDone: number, rowsTotal: number) => void;
const PROGRESS_ROWS = 16_384;

/**
 * Parses a CSV of daily or intraday bars into one SymbolBars per symbol.
 * Columns are found by header name (see docs/cli.md, "Data files"); the symbol comes from a
 * `symbol` column or else from the file name. Bad data throws a DataError naming the
 * file, line and column; rows out of time order are sorted and reported in `warnings`.
 * `newColumn` makes the columns (plain Float64Arrays unless given).
 */
export function parseBarsCsv(
  text: string,
  fileName: string,
  onProgress?: ParseProgress,
  newColumn?: NewColumn,
): ParsedBars {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === "") throw new DataError(fileName, 1, 0, "the file is empty");
  if (!source.includes('"') && source.includes("\n")) {
    const direct = (reader: RowReader, from: number, to: number, line: number) =>
      reader.readLine(source, from, to, line);
    return parseLines(lineRows(source), direct, fileName, onProgress, newColumn);
  }
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
      reader = headerReader(rows, r, row, fileName, rowLine, newColumn);
      headerLine = rowLine;
      continue;
    }
    reader.read(row, rowLine);
    dataRows++;
  }
  return finish(reader, dataRows, fileName, headerLine);
}

/** The reader for a header row, given the rows after it (the first data row helps find the date column). */
function headerReader(
  rows: Rows,
  r: number,
  header: string[],
  fileName: string,
  line: number,
  newColumn: NewColumn | undefined,
): RowReader {
  let firstData: string[] | undefined;
  for (let k = r + 1; k < Math.min(rows.count, r + 8) && firstData === undefined; k++) {
    const next = rows.row(k);
    if (!isBlank(next)) firstData = next;
  }
  return readerFor(header, firstData, fileName, line, rows.count - r, newColumn);
}

function readerFor(
  header: string[],
  firstData: string[] | undefined,
  file: string,
  line: number,
  rows: number,
  newColumn: NewColumn | undefined,
) {
  return new RowReader(file, locateColumns(header, firstData, file, line), rows, newColumn);
}

function finish(reader: RowReader | undefined, dataRows: number, fileName: string, headerLine: number): ParsedBars {
  if (reader === undefined) throw new DataError(fileName, 1, 0, "the file is empty");
  if (dataRows === 0) throw new DataError(fileName, headerLine, 0, "the file has a header but no data rows");
  const warnings: string[] = [];
  return { bars: reader.finish(warnings), warnings };
}

/**
 * A file without quotes: each line is one row, read straight from the text (no cell strings)
 * when it is the common shape (`direct`), else split at its commas and read by the general path.
 * Shared by the text (parseBarsCsv) and the bytes (csv-bytes.ts) of a file.
 */
export function parseLines(
  lines: Lines,
  direct: (reader: RowReader, from: number, to: number, line: number) => boolean,
  fileName: string,
  onProgress?: ParseProgress,
  newColumn?: NewColumn,
): ParsedBars {
  let reader: RowReader | undefined;
  let headerLine = 0;
  let dataRows = 0;
  let from = 0;
  for (let r = 0; r < lines.count; r++) {
    if (onProgress && r % PROGRESS_ROWS === 0) onProgress(r, lines.count);
    const end = lineEnd(lines, from);
    const to = end > from && lines.code(end - 1) === 13 ? end - 1 : end;
    const line = r + 1;
    if (reader !== undefined && to > from && direct(reader, from, to, line)) dataRows++;
    else {
      const row = lines.cells(from, to);
      if (!isBlank(row)) {
        if (reader === undefined) {
          reader = readerFor(row, firstRowAfter(lines, end + 1), fileName, line, lines.count - r, newColumn);
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

/** A file without quotes, as lines of text or of bytes (`code(i)`: the character or byte at `i`). */
export interface Lines {
  /** How many lines (one more than its `\n`). */
  count: number;
  length: number;
  /** Where the first `\n` at or after `from` is, or -1. */
  newline(from: number): number;
  code(i: number): number;
  /** The line from `from` to `to` split at its commas. */
  cells(from: number, to: number): string[];
}

function lineEnd(lines: Lines, from: number): number {
  const next = lines.newline(from);
  return next < 0 ? lines.length : next;
}

/** The first row that is not blank among the seven lines from `from` (helps find the date column). */
function firstRowAfter(lines: Lines, from: number): string[] | undefined {
  for (let k = 0; k < 7 && from <= lines.length; k++) {
    const end = lineEnd(lines, from);
    const to = end > from && lines.code(end - 1) === 13 ? end - 1 : end;
    const row = lines.cells(from, to);
    if (!isBlank(row)) return row;
    from = end + 1;
  }
  return undefined;
}

interface Rows {
  count: number;
  row(r: number): string[];
  /** Papa's message per broken row index. */
  broken: ReadonlyMap<number, string>;
  /** Quoted cells may span lines; only then do line numbers need counting inside cells. */
  quoted: boolean;
}

/** The rows of a file with quotes (or of one line), through Papa. */
function rowsOf(source: string): Rows {
  const parsed = Papa.parse<string[]>(source, { delimiter: ",", header: false, skipEmptyLines: false });
  return {
    count: parsed.data.length,
    row: (r) => parsed.data[r]!,
    broken: new Map(parsed.errors.map((error) => [error.row ?? -1, error.message] as const)),
    quoted: source.includes('"'),
  };
}

/** How many lines `newline` finds from `from` (one more than its `\n`). */
export function countLines(newline: (from: number) => number, from: number): number {
  let count = 1;
  for (let i = newline(from); i >= 0; i = newline(i + 1)) count++;
  return count;
}

function lineRows(source: string): Lines {
  const newline = (from: number) => source.indexOf("\n", from);
  return {
    count: countLines(newline, 0),
    length: source.length,
    newline,
    code: (i) => source.charCodeAt(i),
    cells: (from, to) => source.slice(from, to).split(","),
  };
}
