/**
 * The `equity` rows of the results JSON (200,000 and more a run), written from the engine's three
 * columns straight into the writer's bytes: one loop, its position in a local, no call per field.
 * A row is equityPointJson's fields at depth 2, its money to the cent as `cents` rounds it. What
 * repeats is written as prepared words: the end of one row with the start of the next, the keys,
 * the time's date and clock as far as they did not change (IsoWords), and an amount the same as
 * the row before's (cash stays put between fills, the value too while flat). A row with a time
 * toISOString writes another way, or an amount past int32 cents, goes through the writer's methods.
 */
import { writePiece } from "./byte-pieces";
import { writeCents } from "./digits";
import { DAY_MS, isPlainIsoTime, IsoWords } from "./iso-time";
import type { JsonBytes } from "./json-bytes";
import type { RowPieces } from "./row-pieces";

/** More than a row takes on the fast path (punctuation and keys, a 24-byte time, two amounts of ≤ 12 bytes). */
const ROW_BYTES = 256;
const INT32 = 0x7fffffff;

/** The amount (in cents) a column wrote last, kept as its bytes: "-21474836.47" at most, three words. */
class LastCents {
  private c = NaN;
  private length = 0;
  private w0 = 0;
  private w1 = 0;
  private w2 = 0;

  /** `c` (whole, |c| ≤ INT32) as c / 100 at `p`, as JsonBytes.cents writes it; the position after it. */
  write(view: DataView, p: number, c: number): number {
    if (c === this.c) {
      // Up to 12 bytes: what follows the amount overwrites the ones past its length.
      view.setInt32(p, this.w0);
      view.setInt32(p + 4, this.w1);
      view.setInt32(p + 8, this.w2);
      return p + this.length;
    }
    let end = p + 1;
    if (c === 0)
      view.setUint8(p, 0x30); // also −0, as String writes it
    else if (c > 0) end = writeCents(view, p, c);
    else {
      // writeFixed(c, 2) without its general path: a call V8 did not inline, at every new amount.
      view.setUint8(p, 0x2d);
      end = writeCents(view, p + 1, -c);
    }
    this.c = c;
    this.length = end - p;
    this.w0 = view.getInt32(p);
    this.w1 = view.getInt32(p + 4);
    this.w2 = view.getInt32(p + 8);
    return end;
  }
}

/** A row the fast path does not write, through the writer's methods. */
function slowRow(out: JsonBytes, k: RowPieces, first: boolean, ms: number, value: number, cash: number): void {
  out.piece(first ? k.rowOpenDt.first : k.closeOpenDt);
  out.isoText(ms);
  out.piece(k.dtThenValue);
  out.cents(value);
  out.piece(k.next.cash);
  out.cents(cash);
}

/**
 * Equity points `[0, time.length)` as the members of an array at depth 1 (after its `[`, before
 * its line and `]`): value and cash in the columns of the same index. The number of rows.
 */
export function writeEquityRows(
  out: JsonBytes,
  k: RowPieces,
  time: Float64Array,
  value: Float64Array,
  cash: Float64Array,
): number {
  const n = time.length;
  if (n === 0) return 0;
  const iso = new IsoWords();
  const lastValue = new LastCents();
  const lastCash = new LastCents();
  const first = k.rowOpenDt.first;
  const next = k.closeOpenDt;
  const dtThenValue = k.dtThenValue;
  const thenCash = k.next.cash;
  let p = out.reserve(ROW_BYTES);
  let view = out.dataView;
  let end = out.fitsBelow(ROW_BYTES);
  for (let i = 0; i < n; i++) {
    const ms = time[i]!;
    const v = Math.round(value[i]! * 100);
    const c = Math.round(cash[i]! * 100);
    if (p < end && isPlainIsoTime(ms) && Math.abs(v) <= INT32 && Math.abs(c) <= INT32) {
      p = writePiece(view, p, i === 0 ? first : next);
      // putIso's steps here: a time passed to a call V8 does not inline is a heap number per row.
      const day = Math.floor(ms / DAY_MS) | 0;
      iso.setParts(day, (ms - day * DAY_MS) | 0);
      p = iso.write(view, p);
      p = writePiece(view, p, dtThenValue);
      p = lastValue.write(view, p, v);
      p = writePiece(view, p, thenCash);
      p = lastCash.write(view, p, c);
    } else {
      out.advance(p);
      slowRow(out, k, i === 0, ms, v, c);
      p = out.reserve(ROW_BYTES);
      view = out.dataView;
      end = out.fitsBelow(ROW_BYTES);
    }
  }
  out.advance(writePiece(view, p, k.close));
  return n;
}
