/**
 * The `equity` rows of the results JSON (200,000 and more a run), written from the engine's three
 * columns straight into the writer's bytes: one loop, its position in a local, no call per field.
 * A row is equityPointJson's fields at depth 2, its money to the cent as `cents` rounds it. What
 * repeats is written as prepared words: the end of one row with the start of the next, the keys,
 * the time's date and clock as far as they did not change (IsoWords), and an amount the same as
 * the row before's (cash stays put between fills, the value too while flat). A row with a time
 * toISOString writes another way, or an amount past int32 cents, goes through the writer's methods.
 */
import { type BytePiece, writePiece } from "./byte-pieces";
import { writeCents } from "./digits";
import { DAY_MS, isPlainIsoTime, IsoWords } from "./iso-time";
import type { JsonBytes } from "./json-bytes";
import type { RowPieces } from "./row-pieces";

/** More than a row takes on the fast path (punctuation and keys, a 24-byte time, two amounts of ≤ 12 bytes). */
const ROW_BYTES = 256;
const INT32 = 0x7fffffff;

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
  // The three pieces of a row as words in locals (a piece's words read from its array at every
  // row were a tenth of the loop), each written whole: what follows overwrites the padding.
  const [a0, a1, a2, a3, a4, a5, a6] = sevenWords(k.closeOpenDt);
  const [b0, b1, b2, b3, b4, b5, b6] = sevenWords(k.dtThenValue);
  const [c0, c1, c2, c3, c4, c5, c6] = sevenWords(k.next.cash);
  const aLength = k.closeOpenDt.length;
  const bLength = k.dtThenValue.length;
  const cLength = k.next.cash.length;
  // The amount each column wrote last (in cents) and its bytes, up to 12 ("-21474836.47"), as
  // three words: cash stays put between fills, the value too while flat.
  let vCents = NaN;
  let vLength = 0;
  let v0 = 0;
  let v1 = 0;
  let v2 = 0;
  let cCents = NaN;
  let cLength2 = 0;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let p = out.reserve(ROW_BYTES);
  let view = out.dataView;
  let end = out.fitsBelow(ROW_BYTES);
  for (let i = 0; i < n; i++) {
    const ms = time[i]!;
    const v = Math.round(value[i]! * 100);
    const c = Math.round(cash[i]! * 100);
    if (p < end && isPlainIsoTime(ms) && Math.abs(v) <= INT32 && Math.abs(c) <= INT32) {
      if (i === 0) p = writePiece(view, p, k.rowOpenDt.first);
      else {
        view.setInt32(p, a0);
        view.setInt32(p + 4, a1);
        view.setInt32(p + 8, a2);
        view.setInt32(p + 12, a3);
        view.setInt32(p + 16, a4);
        view.setInt32(p + 20, a5);
        view.setInt32(p + 24, a6);
        p += aLength;
      }
      // putIso's steps here: a time passed to a call V8 does not inline is a heap number per row.
      const day = Math.floor(ms / DAY_MS) | 0;
      iso.setParts(day, (ms - day * DAY_MS) | 0);
      p = iso.write(view, p);
      view.setInt32(p, b0);
      view.setInt32(p + 4, b1);
      view.setInt32(p + 8, b2);
      view.setInt32(p + 12, b3);
      view.setInt32(p + 16, b4);
      view.setInt32(p + 20, b5);
      view.setInt32(p + 24, b6);
      p += bLength;
      if (v !== vCents) {
        const q = writeSignedCents(view, p, v);
        vCents = v;
        vLength = q - p;
        v0 = view.getInt32(p);
        v1 = view.getInt32(p + 4);
        v2 = view.getInt32(p + 8);
        p = q;
      } else {
        view.setInt32(p, v0);
        view.setInt32(p + 4, v1);
        view.setInt32(p + 8, v2);
        p += vLength;
      }
      view.setInt32(p, c0);
      view.setInt32(p + 4, c1);
      view.setInt32(p + 8, c2);
      view.setInt32(p + 12, c3);
      view.setInt32(p + 16, c4);
      view.setInt32(p + 20, c5);
      view.setInt32(p + 24, c6);
      p += cLength;
      if (c !== cCents) {
        const q = writeSignedCents(view, p, c);
        cCents = c;
        cLength2 = q - p;
        w0 = view.getInt32(p);
        w1 = view.getInt32(p + 4);
        w2 = view.getInt32(p + 8);
        p = q;
      } else {
        view.setInt32(p, w0);
        view.setInt32(p + 4, w1);
        view.setInt32(p + 8, w2);
        p += cLength2;
      }
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

/** `c` (whole, |c| ≤ INT32) as c / 100 at `p`, as JsonBytes.cents writes it; the position after it. */
function writeSignedCents(view: DataView, p: number, c: number): number {
  if (c === 0) {
    view.setUint8(p, 0x30); // also −0, as String writes it
    return p + 1;
  }
  if (c > 0) return writeCents(view, p, c);
  view.setUint8(p, 0x2d);
  return writeCents(view, p + 1, -c);
}

/** A piece's words, zeros after its last, seven in all: a piece of the equity rows is at most 28 bytes. */
function sevenWords(piece: BytePiece): number[] {
  if (piece.words.length > 7) throw new Error(`an equity row's piece of ${piece.length} bytes`);
  return Array.from({ length: 7 }, (_, i) => piece.words[i] ?? 0);
}
