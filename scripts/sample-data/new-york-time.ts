import { dayNumber, weekday } from "./calendar";

const SUNDAY = 0;

function nthSunday(year: number, month: number, n: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((SUNDAY - weekday(first) + 7) % 7) + 7 * (n - 1);
}

/**
 * Minutes New York is behind UTC on a trading day: 240 in daylight saving time (second Sunday
 * of March to first Sunday of November, US rules since 2007), else 300. Trading hours are far
 * from the 2 a.m. switch, so the day decides.
 */
export function newYorkOffsetMinutes(day: number, year: number): number {
  const inDaylightTime = day >= nthSunday(year, 3, 2) && day < nthSunday(year, 11, 1);
  return inDaylightTime ? 240 : 300;
}
