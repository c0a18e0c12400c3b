/**
 * JSON as UTF-8 bytes, written into a reused buffer and handed out in chunks of about CHUNK_BYTES:
 * byte for byte what `JSON.stringify(value)` (compact) or `JSON.stringify(value, null, 2)`
 * (pretty) gives, encoded as UTF-8, without building the text as strings first. Numbers that are
 * whole or have at most six decimals (money, prices, shares) are written digit by digit (digits.ts),
 * times from cached words (iso-time.ts); anything else goes through `String(x)` as JSON.stringify
 * does. Punctuation, indentation and keys are written as 32-bit words (byte-pieces.ts).
 */
import { type BytePiece, bytePiece, writePiece } from "./byte-pieces";
import { MAX_DIGITS_VALUE, writeFixed, writeShortest } from "./digits";
import { DAY_MS, isoTime, isPlainIsoTime, IsoWords } from "./iso-time";

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

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const NULL = bytePiece(ascii("null"));
const TRUE = bytePiece(ascii("true"));
const FALSE = bytePiece(ascii("false"));
const HEX = ascii("0123456789abcdef");
/** `\b \t \n \f \r` get their short escapes, the other controls `\u00xx`. */
const SHORT_ESCAPE: Record<number, number> = { 8: 98, 9: 116, 10: 110, 12: 102, 13: 114 };

export class JsonBytes {
  private buf: Uint8Array;
  /**
   * Stores go through a DataView: after SES's lockdown (the CLI's strategy thread, the page's run
   * worker) V8 stores into a typed array by index some 50 times slower, through a DataView not.
   */
  private view: DataView;
  private pos = 0;
  /** `"name":` for each key written so far. */
  private readonly keys = new Map<string, BytePiece>();
  /** `\n` and 2 × depth spaces, by depth. */
  private readonly indents: BytePiece[] = [];
  /** The last time written. */
  private readonly iso = new IsoWords();

  constructor(
    private readonly emit: (chunk: Uint8Array) => void,
    readonly pretty: boolean,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    const reused = chunkBytes === CHUNK_BYTES ? spare : undefined;
    if (reused !== undefined) spare = undefined;
    this.buf = reused ?? new Uint8Array(chunkBytes + ROOM);
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
      this.keys.set(name, k);
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
    const n = s.length;
    this.room(2 + 6 * n);
    const buf = this.view;
    let p = this.pos;
    buf.setUint8(p++, 0x22);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x80) {
        if (c === 0x22 || c === 0x5c) buf.setUint8(p++, 0x5c);
        buf.setUint8(p++, c);
      } else if (c < 0x20) {
        buf.setUint8(p++, 0x5c);
        const short = SHORT_ESCAPE[c];
        if (short !== undefined) buf.setUint8(p++, short);
        else p = unicodeEscape(buf, p, c);
      } else if (c < 0x800) {
        buf.setUint8(p++, 0xc0 | (c >> 6));
        buf.setUint8(p++, 0x80 | (c & 0x3f));
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          buf.setUint8(p++, 0xf0 | (cp >> 18));
          buf.setUint8(p++, 0x80 | ((cp >> 12) & 0x3f));
          buf.setUint8(p++, 0x80 | ((cp >> 6) & 0x3f));
          buf.setUint8(p++, 0x80 | (cp & 0x3f));
          i++;
        } else {
          buf.setUint8(p++, 0x5c); // a lone surrogate: JSON.stringify writes \udxxx
          p = unicodeEscape(buf, p, c);
        }
      } else {
        buf.setUint8(p++, 0xe0 | (c >> 12));
        buf.setUint8(p++, 0x80 | ((c >> 6) & 0x3f));
        buf.setUint8(p++, 0x80 | (c & 0x3f));
      }
    }
    buf.setUint8(p++, 0x22);
    this.pos = p;
  }

  /** A number as JSON.stringify writes it: `String(x)`, or null when not finite. */
  number(x: number): void {
    this.room(24);
    const end = writeShortest(this.view, this.pos, x);
    if (end >= 0) this.pos = end;
    else if (x !== x || x === Infinity || x === -Infinity) this.piece(NULL);
    else this.text(String(x));
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
    const buf = this.view;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf.setUint8(p++, s.charCodeAt(i));
    this.pos = p;
  }

  /** A Unix-ms time as the quoted `toISOString()` text. */
  isoString(ms: number): void {
    this.byte(0x22);
    this.isoText(ms);
    this.byte(0x22);
  }

  /** The `toISOString()` text of a Unix-ms time, without its quotes (a row's pieces hold them). */
  isoText(ms: number): void {
    if (!this.iso.set(ms)) return this.text(isoTime(ms));
    this.room(24);
    this.pos = this.iso.write(this.view, this.pos);
  }

  /** `isoText(times[i])`, the time read here: no heap number for it on the way (IsoWords.setParts). */
  isoTextAt(times: Float64Array, i: number): void {
    const ms = times[i]!;
    if (!isPlainIsoTime(ms)) return this.text(isoTime(ms));
    const day = Math.floor(ms / DAY_MS) | 0;
    this.iso.setParts(day, (ms - day * DAY_MS) | 0);
    this.room(24);
    this.pos = this.iso.write(this.view, this.pos);
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

/** `u` and four lowercase hex digits (the backslash is already written). */
function unicodeEscape(buf: DataView, p: number, c: number): number {
  buf.setUint8(p++, 0x75);
  buf.setUint8(p++, HEX[(c >> 12) & 15]!);
  buf.setUint8(p++, HEX[(c >> 8) & 15]!);
  buf.setUint8(p++, HEX[(c >> 4) & 15]!);
  buf.setUint8(p++, HEX[c & 15]!);
  return p;
}
