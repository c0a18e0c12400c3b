/**
 * Days in the engine are UTC calendar days: a bar's session is the UTC date of its time
 * (daily bars are stamped at 00:00 UTC; US minute bars fall within one UTC date).
 * A day number counts whole UTC days since 1970-01-01, which was a Thursday.
 */
export const DAY_MS = 86_400_000;

/** The day number of a Unix-ms time. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** `YYYY-MM-DD` of a Unix-ms time (its UTC date). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a day number. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** How many sessions (distinct UTC days) the first `length` times of an ascending timeline span. */
export function countSessions(time: ArrayLike<number>, length = time.length): number {
  let sessions = 0;
  for (let t = 0, last = NaN; t < length; t++) {
    const day = utcDay(time[t]!);
    if (day !== last) sessions++;
    last = day;
  }
  return sessions;
}
