/**
 * The final message's long lists of rows — the results JSON's `orders`, `fills` and `logs` — as
 * JSON text (UTF-8 bytes, transferred), not as objects. The page needs them only for the results
 * export and the debug API; the worker writes them with the results writer (straight from the
 * engine's record, no row object made) instead of building tens of thousands of objects to be
 * cloned, and the page parses them the first time they are read. The bytes are what
 * `JSON.stringify` makes of those rows, so the rows read back are the same, and so is the export.
 */
import type { ResultsJson } from "../engine/results/results";
import { attachSeries, defineView, unreadSeries, type ResultsSeries } from "../engine/results/results-series";
import { writeResultsJson } from "../engine/results/results-writer";

/** The keys that travel as text. */
export const ROW_KEYS = ["orders", "fills", "logs"] as const;
type RowKey = (typeof ROW_KEYS)[number];
const isRowKey = (k: string): k is RowKey => (ROW_KEYS as readonly string[]).includes(k);

/**
 * The results for the final message: `events` and `equity` empty (the batches carried them), the
 * row keys empty and their rows as JSON bytes in `rows`. Builds no view it leaves out.
 */
export function splitResults(results: ResultsJson): { results: ResultsJson; rows: Uint8Array } {
  const split = splitResultsLater(results);
  return { results: split.results, rows: split.rows() };
}

/**
 * splitResults in two steps: the results to post now, and the writing of their rows, to call
 * after (the page draws the finished run meanwhile: writing the rows of a 200,000-bar run takes
 * a fresh worker a few hundred milliseconds, most of it before V8 has compiled the writers).
 */
export function splitResultsLater(results: ResultsJson): { results: ResultsJson; rows: () => Uint8Array } {
  const out = {} as Record<string, unknown>;
  const part = {} as ResultsJson;
  let series: ResultsSeries | undefined;
  for (const key of Object.keys(results) as (keyof ResultsJson)[]) {
    if (key === "events" || key === "equity") out[key] = [];
    else if (isRowKey(key)) {
      out[key] = [];
      const s = unreadSeries(results, key);
      if (s) {
        series = s;
        defineView(part, key, () => results[key] as never);
      } else (part as unknown as Record<string, unknown>)[key] = results[key];
    } else out[key] = results[key];
  }
  if (series) attachSeries(part, series);
  return { results: out as unknown as ResultsJson, rows: () => jsonBytes(part) };
}

/** `value` written as compact JSON, in one array. */
function jsonBytes(value: ResultsJson): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  writeResultsJson(
    value,
    (c) => {
      const copy = new Uint8Array(c.length);
      copy.set(c); // the writer reuses its buffer
      chunks.push(copy);
      size += c.length;
    },
    { pretty: false },
  );
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The page's side: makes the row keys of `results` read their rows from `rows` the first time
 * they are read (each key keeps its place, so the export writes the keys in the same order).
 * A read of rows that are not a list of objects under each key throws `problem`'s error.
 */
export function readRowsLazily(results: ResultsJson, rows: Uint8Array, problem: (detail: string) => Error): void {
  let parsed: Record<string, unknown> | null = null;
  const all = () => {
    if (parsed) return parsed;
    let v: unknown;
    try {
      v = JSON.parse(new TextDecoder().decode(rows));
    } catch {
      throw problem("results rows that are not JSON");
    }
    const ok = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x);
    if (!ok(v)) throw problem("results rows that are not an object");
    for (const key of ROW_KEYS) {
      const list = (v as Record<string, unknown>)[key];
      if (!Array.isArray(list) || !list.every(ok)) throw problem(`results whose ${key} is not a list of objects`);
    }
    return (parsed = v as Record<string, unknown>);
  };
  for (const key of ROW_KEYS) defineView(results, key, () => all()[key] as never);
}

/** Results whose rows are still on their way (`readRowsLater`), with what settles them. */
const awaited = new WeakMap<ResultsJson, { arrived: Promise<void>; settle: () => void }>();

/**
 * The page's side of rows that follow the results in a message of their own: until `supply(rows)`,
 * reading a row key throws `problem`'s error (nothing on the page reads them before the export
 * or the debug API, which wait for `rowsArrived`); then they read as `readRowsLazily` reads them.
 * `supply(null)`: they will not come (the worker failed), and reading them throws for good
 * (`why`, when given, else `problem`'s error).
 */
export function readRowsLater(
  results: ResultsJson,
  problem: (detail: string) => Error,
): (rows: Uint8Array | null, why?: Error) => void {
  let settle = () => {};
  const arrived = new Promise<void>((resolve) => (settle = resolve));
  awaited.set(results, { arrived, settle });
  const early = () => {
    throw problem("no rows yet: they follow the finished run");
  };
  for (const key of ROW_KEYS) defineView(results, key, early);
  return (rows, why) => {
    if (rows) readRowsLazily(results, rows, problem);
    else
      for (const key of ROW_KEYS)
        defineView(results, key, () => {
          throw why ?? problem("no rows: the worker ended without them");
        });
    awaited.get(results)?.settle();
    awaited.delete(results);
  };
}

/** Whether every row key of `results` can be read now (their rows are not on their way). */
export const rowsReady = (results: ResultsJson): boolean => !awaited.has(results);

/** Settles when the rows of `results` can be read (at once when they are not on their way). */
export const rowsArrived = (results: ResultsJson): Promise<void> => awaited.get(results)?.arrived ?? Promise.resolve();
