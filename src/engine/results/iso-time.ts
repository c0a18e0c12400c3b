import { PAIRS } from "./digits";

export const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: toISOString writes 4-digit years in between. */
const FIRST = -62_167_219_200_000;
const LAST = 253_402_300_800_000;
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

let cachedDay = NaN;
let cachedDate = "";
let lastMs = NaN;
let lastIso = "";

/**
 * The civil date of a day number (days since 1970-01-01, from year 0 to 9999) as y × 10000 + m × 100 + d,
 * from the civil-calendar arithmetic. In int32 arithmetic (`| 0`): on floats V8 takes each `%`
 * and division through a slow path, several times this function's cost.
 */
export function civilYmd(day: number): number {
  const z = (day + 719_468) | 0;
  const era = (z >= 0 ? z / 146_097 : (z - 146_096) / 146_097) | 0;
  const doe = (z - era * 146_097) | 0;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36_524) | 0) - ((doe / 146_096) | 0)) / 365) | 0;
  const doy = (doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0))) | 0;
  const mp = ((5 * doy + 2) / 153) | 0;
  const d = (doy - (((153 * mp + 2) / 5) | 0) + 1) | 0;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = (yoe + era * 400 + (m <= 2 ? 1 : 0)) | 0;
  return y * 10_000 + m * 100 + d;
}

/** `YYYY-MM-DD` of a day number. */
function civilDate(day: number): string {
  const ymd = civilYmd(day);
  const y = Math.floor(ymd / 10_000);
  return `${String(y).padStart(4, "0")}-${TWO[Math.floor(ymd / 100) % 100]}-${TWO[ymd % 100]}`;
}

/** A whole ms from year 0 to 9999: toISOString writes it `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
export const isPlainIsoTime = (ms: number): boolean => ms >= FIRST && ms < LAST && Number.isInteger(ms);

/**
 * `new Date(ms).toISOString()`, character for character, without making a Date: results hold one
 * time per equity point, event and fill (200,000 and more a run). The day's date is kept from
 * the call before, so consecutive times of one day format only their clock part, and a time
 * asked again (the events of one bar) is the same string as before, not a second copy.
 */
export function isoTime(ms: number): string {
  if (ms === lastMs) return lastIso;
  if (!isPlainIsoTime(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS) | 0;
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = civilDate(day);
  }
  let rest = (ms - day * DAY_MS) | 0;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const s = rest % 60;
  rest = (rest - s) / 60;
  const mi = rest % 60;
  const h = (rest - mi) / 60;
  const frac = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
  lastMs = ms;
  lastIso = `${cachedDate}T${TWO[h]}:${TWO[mi]}:${TWO[s]}.${frac}Z`;
  return lastIso;
}

const digit = (x: number) => 0x30 + x;
/** Two digits of 0 ≤ x < 100 as a 16-bit word. */
const pair = (x: number) => PAIRS[x]!;

/**
 * A time's ISO text (`YYYY-MM-DDTHH:MM:SS.mmmZ`, 24 bytes) as six big-endian 32-bit words, for
 * writers that put it straight into their bytes (json-bytes.ts). Only what changed since the time
 * before is worked out again: daily bars, the date once a bar; intraday bars, the clock.
 */
export class IsoWords {
  w0 = 0;
  w1 = 0;
  /** The day of the month; `DDT`, and the hour's tens digit: `w2` is the two together. */
  private dom = 0;
  private dayPart = 0;
  private hourTens = 0;
  w2 = 0;
  w3 = 0;
  w4 = 0;
  w5 = 0;
  /** Kept as int32 (an impossible day and clock to start: a plain time's are smaller). */
  private day = 0x7fffffff;
  private clock = -1;

  /** Make the words those of `ms`; false (and nothing changed) when isoTime has a form this does not write. */
  set(ms: number): boolean {
    if (!isPlainIsoTime(ms)) return false;
    // Whole numbers in int32 from here on (a plain time's day and clock fit): see civilYmd.
    const day = Math.floor(ms / DAY_MS) | 0;
    this.setParts(day, (ms - day * DAY_MS) | 0);
    return true;
  }

  /**
   * The words of the time `rest` ms into `day` (a plain time's day and clock, as int32: V8 passes
   * them to a function it does not inline as they are, where a time in ms would be a heap number).
   */
  setParts(day: number, rest: number): void {
    if (day !== this.day) this.setDay(day);
    if (rest !== this.clock) this.setClock(rest);
  }

  private setClock(rest: number): void {
    const milli = rest % 1000;
    const secs = ((rest - milli) / 1000) | 0;
    const s = secs % 60;
    const mins = ((secs - s) / 60) | 0;
    const mi = mins % 60;
    const hh = pair(((mins - mi) / 60) | 0);
    this.hourTens = hh >> 8;
    this.w2 = this.dayPart | this.hourTens;
    this.w3 = ((hh & 0xff) << 24) | (0x3a << 16) | pair(mi);
    this.w4 = (0x3a << 24) | (pair(s) << 8) | 0x2e;
    this.w5 = (digit((milli / 100) | 0) << 24) | (pair(milli % 100) << 8) | 0x5a;
    this.clock = rest;
  }

  /** The date words of `day`: a step of a few days within the month moves the day of the month only. */
  private setDay(day: number): void {
    const step = day - this.day;
    // Every month has 28 days: up to the 28th, a later day of the same month is the day plus the step.
    if (step > 0 && this.dom + step <= 28) this.dom += step;
    else {
      const ymd = civilYmd(day);
      const y = (ymd / 10_000) | 0;
      const md = ymd - y * 10_000;
      const m = (md / 100) | 0;
      this.w0 = (pair((y / 100) | 0) << 16) | pair(y % 100);
      this.w1 = (0x2d << 24) | (pair(m) << 8) | 0x2d;
      this.dom = md - m * 100;
    }
    this.dayPart = (pair(this.dom) << 16) | (0x54 << 8);
    this.w2 = this.dayPart | this.hourTens;
    this.day = day;
  }

  /** Writes the 24 bytes at `p`; the position after them. */
  write(view: DataView, p: number): number {
    view.setInt32(p, this.w0);
    view.setInt32(p + 4, this.w1);
    view.setInt32(p + 8, this.w2);
    view.setInt32(p + 12, this.w3);
    view.setInt32(p + 16, this.w4);
    view.setInt32(p + 20, this.w5);
    return p + 24;
  }
}
