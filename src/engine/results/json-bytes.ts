/**
 * JSON as UTF-8 bytes, written into a reused buffer and handed out in chunks of about CHUNK_BYTES:
 * byte for byte what `JSON.stringify(value)` (compact) or `JSON.stringify(value, null, 2)`
 * (pretty) gives, encoded as UTF-8, without building the text as strings first. Numbers that are
 * whole or have at most six decimals (money, prices, shares) are written digit by digit, times
 * from a cached date (iso-time.ts); anything else goes through `String(x)` as JSON.stringify does.
 */
import { civilYmd, DAY_MS, isoTime, isPlainIsoTime } from "./iso-time";

/** A chunk is handed out once it holds this many bytes (it may hold one more value than that). */
export const CHUNK_BYTES = 1 << 20;
/** Free room kept past CHUNK_BYTES, so a row rarely needs a bigger buffer. */
const ROOM = 1 << 16;

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const NULL = ascii("null");
const TRUE = ascii("true");
const FALSE = ascii("false");
const HEX = ascii("0123456789abcdef");
/** `\b \t \n \f \r` get their short escapes, the other controls `\u00xx`. */
const SHORT_ESCAPE: Record<number, number> = { 8: 98, 9: 116, 10: 110, 12: 102, 13: 114 };
/** Powers of ten up to 10^15, exact. */
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** Whole numbers of at most 15 digits print as their digits: no other decimal that short is the same float. */
const MAX_DIGITS_VALUE = 1e15;

export class JsonBytes {
  private buf: Uint8Array;
  /**
   * Stores go through a DataView: after SES's lockdown (the CLI's strategy thread, the page's run
   * worker) V8 stores into a typed array by index some 50 times slower, through a DataView not.
   */
  private view: DataView;
  private pos = 0;
  /** `"name":` for each key written so far. */
  private readonly keys = new Map<string, Uint8Array>();
  /** `\n` and 2 × depth spaces, by depth. */
  private readonly indents: Uint8Array[] = [];
  private readonly digits = new Uint8Array(24);
  private readonly digitsOut = new DataView(this.digits.buffer);
  private lastIsoMs = NaN;
  private lastDay = NaN;
  private lastClock = NaN;
  /** The last time's `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
  private readonly iso = ascii("0000-00-00T00:00:00.000Z");
  private readonly isoOut = new DataView(this.iso.buffer);

  constructor(
    private readonly emit: (chunk: Uint8Array) => void,
    readonly pretty: boolean,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    this.buf = new Uint8Array(chunkBytes + ROOM);
    this.view = new DataView(this.buf.buffer);
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

  bytes(b: Uint8Array): void {
    this.room(b.length);
    const buf = this.view;
    let p = this.pos;
    for (let i = 0; i < b.length; i++) buf.setUint8(p++, b[i]!);
    this.pos = p;
  }

  /** Pretty: a new line indented to `depth`; compact: nothing. */
  newline(depth: number): void {
    if (this.pretty) this.bytes((this.indents[depth] ??= ascii("\n" + "  ".repeat(depth))));
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
  keyOf(name: string): Uint8Array {
    let k = this.keys.get(name);
    if (k === undefined) {
      // Encoded in the free room past what is written, then taken back out: room first, so no
      // flush can come between.
      this.room(4 + 6 * name.length);
      const start = this.pos;
      this.string(name);
      this.byte(0x3a);
      if (this.pretty) this.byte(0x20);
      k = this.buf.slice(start, this.pos);
      this.pos = start;
      this.keys.set(name, k);
    }
    return k;
  }

  /** `key` with the name's bytes from `keyOf`. */
  keyBytes(k: Uint8Array, first: boolean, depth: number): void {
    this.member(first, depth);
    this.bytes(k);
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
    if (x === 0) return this.byte(0x30); // also −0
    const a = Math.abs(x);
    if (!(a < MAX_DIGITS_VALUE)) return a === Infinity || x !== x ? this.bytes(NULL) : this.text(String(x));
    if (Number.isInteger(x)) return this.fixed(x, 0);
    // x = k / 10^d with k whole and at most 15 digits: then k's digits are x's shortest form.
    const c = Math.round(x * 100);
    if (c / 100 === x && Math.abs(c) < MAX_DIGITS_VALUE) return this.fixed(c, 2);
    const m = Math.round(x * 1e6);
    if (m / 1e6 === x && Math.abs(m) < MAX_DIGITS_VALUE) return this.fixed(m, 6);
    this.text(String(x));
  }

  /** `number(c / 100)` for a whole c (an amount in cents), without the division and its checks. */
  cents(c: number): void {
    if (c === 0) return this.byte(0x30);
    // c / 100 is the float nearest the decimal c × 10^-2: with at most 15 digits, that decimal is its shortest form.
    if (Math.abs(c) < MAX_DIGITS_VALUE) return this.fixed(c, 2);
    this.number(c / 100);
  }

  /** k / 10^d, k whole, 0 < |k| < 10^15, with trailing zeros of the fraction dropped. */
  private fixed(k: number, d: number): void {
    this.room(20);
    const buf = this.view;
    let p = this.pos;
    if (k < 0) {
      buf.setUint8(p++, 0x2d);
      k = -k;
    }
    const scale = POW10[d]!;
    const whole = Math.floor(k / scale);
    let frac = k - whole * scale;
    const digits = this.digits;
    const digitsOut = this.digitsOut;
    let n = 0;
    let w = whole;
    do {
      const q = w < 0x80000000 ? (w / 10) | 0 : Math.floor(w / 10);
      digitsOut.setUint8(n++, 0x30 + (w - q * 10));
      w = q;
    } while (w > 0);
    while (n > 0) buf.setUint8(p++, digits[--n]!);
    if (frac !== 0) {
      let places = d;
      while (frac % 10 === 0) {
        frac /= 10;
        places--;
      }
      buf.setUint8(p++, 0x2e);
      for (let i = places - 1; i >= 0; i--) {
        const q = (frac / 10) | 0; // frac < 10^6
        buf.setUint8(p + i, 0x30 + (frac - q * 10));
        frac = q;
      }
      p += places;
    }
    this.pos = p;
  }

  /** ASCII text as it is (a number's `String`). */
  private text(s: string): void {
    this.room(s.length);
    const buf = this.view;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf.setUint8(p++, s.charCodeAt(i));
    this.pos = p;
  }

  /** A Unix-ms time as the quoted `toISOString()` text. */
  isoString(ms: number): void {
    if (ms !== this.lastIsoMs && !this.cacheIso(ms)) return this.string(isoTime(ms));
    this.room(26);
    const buf = this.view;
    const iso = this.iso;
    let p = this.pos;
    buf.setUint8(p++, 0x22);
    for (let i = 0; i < 24; i++) buf.setUint8(p++, iso[i]!);
    buf.setUint8(p++, 0x22);
    this.pos = p;
  }

  /**
   * Put `ms`'s ISO text in `iso`: only what changed since the time before is written (daily bars:
   * the date, once a bar; intraday bars: the clock). False when isoTime has a form this does not write.
   */
  private cacheIso(ms: number): boolean {
    if (!isPlainIsoTime(ms)) return false;
    const iso = this.isoOut;
    const day = Math.floor(ms / DAY_MS);
    if (day !== this.lastDay) {
      const ymd = civilYmd(day);
      const y = Math.floor(ymd / 10_000);
      const c = Math.floor(y / 100);
      two(iso, 0, c);
      two(iso, 2, y - c * 100);
      two(iso, 5, Math.floor(ymd / 100) - y * 100);
      two(iso, 8, ymd % 100);
      this.lastDay = day;
    }
    const rest = ms - day * DAY_MS;
    if (rest !== this.lastClock) {
      const milli = rest % 1000;
      const secs = (rest - milli) / 1000;
      const s = secs % 60;
      const mins = (secs - s) / 60;
      const mi = mins % 60;
      two(iso, 11, (mins - mi) / 60);
      two(iso, 14, mi);
      two(iso, 17, s);
      iso.setUint8(20, 0x30 + Math.floor(milli / 100));
      two(iso, 21, milli % 100);
      this.lastClock = rest;
    }
    this.lastIsoMs = ms;
    return true;
  }

  /** null, true or false. */
  literal(v: null | boolean): void {
    this.bytes(v === null ? NULL : v ? TRUE : FALSE);
  }
}

function two(b: DataView, at: number, x: number): void {
  const tens = Math.floor(x / 10);
  b.setUint8(at, 0x30 + tens);
  b.setUint8(at + 1, 0x30 + x - tens * 10);
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
