export const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: toISOString writes 4-digit years in between. */
const FIRST = -62_167_219_200_000;
const LAST = 253_402_300_800_000;
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

let cachedDay = NaN;
let cachedDate = "";
let lastMs = NaN;
let lastIso = "";

/** The civil date of a day number (days since 1970-01-01) as y × 10000 + m × 100 + d (y ≥ 0), from the civil-calendar arithmetic. */
export function civilYmd(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
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
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = civilDate(day);
  }
  let rest = ms - day * DAY_MS;
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
