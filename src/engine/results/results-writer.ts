/**
 * The results JSON as UTF-8 bytes, written out in chunks instead of built as one string: the
 * bytes are exactly `JSON.stringify(results)` (compact) or `JSON.stringify(results, null, 2)`
 * (pretty) in UTF-8, handed out about CHUNK_BYTES at a time (json-bytes.ts), and the long parts
 * (`events`, `logs`, `equity`, `orders`, `fills`, `trades`) that are still views of the engine's
 * record (results-series.ts) are written straight from it, without building their arrays. Their
 * rows are written field by field without a row object, punctuation and keys as prepared pieces
 * (row-pieces.ts); their fields are those of equityPointJson, eventJson, logLineJson and
 * report-rows.ts (the writer's tests compare the two).
 */
import { CHUNK_BYTES, JsonBytes } from "./json-bytes";
import { isSkipped, jsonOf, writeJsonValue } from "./json-value";
import { writeEventRows, writeLogRows } from "./event-rows";
import type { ResultsJson } from "./results-schema";
import { rowPieces } from "./row-pieces";
import { isSeriesKey, type ResultsSeries, type SeriesKey, unreadSeries } from "./results-series";
import { writeFillRow, writeOrderRow, writeTradeRow } from "./report-rows";
import { writeEquityRows } from "./equity-rows";

export { CHUNK_BYTES };

export interface WriteOptions {
  /** Two-space indentation, as `JSON.stringify(results, null, 2)`. */
  pretty: boolean;
}

/** A streamed long array, at depth 1: its rows straight from the engine's record. */
function writeSeries(out: JsonBytes, key: SeriesKey, s: ResultsSeries): void {
  const k = rowPieces(out.pretty);
  out.byte(0x5b);
  let rows = 0;
  switch (key) {
    case "equity":
      rows = writeEquityRows(out, k, s.time, s.value, s.cash);
      if (rows > 0) return out.close(0x5d, 1);
      break;
    // Each row's opening piece holds its separator (the comma and line before it).
    case "orders":
      for (; rows < s.orders.length; rows++)
        writeOrderRow(out, k, s.orders[rows]!, rows === 0 ? k.rowOpenId.first : k.rowOpenId.next);
      break;
    case "fills":
      for (; rows < s.fills.length; rows++) {
        const f = s.fills[rows]!;
        const open = rows === 0 ? k.rowOpenOrderId.first : k.rowOpenOrderId.next;
        writeFillRow(out, k, f, s.fillReason(f.orderId), open);
      }
      break;
    case "trades":
      for (; rows < s.trades.length; rows++)
        writeTradeRow(out, k, s.trades[rows]!, rows === 0 ? k.rowOpenSymbol.first : k.rowOpenSymbol.next);
      break;
    case "logs":
      rows = writeLogRows(out, k, s.events, s.eventCount);
      break;
    default:
      rows = writeEventRows(out, k, s.events, s.eventCount);
  }
  if (rows === 0) out.byte(0x5d);
  else out.close(0x5d, 1);
}

/**
 * Writes the results JSON through `write`, in order, in chunks (see the file comment). A chunk is
 * only good until `write` returns (the writer reuses its buffer): write it out or copy it.
 */
export function writeResultsJson(results: ResultsJson, write: (chunk: Uint8Array) => void, opts: WriteOptions): void {
  const out = new JsonBytes(write, opts.pretty);
  out.byte(0x7b);
  let first = true;
  for (const key of Object.keys(results) as (keyof ResultsJson)[]) {
    const series = isSeriesKey(key) ? unreadSeries(results, key) : undefined;
    if (series !== undefined) {
      out.key(key, first, 1);
      first = false;
      writeSeries(out, key as SeriesKey, series);
      continue;
    }
    const value = jsonOf(results[key], key);
    if (isSkipped(value)) continue; // as JSON.stringify leaves out undefined values
    out.key(key, first, 1);
    first = false;
    writeJsonValue(out, value, 1);
  }
  if (first) out.byte(0x7d);
  else out.close(0x7d, 0);
  out.finish();
}
