/** Whether a run's start and end dates leave any bar of its data to run on. */
import { firstIndexAtOrAfter } from "../engine/data/sorted-search";
import type { SymbolBars } from "../engine/data/symbol-bars";
import { dateBound, type RunSettings } from "../engine/settings";

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Why no bar of `bars` lies between the run's start and end dates, saying which dates the data
 * covers; null when some bar does (or there are no bars at all: the data's own checks say so). A
 * wrong date is the settings' fault, not the strategy's: the CLI exits 2, the page says "data".
 */
export function noBarsBetweenDates(bars: readonly SymbolBars[], settings: RunSettings): string | null {
  if (!settings.start && !settings.end) return null;
  const start = dateBound(settings.start, "start");
  const end = dateBound(settings.end, "end");
  let first = Infinity;
  let last = -Infinity;
  for (const b of bars) {
    const t = b.time;
    if (t.length === 0) continue;
    first = Math.min(first, t[0]!);
    last = Math.max(last, t[t.length - 1]!);
    const i = firstIndexAtOrAfter(t, start);
    if (i < t.length && t[i]! <= end) return null;
  }
  if (first === Infinity) return null;
  if (start > end) return `no bars to run on: start ${settings.start} is after end ${settings.end}`;
  const asked = [settings.start && `start ${settings.start}`, settings.end && `end ${settings.end}`]
    .filter(Boolean)
    .join(" and ");
  return `no bars to run on with ${asked}: the data covers ${day(first)} to ${day(last)}`;
}
