import { excerpt } from "../../excerpt";
import { withHiddenShown } from "../../invisible-chars";

// Hand-rolled instead of Date.parse: Date.parse reads "2020-01-02T00:00" as local time and
// accepts many loose shapes, and the data boundary must not depend on the machine's zone.
// It scans char codes rather than running a regex because it runs once per row of files
// with hundreds of thousands of rows, and a match array per row was most of the parse time.

const UNIX_NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * Plausible Unix times: seconds in [1e8, 1e10) and milliseconds in [1e11, 1e13), both
 * 1973-03-03 to 2286-11-20. Below 1e8 a number is more likely a spreadsheet serial day
 * (43831 is 2020-01-01 in Excel) or a compact `YYYYMMDD` date, and between 1e10 and 1e11
 * it could be either unit, so those are rejected rather than guessed.
 */
export const UNIX_SECONDS = { min: 1e8, max: 1e10 } as const;
export const UNIX_MILLISECONDS = { min: 1e11, max: 1e13 } as const;

const MS_PER_MINUTE = 60_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ZERO = 48;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const SPACE = 32;
const T_UPPER = 84;
const Z_UPPER = 90;
const Z_LOWER = 122;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** The value of `count` decimal digits at `start`, or -1 when any of them is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return NaN;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (y >= 100) return utc;
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const date = new Date(utc);
  date.setUTCFullYear(y);
  return date.getTime();
}

/** Minutes east of UTC for `Z`, `±HH:MM` or `±HHMM` filling the text from `at` to its end, else NaN. */
function zoneOffset(text: string, at: number): number {
  const length = text.length - at;
  const code = text.charCodeAt(at);
  if (length === 1 && (code === Z_UPPER || code === Z_LOWER)) return 0;
  if ((code !== PLUS && code !== DASH) || (length !== 6 && length !== 5)) return NaN;
  const hours = digits(text, at + 1, 2);
  if (length === 6 && text.charCodeAt(at + 3) !== COLON) return NaN;
  const minutes = digits(text, at + length - 2, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
  return (code === DASH ? -1 : 1) * (hours * 60 + minutes);
}

/** `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]][ ][Z|±HH:MM]]`, or NaN. */
function parseIso(text: string): number {
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return NaN;
  if (text.length === 10) return utcMs(y, mo, d, 0, 0, 0, 0);
  const separator = text.charCodeAt(10);
  if (separator !== T_UPPER && separator !== SPACE) return NaN;
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  if (h < 0 || mi < 0 || text.charCodeAt(13) !== COLON) return NaN;
  let at = 16;
  let s = 0;
  let ms = 0;
  if (text.charCodeAt(at) === COLON) {
    s = digits(text, at + 1, 2);
    if (s < 0) return NaN;
    at += 3;
    if (text.charCodeAt(at) === DOT) {
      if (digits(text, at + 1, 1) < 0) return NaN;
      // Milliseconds are the finest unit stored; finer digits are truncated, not rounded,
      // so a time never moves into the next millisecond.
      let scale = 100;
      for (at++; digits(text, at, 1) >= 0; at++) {
        ms += digits(text, at, 1) * scale;
        scale /= 10;
      }
      ms = Math.floor(ms);
    }
  }
  while (text.charCodeAt(at) === SPACE) at++;
  const offset = at === text.length ? 0 : zoneOffset(text, at);
  return utcMs(y, mo, d, h, mi, s, ms) - offset * MS_PER_MINUTE;
}

function isSpace(code: number): boolean {
  return code <= SPACE;
}

/**
 * Reads one date cell as Unix milliseconds (UTC), or NaN when it is not a date.
 * Accepts `YYYY-MM-DD` (UTC midnight), ISO date-times with `T` or a space, optional
 * seconds and fraction, and an optional `Z` or `±HH:MM` offset (none means UTC); compact
 * `YYYYMMDD` dates, also followed by a time (`20200102 09:30`); and pure numbers as Unix
 * seconds or milliseconds inside the plausible ranges above.
 */
export function parseTime(text: string): number {
  const cell = isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? text.trim() : text;
  if (cell.length >= 10 && cell.charCodeAt(4) === DASH) return parseIso(cell);
  if (isCompactDate(cell)) return parseIso(`${cell.slice(0, 4)}-${cell.slice(4, 6)}-${cell.slice(6)}`);
  if (UNIX_NUMBER.test(cell)) {
    const value = Number(cell);
    if (value >= UNIX_SECONDS.min && value < UNIX_SECONDS.max) return Math.round(value * 1000);
    if (value >= UNIX_MILLISECONDS.min && value < UNIX_MILLISECONDS.max) return Math.round(value);
  }
  return NaN;
}

/** `digits` for bytes. */
function digitBytes(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = bytes[i]! - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** A date cell longer than this is not read from bytes (it is no date parseTime takes). */
const MAX_DATE_BYTES = 40;

/**
 * parseTime for a cell of a file read as bytes, from `from` to `to`: `YYYY-MM-DD` straight from
 * the digits (the common daily file), any other shape as text. NaN where parseTime gives NaN;
 * a byte that is not ASCII never makes a date (the caller then reads the row as text).
 */
export function timeFromBytes(bytes: Uint8Array, from: number, to: number): number {
  if (to - from === 10 && bytes[from + 4] === DASH && bytes[from + 7] === DASH) {
    const y = digitBytes(bytes, from, 4);
    const mo = digitBytes(bytes, from + 5, 2);
    const d = digitBytes(bytes, from + 8, 2);
    return y < 0 || mo < 0 || d < 0 ? NaN : utcMs(y, mo, d, 0, 0, 0, 0);
  }
  if (to - from > MAX_DATE_BYTES) return NaN;
  let text = "";
  for (let i = from; i < to; i++) {
    if (bytes[i]! > 127) return NaN;
    text += String.fromCharCode(bytes[i]!);
  }
  return parseTime(text);
}

/** Eight digits (`YYYYMMDD`), alone or followed by `T` or a space and more (a time). */
function isCompactDate(cell: string): boolean {
  if (cell.length < 8 || digits(cell, 0, 8) < 0) return false;
  if (cell.length === 8) return true;
  const next = cell.charCodeAt(8);
  return next === T_UPPER || next === SPACE;
}

/**
 * Why a date cell that `parseTime` refused is not a date, for the error message (cold
 * path: only called once, on the line that fails). Quotes at most an excerpt of the cell.
 */
export function whyNotTime(text: string): string {
  const cell = text.trim();
  if (cell === "") return "date is empty";
  const quoted = `"${excerpt(withHiddenShown(text).trim())}"`;
  if (isCompactDate(cell)) return `date ${quoted} reads as YYYYMMDD but is not a valid date`;
  if (UNIX_NUMBER.test(cell)) {
    const value = Number(cell);
    const hint = value < EXCEL_LAST_SERIAL ? " (a spreadsheet's serial day number? write dates as YYYY-MM-DD)" : "";
    return (
      `date ${quoted} is a number but neither plausible Unix seconds (1e8 to 1e10) ` +
      `nor milliseconds (1e11 to 1e13), 1973-03-03 to 2286-11-20${hint}`
    );
  }
  return `date ${quoted} is not a date (expected YYYY-MM-DD, an ISO date-time, YYYYMMDD, or Unix seconds or milliseconds)`;
}

/** Excel's serial day of 9999-12-31: numbers below it may be spreadsheet dates. */
const EXCEL_LAST_SERIAL = 2_958_466;

/** Shows a time the way a person would look for it in the file: a bare date at UTC midnight. */
export function formatTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}
