/** Whether `--start`/`--end` (or a link's dates) leave any bar of the data to run on. */
import { firstIndexAtOrAfter } from "../engine/data/sorted-search";
import type { SymbolBars } from "../engine/data/symbol-bars";
import { dateBound, type RunSettings } from "../engine/settings";
import { ArgError } from "./args";

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Throws an ArgError (exit 2: a bad argument, not a failing strategy) when no bar of `bars` lies
 * between the run's start and end dates, saying which dates the data covers.
 */
export function checkDateRange(bars: readonly SymbolBars[], settings: RunSettings): void {
  if (!settings.start && !settings.end) return;
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
    if (i < t.length && t[i]! <= end) return;
  }
  if (first === Infinity) return; // no bars at all: the data's own checks say so
  const asked = [settings.start && `start ${settings.start}`, settings.end && `end ${settings.end}`]
    .filter(Boolean)
    .join(" and ");
  throw new ArgError(`no bars to run on with ${asked}: the data covers ${day(first)} to ${day(last)}`);
}
