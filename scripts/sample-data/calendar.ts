// The NYSE calendar by rule, so the sample data has real trading days without shipping a
// holiday list copied from somewhere. Days are counted as whole days since 1970-01-01 (UTC).
import { DAY_MS as MS_PER_DAY, isoDate as isoDateOf, weekday } from "../../src/engine/data/utc-day";

const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;

/** Closures outside the rules: national days of mourning and the like. */
export const SPECIAL_CLOSURES: readonly string[] = [
  "2018-12-05", // national day of mourning for President George H. W. Bush
];

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoDate(day: number): string {
  return isoDateOf(day * MS_PER_DAY);
}

export { weekday };

function nthWeekday(year: number, month: number, wd: number, n: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
}

function lastWeekday(year: number, month: number, wd: number): number {
  const last = dayNumber(year, month + 1, 0);
  return last - ((weekday(last) - wd + 7) % 7);
}

/** A Saturday holiday is observed on Friday, a Sunday one on Monday. */
function observed(day: number): number {
  const wd = weekday(day);
  if (wd === SATURDAY) return day - 1;
  if (wd === SUNDAY) return day + 1;
  return day;
}

/** Easter Sunday (Gregorian), by the anonymous "Meeus/Jones/Butcher" algorithm. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

/** NYSE full-day holidays of one year by rule (early closes are trading days). */
export function nyseHolidays(year: number): number[] {
  const newYear = dayNumber(year, 1, 1);
  const days = [
    nthWeekday(year, 1, MONDAY, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, MONDAY, 3), // Washington's Birthday
    easterSunday(year) - 2, // Good Friday
    lastWeekday(year, 5, MONDAY), // Memorial Day
    observed(dayNumber(year, 7, 4)), // Independence Day
    nthWeekday(year, 9, MONDAY, 1), // Labor Day
    nthWeekday(year, 11, THURSDAY, 4), // Thanksgiving
    observed(dayNumber(year, 12, 25)), // Christmas
  ];
  // NYSE Rule 7.2: a Saturday New Year's Day is not moved back into the old year's last Friday.
  if (weekday(newYear) !== SATURDAY) days.push(observed(newYear));
  if (year >= 2022) days.push(observed(dayNumber(year, 6, 19))); // Juneteenth, observed from 2022
  return days.sort((x, y) => x - y);
}

/** NYSE trading days from `first` to `last` (ISO dates, both included), as day numbers. */
export function tradingDays(first: string, last: string): number[] {
  const from = Date.parse(`${first}T00:00:00Z`) / MS_PER_DAY;
  const to = Date.parse(`${last}T00:00:00Z`) / MS_PER_DAY;
  const closed = new Set(SPECIAL_CLOSURES.map((date) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY));
  for (
    let year = new Date(from * MS_PER_DAY).getUTCFullYear();
    year <= new Date(to * MS_PER_DAY).getUTCFullYear();
    year++
  ) {
    for (const day of nyseHolidays(year)) closed.add(day);
  }
  const days: number[] = [];
  for (let day = from; day <= to; day++) {
    const wd = weekday(day);
    if (wd !== SATURDAY && wd !== SUNDAY && !closed.has(day)) days.push(day);
  }
  return days;
}
