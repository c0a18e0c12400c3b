import type { Rng } from "./prng";

/** The calendar year of each trading day, e.g. 2014 for the first. */
export function yearsOf(dates: readonly string[]): number[] {
  return dates.map((date) => Number(date.slice(0, 4)));
}

/**
 * Marks `perYear` distinct days in every calendar year. Picking per year (rather than a
 * coin toss per day) guarantees that every year has them, which the examples rely on.
 */
export function pickPerYear(rng: Rng, years: readonly number[], perYear: number): Uint8Array {
  const marked = new Uint8Array(years.length);
  let start = 0;
  while (start < years.length) {
    let end = start;
    while (end < years.length && years[end] === years[start]) end++;
    for (const offset of rng.pick(end - start, perYear)) marked[start + offset] = 1;
    start = end;
  }
  return marked;
}
