import { BAR_FIELDS, type BarField, DataError } from "../symbol-bars";
import { parseTime } from "./parse-time";
import { excerpt } from "../../excerpt";

/** Where each needed field sits in a row (0-based indexes into the row's cells). */
export interface CsvColumns {
  readonly date: number;
  /** A separate `time` column next to a `date` column (MetaTrader-style exports), joined to the date. */
  readonly timeOfDay: number | undefined;
  readonly symbol: number | undefined;
  readonly fields: Readonly<Record<BarField, number>>;
  readonly count: number;
}

// Most specific first: a file with both `date` and `timestamp` means the timestamp.
const DATE_NAMES = ["datetime", "timestamp", "date", "time"] as const;

function describeHeader(header: readonly string[]): string {
  const names = excerpt(
    header.map((name) => (name.trim() === "" ? "(unnamed)" : excerpt(name.trim()))).join(", "),
    200,
  );
  const separator = header.length === 1 ? /[;\t|]/.exec(header[0])?.[0] : undefined;
  if (separator === undefined) return names;
  // One column that contains another separator: the file is not comma-separated.
  return `${names}; the columns seem separated by ${separator === "\t" ? "tabs" : `"${separator}"`}, not commas`;
}

function findDateColumn(names: readonly string[], firstDataRow: readonly string[] | undefined): number {
  for (const name of DATE_NAMES) {
    const index = names.indexOf(name);
    if (index >= 0) return index;
  }
  // pandas writes its index as a first column with no name; it counts only when it holds
  // dates, because a plain RangeIndex (0, 1, 2, ...) would read as 1970 Unix seconds.
  if (names[0] === "" && firstDataRow !== undefined) {
    const first = firstDataRow[0] ?? "";
    if (first.includes("-") ? !Number.isNaN(parseTime(first)) : Number(first) >= 1e8) return 0;
  }
  return -1;
}

/**
 * Maps header names (case-insensitive, trimmed) to positions.
 * Throws a DataError on the header line when a required column is missing.
 */
export function locateColumns(
  header: readonly string[],
  firstDataRow: readonly string[] | undefined,
  file: string,
  line: number,
): CsvColumns {
  const names = header.map((name) => name.trim().toLowerCase());
  const date = findDateColumn(names, firstDataRow);
  const missing: string[] = [];
  if (date < 0) missing.push("date (or datetime, time, timestamp)");
  const fields = {} as Record<BarField, number>;
  for (const field of BAR_FIELDS) {
    fields[field] = names.indexOf(field);
    if (fields[field] < 0) missing.push(field);
  }
  if (missing.length > 0) {
    const what = missing.length === 1 ? "column" : "columns";
    throw new DataError(file, line, 0, `missing ${what} ${missing.join(", ")} (found: ${describeHeader(header)})`);
  }
  const timeIndex = names.indexOf("time");
  const symbolIndex = names.indexOf("symbol");
  return {
    date,
    timeOfDay: names[date] === "date" && timeIndex >= 0 ? timeIndex : undefined,
    symbol: symbolIndex >= 0 ? symbolIndex : undefined,
    fields,
    count: header.length,
  };
}
