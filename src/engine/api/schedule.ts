import { StrategyError } from "../strategy-error";
import { DAY_MS, utcDay } from "../data/utc-day";

/** Where a session stands in its week and month (0 = first / last). */
export interface SessionPlace {
  inWeek: number;
  weekLeft: number;
  inMonth: number;
  monthLeft: number;
}

/** Which sessions a scheduled function runs on. */
export interface DateRule {
  readonly kind: "dateRule";
  readonly label: string;
  matches(s: SessionPlace): boolean;
}

/** When in the session: at its first bar or its last bar, `offsetBars` bars inside (minute data). */
export interface TimeRule {
  readonly kind: "timeRule";
  readonly at: "open" | "close" | "every";
  readonly offsetBars: number;
}

function checkOffset(what: string, n: number): number {
  if (!Number.isInteger(n) || n < 0)
    throw new StrategyError(`${what} offset must be a whole number of at least 0, got ${n}`);
  return n;
}

const rule = (label: string, matches: DateRule["matches"]): DateRule => ({ kind: "dateRule", label, matches });

/** Date rules for scheduleFunction, as in zipline's `date_rules`. */
export const dateRules = {
  /** Every session. */
  everyDay: (): DateRule => rule("every day", () => true),
  /** The first session of each week, or `daysOffset` sessions after it. */
  weekStart: (daysOffset = 0): DateRule =>
    rule(`week start + ${checkOffset("weekStart", daysOffset)}`, (s) => s.inWeek === daysOffset),
  /** The last session of each week, or `daysOffset` sessions before it. */
  weekEnd: (daysOffset = 0): DateRule =>
    rule(`week end - ${checkOffset("weekEnd", daysOffset)}`, (s) => s.weekLeft === daysOffset),
  /** The first session of each month, or `daysOffset` sessions after it. */
  monthStart: (daysOffset = 0): DateRule =>
    rule(`month start + ${checkOffset("monthStart", daysOffset)}`, (s) => s.inMonth === daysOffset),
  /** The last session of each month, or `daysOffset` sessions before it. */
  monthEnd: (daysOffset = 0): DateRule =>
    rule(`month end - ${checkOffset("monthEnd", daysOffset)}`, (s) => s.monthLeft === daysOffset),
};

/** Time rules for scheduleFunction, as in zipline's `time_rules`. With daily bars every rule is the day's bar. */
export const timeRules = {
  /** At the session's first bar, or `minutes` bars after it (1-minute data). */
  marketOpen: (opts: { minutes?: number; hours?: number } = {}): TimeRule => ({
    kind: "timeRule",
    at: "open",
    offsetBars: checkOffset("marketOpen", (opts.hours ?? 0) * 60 + (opts.minutes ?? 0)),
  }),
  /** At the session's last bar, or `minutes` bars before it (1-minute data). */
  marketClose: (opts: { minutes?: number; hours?: number } = {}): TimeRule => ({
    kind: "timeRule",
    at: "close",
    offsetBars: checkOffset("marketClose", (opts.hours ?? 0) * 60 + (opts.minutes ?? 0)),
  }),
  /** Every bar. */
  everyMinute: (): TimeRule => ({ kind: "timeRule", at: "every", offsetBars: 0 }),
};

/** The timeline cut into sessions (UTC days), each placed in its week and month. */
export interface Session {
  firstBar: number;
  lastBar: number;
  place: SessionPlace;
}

export function sessionsOf(timeline: Float64Array): Session[] {
  const out: Session[] = [];
  const days: number[] = [];
  for (let t = 0; t < timeline.length; t++) {
    const day = utcDay(timeline[t]!);
    if (days.length > 0 && days[days.length - 1] === day) out[out.length - 1]!.lastBar = t;
    else {
      days.push(day);
      out.push({ firstBar: t, lastBar: t, place: { inWeek: 0, weekLeft: 0, inMonth: 0, monthLeft: 0 } });
    }
  }
  // 1970-01-01 was a Thursday: +3 makes weeks start on Monday.
  const weeks = days.map((d) => Math.floor((d + 3) / 7));
  const months = days.map((d) => {
    const date = new Date(d * DAY_MS);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  });
  placeRuns(out, weeks, "inWeek", "weekLeft");
  placeRuns(out, months, "inMonth", "monthLeft");
  return out;
}

function placeRuns(
  sessions: Session[],
  keys: number[],
  from: "inWeek" | "inMonth",
  left: "weekLeft" | "monthLeft",
): void {
  let start = 0;
  for (let i = 1; i <= sessions.length; i++) {
    if (i < sessions.length && keys[i] === keys[start]) continue;
    for (let j = start; j < i; j++) {
      sessions[j]!.place[from] = j - start;
      sessions[j]!.place[left] = i - 1 - j;
    }
    start = i;
  }
}
