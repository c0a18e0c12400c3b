import fc from "fast-check";
import { JsonBytes } from "../../../src/engine/results/json-bytes";
import { type RowPieces, rowPieces } from "../../../src/engine/results/row-pieces";

/** One row written by `write` inside a one-element array at depth 1, read back as text. */
export function written(write: (out: JsonBytes, k: RowPieces) => void, pretty: boolean): string {
  const chunks: Uint8Array[] = [];
  const out = new JsonBytes((c) => chunks.push(c.slice()), pretty, 256);
  out.byte(0x5b);
  out.member(true, 2);
  write(out, rowPieces(pretty));
  out.close(0x5d, 1);
  out.flush();
  return Buffer.concat(chunks).toString("utf8");
}

/** What JSON.stringify writes of the row object inside a one-element array at depth 1. */
export const stringified = (row: unknown, pretty: boolean) =>
  pretty ? JSON.stringify({ rows: [row] }, null, 2).slice(12, -2) : JSON.stringify([row]);

export const text = fc.string({ unit: "grapheme", maxLength: 8 });
/** Unix ms from before 1970 to far ahead. */
export const time = fc.integer({ min: -70_000_000_000_000, max: 260_000_000_000_000 });
/** Prices as the data has them, and floats with long tails (trailing-stop levels, averages). */
export const price = fc.oneof(
  fc.integer({ min: 1, max: 1e9 }).map((k) => k / 1e4),
  fc.double({ min: 1e-3, max: 1e7, noNaN: true }),
);
