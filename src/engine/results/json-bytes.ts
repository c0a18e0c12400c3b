/**
 * JSON as UTF-8 bytes, written into a reused buffer and handed out in chunks of about CHUNK_BYTES:
 * byte for byte what `JSON.stringify(value)` (compact) or `JSON.stringify(value, null, 2)`
 * (pretty) gives, encoded as UTF-8, without building the text as strings first. Numbers that are
 * whole or have at most six decimals (money, prices, shares) are written digit by digit (digits.ts),
 * times from cached words (iso-time.ts); anything else goes through `String(x)` as JSON.stringify
 * does. Punctuation, indentation and keys are written as 32-bit words (byte-pieces.ts).
 */
import { type BytePiece, bytePiece, writePiece } from "./byte-pieces";
import { MAX_DIGITS_VALUE, writeFixed } from "./digits";
import { IsoWords } from "./iso-time";
import {
  FALSE,
  ISO_BYTES,
  NULL,
  NUMBER_BYTES,
  putIso,
  putNumber,
  putString,
  putText,
  stringBytes,
  TRUE,
} from "./put-bytes";

/** A chunk is handed out once it holds this many bytes (it may hold one more value than that). */
export const CHUNK_BYTES = 1 << 20;
/** Free room kept past CHUNK_BYTES, so a row rarely needs a bigger buffer. */
const ROOM = 1 << 16;

/**
 * The buffer of the last writer of CHUNK_BYTES that finished (`release`), for the next one: a fresh
 * megabyte is zeroed and its pages touched for the first time at each write (the bench writes the
 * same results several times; the page exports a run after another).
 */
let spare: Uint8Array | undefined;

/**
 * Each key's bytes, compact and indented, made the first time a writer writes the key and kept
 * for every writer after it (a results JSON has a hundred keys; the rows' keys are in row-pieces.ts).
 */
const KEYS = [new Map<string, BytePiece>(), new Map<string, BytePiece>()];
/** Keys past this many (a strategy's own record names, say) are made each time instead of kept. */
const MAX_KEPT_KEYS = 10_000;

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

export class JsonBytes {
  private buf: Uint8Array;
  /**
   * Stores go through a DataView: after SES's lockdown (the CLI's strategy thread, the page's run
   * worker) V8 stores into a typed array by index some 50 times slower, through a DataView not.
   */
  private view: DataView;
  private pos = 0;
  /** `"name":` for each key written so far, in this layout. */
  private readonly keys: Map<string, BytePiece>;
  /** `\n` and 2 × depth spaces, by depth. */
  private readonly indents: BytePiece[] = [];
  /** The last time written (row writers that write straight into `dataView` use it too). */
  readonly iso = new IsoWords();

  constructor(
    private readonly emit: (chunk: Uint8Array) => void,
    readonly pretty: boolean,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    const reused = chunkBytes === CHUNK_BYTES ? spare : undefined;
    if (reused !== undefined) spare = undefined;
    // A small writer (a key's or a row's fixed bytes) takes a small buffer: it grows when it must.
    this.buf = reused ?? new Uint8Array(chunkBytes + Math.min(ROOM, chunkBytes));
    this.keys = KEYS[pretty ? 1 : 0]!;
    this.view = new DataView(this.buf.buffer);
  }

  /** Done writing: hands out what is left, and leaves the buffer to the next writer. */
  finish(): void {
    this.flush();
    if (this.chunkBytes === CHUNK_BYTES && this.buf.length === CHUNK_BYTES + ROOM) spare = this.buf;
  }

  /**
   * For a writer of rows straight into the bytes (equity-rows.ts): room for `n` more bytes (see
   * `room`), and the position to write them at in `dataView`; `advance` says where they end.
   */
  reserve(n: number): number {
    this.room(n);
    return this.pos;
  }

  /** The bytes `reserve` made room in (another one after each `reserve`). */
  get dataView(): DataView {
    return this.view;
  }

  /** The position after bytes written into `dataView` from the one `reserve` gave. */
  advance(p: number): void {
    this.pos = p;
  }

  /** Below this position, `n` bytes fit in `dataView` without a `reserve` (the chunk is not full yet). */
  fitsBelow(n: number): number {
    return Math.min(this.chunkBytes, this.buf.length - n);
  }

  /** Make room for `n` more bytes; hands the chunk out first once it is full. */
  private room(n: number): void {
    if (this.pos >= this.chunkBytes) this.flush();
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(this.pos + n + ROOM);
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
    this.view = new DataView(bigger.buffer);
  }

  /**
   * Hand out what is written. The chunk is a view of the one buffer the writer reuses (no garbage
   * per megabyte): the receiver writes or copies it before it returns, and keeps no reference.
   */
  flush(): void {
    if (this.pos === 0) return;
    const chunk = this.buf.subarray(0, this.pos);
    this.pos = 0;
    this.emit(chunk);
  }

  /** One ASCII character (punctuation). */
  byte(c: number): void {
    this.room(1);
    this.view.setUint8(this.pos++, c);
  }

  /** A fixed run of bytes. */
  piece(b: BytePiece): void {
    this.room(b.length + 3);
    this.pos = writePiece(this.view, this.pos, b);
  }

  /** Pretty: a new line indented to `depth`; compact: nothing. */
  newline(depth: number): void {
    if (this.pretty) this.piece((this.indents[depth] ??= bytePiece(ascii("\n" + "  ".repeat(depth)))));
  }

  /**
   * The separator before a member of an object or array at `depth` (its container is at depth − 1):
   * a comma unless it is the first, then (pretty) its line.
   */
  member(first: boolean, depth: number): void {
    if (!first) this.byte(0x2c);
    this.newline(depth);
  }

  /** `"name": ` (pretty) or `"name":` of a member at `depth`, with its separator. */
  key(name: string, first: boolean, depth: number): void {
    this.keyBytes(this.keyOf(name), first, depth);
  }

  /** The bytes `key` writes for `name` (rows written by the hundred thousand look theirs up once). */
  keyOf(name: string): BytePiece {
    let k = this.keys.get(name);
    if (k === undefined) {
      k = piecesOf(this.pretty, (out) => {
        out.string(name);
        out.byte(0x3a);
        if (out.pretty) out.byte(0x20);
      });
      if (this.keys.size < MAX_KEPT_KEYS) this.keys.set(name, k);
    }
    return k;
  }

  /** `key` with the name's bytes from `keyOf`. */
  keyBytes(k: BytePiece, first: boolean, depth: number): void {
    this.member(first, depth);
    this.piece(k);
  }

  /** Closes an object or array at `depth` that had members (pretty: on its own line). */
  close(c: number, depth: number): void {
    this.newline(depth);
    this.byte(c);
  }

  /** A JSON string: quoted, escaped as JSON.stringify escapes, UTF-8. */
  string(s: string): void {
    this.room(stringBytes(s));
    this.pos = putString(this.view, this.pos, s);
  }

  /** A number as JSON.stringify writes it: `String(x)`, or null when not finite. */
  number(x: number): void {
    this.room(NUMBER_BYTES);
    this.pos = putNumber(this.view, this.pos, x);
  }

  /** `number(c / 100)` for a whole c (an amount in cents), without the division and its checks. */
  cents(c: number): void {
    if (c === 0) return this.byte(0x30); // also −0
    // c / 100 is the float nearest the decimal c × 10^-2: with at most 15 digits, that decimal is its shortest form.
    if (Math.abs(c) < MAX_DIGITS_VALUE) return this.fixed(c, 2);
    this.number(c / 100);
  }

  /** k / 10^d, k whole, 0 < |k| < 10^15, with trailing zeros of the fraction dropped. */
  private fixed(k: number, d: number): void {
    this.room(20);
    this.pos = writeFixed(this.view, this.pos, k, d);
  }

  /** ASCII text as it is (a number's `String`). */
  text(s: string): void {
    this.room(s.length);
    this.pos = putText(this.view, this.pos, s);
  }

  /** A Unix-ms time as the quoted `toISOString()` text. */
  isoString(ms: number): void {
    this.byte(0x22);
    this.isoText(ms);
    this.byte(0x22);
  }

  /** The `toISOString()` text of a Unix-ms time, without its quotes (a row's pieces hold them). */
  isoText(ms: number): void {
    this.room(ISO_BYTES);
    this.pos = putIso(this.view, this.pos, this.iso, ms);
  }

  /** null, true or false. */
  literal(v: null | boolean): void {
    this.piece(v === null ? NULL : v ? TRUE : FALSE);
  }
}

/** The bytes `write` puts into a writer of its own, as a piece (keys and row punctuation, made once). */
export function piecesOf(pretty: boolean, write: (out: JsonBytes) => void): BytePiece {
  const chunks: Uint8Array[] = [];
  const out = new JsonBytes((c) => chunks.push(c.slice()), pretty, 256);
  write(out);
  out.flush();
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytePiece(bytes);
}
