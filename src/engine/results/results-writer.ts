/**
 * The results JSON as text, written out in chunks instead of built as one string: the text is
 * exactly `JSON.stringify(results)` (compact) or `JSON.stringify(results, null, 2)` (pretty), but
 * no piece of it is much larger than CHUNK_CHARS, and the long parts (`events`, `logs`, `equity`)
 * that are still views of the engine's record (results-series.ts) are written straight from it,
 * a slice of rows at a time, without building their arrays.
 */
import type { ResultsJson } from "./results-schema";
import { equityPointJson, eventRows, equityRows, logRows } from "./results";
import { type ResultsSeries, type SeriesKey, unreadSeries } from "./results-series";

/** About how many characters each write gets (the last may be shorter, a long value longer). */
export const CHUNK_CHARS = 1 << 20;
/** Rows serialised per slice of a long array. */
const SLICE_ROWS = 2048;

export interface WriteOptions {
  /** Two-space indentation, as `JSON.stringify(results, null, 2)`. */
  pretty: boolean;
}

/** Collects pieces and hands them to `write` in chunks of about CHUNK_CHARS. */
class Chunker {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly write: (chunk: string) => void) {}
  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    const chunk = this.parts.join("");
    this.parts = [];
    this.size = 0;
    this.write(chunk);
  }
}

/**
 * Rows `[from, to)` of a long array, as they appear inside it at the top level's depth: compact
 * `a,b,c`, or pretty each row on its own lines indented four spaces, separated by `,\n`.
 */
function rowsText(rows: readonly unknown[], pretty: boolean): string {
  if (!pretty) return JSON.stringify(rows).slice(1, -1);
  // `{"k":[rows]}` pretty-printed puts the rows at exactly the depth they have in the results.
  const text = JSON.stringify({ k: rows }, null, 2);
  return text.slice('{\n  "k": [\n'.length, -"\n  ]\n}".length);
}

type Slicer = (from: number, to: number) => readonly unknown[];

/** A number as JSON writes it. */
const num = (x: number): string => (Number.isFinite(x) ? String(x) : "null");

/**
 * Equity rows `[from, to)` as text, written directly (no row objects: 200,000 a run), character
 * for character what `rowsText(equityRows(...))` gives (the writer's tests compare the two).
 */
function equityText(s: ResultsSeries, from: number, to: number, pretty: boolean): string {
  const parts: string[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    const { dt, value, cash } = equityPointJson(s.time[i]!, s.value[i]!, s.cash[i]!);
    parts[i - from] = pretty
      ? `    {\n      "dt": "${dt}",\n      "value": ${num(value)},\n      "cash": ${num(cash)}\n    }`
      : `{"dt":"${dt}","value":${num(value)},"cash":${num(cash)}}`;
  }
  return parts.join(pretty ? ",\n" : ",");
}

/** How many rows a streamed key has, and how to make a slice of them (or its text). */
function streamed(
  key: SeriesKey,
  s: ResultsSeries,
): { count: number; slice: Slicer; text?: (from: number, to: number, pretty: boolean) => string } {
  switch (key) {
    case "events":
      return { count: s.eventCount, slice: (a, b) => eventRows(s, a, b) };
    case "logs":
      // Slices of events, keeping the log lines among them (a slice may hold none).
      return { count: s.eventCount, slice: (a, b) => logRows(s, a, b) };
    case "equity":
      return {
        count: s.time.length,
        slice: (a, b) => equityRows(s, a, b),
        text: (a, b, pretty) => equityText(s, a, b, pretty),
      };
  }
}

/**
 * Writes a long array: `[`, its rows slice by slice, `]` (pretty: on their own lines). `text`,
 * when given, writes a slice's rows directly instead of serialising `slice`'s objects.
 */
function writeArray(
  out: Chunker,
  count: number,
  slice: Slicer,
  pretty: boolean,
  text?: (from: number, to: number, pretty: boolean) => string,
): void {
  let wrote = false;
  for (let from = 0; from < count; from += SLICE_ROWS) {
    const to = Math.min(count, from + SLICE_ROWS);
    let rows: string;
    if (text !== undefined) rows = text(from, to, pretty);
    else {
      const objects = slice(from, to);
      if (objects.length === 0) continue;
      rows = rowsText(objects, pretty);
    }
    out.add(wrote ? (pretty ? ",\n" : ",") : pretty ? "[\n" : "[");
    out.add(rows);
    wrote = true;
  }
  out.add(wrote ? (pretty ? "\n  ]" : "]") : "[]");
}

const isLongArray = (v: unknown): v is readonly unknown[] => Array.isArray(v) && v.length > SLICE_ROWS;

/** Writes the results JSON through `write`, in order, in chunks (see the file comment). */
export function writeResultsJson(results: ResultsJson, write: (chunk: string) => void, opts: WriteOptions): void {
  const { pretty } = opts;
  const out = new Chunker(write);
  out.add("{");
  let first = true;
  for (const key of Object.keys(results) as (keyof ResultsJson)[]) {
    const series = key === "events" || key === "logs" || key === "equity" ? unreadSeries(results, key) : undefined;
    const value = series === undefined ? results[key] : undefined;
    let text: string | undefined;
    if (series === undefined && !isLongArray(value)) {
      text = pretty ? JSON.stringify(value, null, 2)?.replace(/\n/g, "\n  ") : JSON.stringify(value);
      if (text === undefined) continue; // as JSON.stringify leaves out undefined values
    }
    out.add(`${first ? "" : ","}${pretty ? "\n  " : ""}${JSON.stringify(key)}:${pretty ? " " : ""}`);
    first = false;
    if (text !== undefined) out.add(text);
    else if (series !== undefined) {
      const { count, slice, text: direct } = streamed(key as SeriesKey, series);
      writeArray(out, count, slice, pretty, direct);
    } else {
      const rows = value as readonly unknown[];
      writeArray(out, rows.length, (a, b) => rows.slice(a, b), pretty);
    }
  }
  out.add(pretty && !first ? "\n}" : "}");
  out.flush();
}

/** The results JSON as one string (for tests and small results; writers should stream). */
export function resultsJsonText(results: ResultsJson, opts: WriteOptions): string {
  const parts: string[] = [];
  writeResultsJson(results, (c) => parts.push(c), opts);
  return parts.join("");
}
