/**
 * JSON values written straight into a DataView at a position, each returning the position after
 * it: what JsonBytes writes (strings, numbers, times, literals), for JsonBytes itself and for the
 * row writers that reserve room for a whole row once and then write its fields with the position
 * in a local (report-rows.ts, event-rows.ts). The caller makes the room: `stringBytes(s)` for a
 * string, NUMBER_BYTES for a number, ISO_BYTES for a time, a piece's length + 3.
 */
import { bytePiece, writePiece } from "./byte-pieces";
import { writeShortest } from "./digits";
import { DAY_MS, isoTime, isPlainIsoTime, type IsoWords } from "./iso-time";

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
export const NULL = bytePiece(ascii("null"));
export const TRUE = bytePiece(ascii("true"));
export const FALSE = bytePiece(ascii("false"));
const HEX = ascii("0123456789abcdef");
/** `\b \t \n \f \r` get their short escapes, the other controls `\u00xx`. */
const SHORT_ESCAPE: Record<number, number> = { 8: 98, 9: 116, 10: 110, 12: 102, 13: 114 };

/** The most a number takes: `String(x)` of a double is at most 24 characters (`-1.7976931348623157e+308`). */
export const NUMBER_BYTES = 24;
/** The most a time's text takes (`+275760-09-13T00:00:00.000Z`), without quotes. */
export const ISO_BYTES = 27;

/**
 * More than the fixed part of any row takes (its pieces, numbers and times, all but its strings):
 * an order row, the longest, has 17 members of at most 27 + 24 bytes (a piece written with its
 * three bytes of padding, then a number or a time).
 */
export const ROW_BYTES = 1024;

/** The most `putString(s)` takes: quotes, and six bytes a UTF-16 unit (`\u001f`). */
export const stringBytes = (s: string): number => 2 + 6 * s.length;

/** A JSON string: quoted, escaped as JSON.stringify escapes, UTF-8. */
export function putString(view: DataView, p: number, s: string): number {
  // Plain ASCII (ids, symbols, statuses) here, in a loop small enough for V8 to inline into a
  // row writer; from the first character that needs more, the rest in putStringRest.
  view.setUint8(p++, 0x22);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x80 || c === 0x22 || c === 0x5c) return putStringRest(view, p, s, i);
    view.setUint8(p++, c);
  }
  view.setUint8(p, 0x22);
  return p + 1;
}

/** putString from `s[from]` on (its opening quote and what comes before `from` are written). */
function putStringRest(view: DataView, p: number, s: string, from: number): number {
  const n = s.length;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x80) {
      if (c === 0x22 || c === 0x5c) view.setUint8(p++, 0x5c);
      view.setUint8(p++, c);
    } else if (c < 0x20) {
      view.setUint8(p++, 0x5c);
      const short = SHORT_ESCAPE[c];
      if (short !== undefined) view.setUint8(p++, short);
      else p = unicodeEscape(view, p, c);
    } else if (c < 0x800) {
      view.setUint8(p++, 0xc0 | (c >> 6));
      view.setUint8(p++, 0x80 | (c & 0x3f));
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        view.setUint8(p++, 0xf0 | (cp >> 18));
        view.setUint8(p++, 0x80 | ((cp >> 12) & 0x3f));
        view.setUint8(p++, 0x80 | ((cp >> 6) & 0x3f));
        view.setUint8(p++, 0x80 | (cp & 0x3f));
        i++;
      } else {
        view.setUint8(p++, 0x5c); // a lone surrogate: JSON.stringify writes \udxxx
        p = unicodeEscape(view, p, c);
      }
    } else {
      view.setUint8(p++, 0xe0 | (c >> 12));
      view.setUint8(p++, 0x80 | ((c >> 6) & 0x3f));
      view.setUint8(p++, 0x80 | (c & 0x3f));
    }
  }
  view.setUint8(p++, 0x22);
  return p;
}

/** `u` and four lowercase hex digits (the backslash is already written). */
function unicodeEscape(view: DataView, p: number, c: number): number {
  view.setUint8(p++, 0x75);
  view.setUint8(p++, HEX[(c >> 12) & 15]!);
  view.setUint8(p++, HEX[(c >> 8) & 15]!);
  view.setUint8(p++, HEX[(c >> 4) & 15]!);
  view.setUint8(p++, HEX[c & 15]!);
  return p;
}

/** ASCII text as it is (a number's `String`, a time's). */
export function putText(view: DataView, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) view.setUint8(p++, s.charCodeAt(i));
  return p;
}

/** A number as JSON.stringify writes it: `String(x)`, or null when not finite. */
export function putNumber(view: DataView, p: number, x: number): number {
  const end = writeShortest(view, p, x);
  if (end >= 0) return end;
  if (x !== x || x === Infinity || x === -Infinity) return writePiece(view, p, NULL);
  return putText(view, p, String(x));
}

/** A string, or null. */
export const putStringOrNull = (view: DataView, p: number, s: string | null): number =>
  s === null ? writePiece(view, p, NULL) : putString(view, p, s);

/** A number, or null. */
export const putNumberOrNull = (view: DataView, p: number, x: number | null): number =>
  x === null ? writePiece(view, p, NULL) : putNumber(view, p, x);

/** The `toISOString()` text of a Unix-ms time without quotes, from `iso`'s words when it is a plain time. */
export function putIso(view: DataView, p: number, iso: IsoWords, ms: number): number {
  if (!isPlainIsoTime(ms)) return putText(view, p, isoTime(ms));
  // Whole numbers in int32 from here on (a plain time's day and clock fit): see civilYmd.
  const day = Math.floor(ms / DAY_MS) | 0;
  iso.setParts(day, (ms - day * DAY_MS) | 0);
  return iso.write(view, p);
}
