import { describe, expect, it } from "vitest";
import { Backtest, StrategyRuntimeError } from "../../../src/engine/backtest";
import type { BarData } from "../../../src/engine/data/bar-data";
import type { Context } from "../../../src/engine/api/context";
import type { SymbolBars } from "../../../src/engine/data/symbol-bars";
import { TradingAlgorithm } from "../../../src/engine/api/trading-algorithm";
import { type DateRule, dateRules, type TimeRule, timeRules } from "../../../src/engine/api/schedule";
import { StrategyError } from "../../../src/engine/strategy-error";
import { bars, day, flat } from "../helpers/bars";
import { TEST_SETTINGS } from "../helpers/run";

// A hand-made calendar, 2 January to 28 February 2025. January opens on a holiday (Wed 1 Jan),
// February on a weekend (Sat 1 Feb). Holidays: Mon 20 Jan and Mon 17 Feb; the market is also
// closed on Fri 31 Jan, so January's last session, and that week's, is a Thursday.
const CLOSED = new Set(["2025-01-20", "2025-01-31", "2025-02-17"]);
const SESSIONS: string[] = [];
for (let t = day("2025-01-02"); t <= day("2025-02-28"); t += 86_400_000) {
  const iso = new Date(t).toISOString().slice(0, 10);
  const weekday = new Date(t).getUTCDay();
  if (weekday !== 0 && weekday !== 6 && !CLOSED.has(iso)) SESSIONS.push(iso);
}
const DAILY = bars("SPY", flat(100, SESSIONS.length), undefined, { dates: SESSIONS });

/** Unix ms of a minute bar. */
const at = (iso: string, hhmm: string) => Date.parse(`${iso}T${hhmm}:00Z`);
/** Minute bars of two sessions: five on 6 Jan (14:30–14:34 UTC), three on 7 Jan (14:30–14:32). */
const MINUTES: SymbolBars = (() => {
  const time = Float64Array.from([
    ...["14:30", "14:31", "14:32", "14:33", "14:34"].map((m) => at("2025-01-06", m)),
    ...["14:30", "14:31", "14:32"].map((m) => at("2025-01-07", m)),
  ]);
  const col = () => new Float64Array(time.length).fill(100);
  return { symbol: "SPY", time, open: col(), high: col(), low: col(), close: col(), volume: col(), tickSize: 0.01 };
})();

/** The bar times (ISO, minutes kept for minute data) at which a function scheduled with these rules ran. */
function runsOf(data: SymbolBars, date?: DateRule, time?: TimeRule): string[] {
  const ran: string[] = [];
  const daily = data.time.every((t) => t % 86_400_000 === 0);
  const iso = (d: Date) => d.toISOString().slice(0, daily ? 10 : 16);
  class Scheduled extends TradingAlgorithm {
    override initialize() {
      this.scheduleFunction((context) => ran.push(iso(context.datetime)), date, time);
    }
  }
  new Backtest([data], TEST_SETTINGS, new Scheduled()).run();
  return ran;
}

describe("date rules on a calendar with weekends and holidays", () => {
  it("the calendar has the sessions counted by hand", () => {
    // 2 + 5 + 5 + 4 + 4 weeks in January, 5 + 5 + 4 + 5 in February
    expect(SESSIONS).toHaveLength(39);
    expect(runsOf(DAILY, dateRules.everyDay())).toEqual(SESSIONS);
  });

  it("without rules a scheduled function runs every day at the open", () => {
    expect(runsOf(DAILY)).toEqual(SESSIONS);
  });

  it("weekStart runs on each week's first session: the Tuesday after a Monday holiday", () => {
    expect(runsOf(DAILY, dateRules.weekStart())).toEqual([
      "2025-01-02", // the run starts on a Thursday: its first session opens the week
      "2025-01-06",
      "2025-01-13",
      "2025-01-21",
      "2025-01-27",
      "2025-02-03",
      "2025-02-10",
      "2025-02-18",
      "2025-02-24",
    ]);
  });

  it("weekStart(1) runs one session later in each week", () => {
    expect(runsOf(DAILY, dateRules.weekStart(1))).toEqual([
      "2025-01-03",
      "2025-01-07",
      "2025-01-14",
      "2025-01-22",
      "2025-01-28",
      "2025-02-04",
      "2025-02-11",
      "2025-02-19",
      "2025-02-25",
    ]);
  });

  it("weekStart(4) skips the weeks that have fewer than five sessions", () => {
    expect(runsOf(DAILY, dateRules.weekStart(4))).toEqual([
      "2025-01-10",
      "2025-01-17",
      "2025-02-07",
      "2025-02-14",
      "2025-02-28",
    ]);
  });

  it("weekEnd runs on each week's last session: the Thursday before a Friday closure", () => {
    expect(runsOf(DAILY, dateRules.weekEnd())).toEqual([
      "2025-01-03",
      "2025-01-10",
      "2025-01-17",
      "2025-01-24",
      "2025-01-30",
      "2025-02-07",
      "2025-02-14",
      "2025-02-21",
      "2025-02-28",
    ]);
  });

  it("weekEnd(1) runs on the week's last session but one", () => {
    expect(runsOf(DAILY, dateRules.weekEnd(1))).toEqual([
      "2025-01-02",
      "2025-01-09",
      "2025-01-16",
      "2025-01-23",
      "2025-01-29",
      "2025-02-06",
      "2025-02-13",
      "2025-02-20",
      "2025-02-27",
    ]);
  });

  it("monthStart runs on the first session of a month that opens on a holiday or a weekend", () => {
    expect(runsOf(DAILY, dateRules.monthStart())).toEqual(["2025-01-02", "2025-02-03"]);
  });

  it("monthStart(n) runs n sessions into the month, holidays not counted", () => {
    expect(runsOf(DAILY, dateRules.monthStart(1))).toEqual(["2025-01-03", "2025-02-04"]);
    // February: 3–7, 10–14 are sessions 0–9; Mon 17 is a holiday, so session 10 is Tue 18
    expect(runsOf(DAILY, dateRules.monthStart(10))).toEqual(["2025-01-16", "2025-02-18"]);
  });

  it("monthEnd runs on the last session of each month: Thursday 30 January, Friday 28 February", () => {
    expect(runsOf(DAILY, dateRules.monthEnd())).toEqual(["2025-01-30", "2025-02-28"]);
  });

  it("monthEnd(2) runs two sessions before the month's last", () => {
    expect(runsOf(DAILY, dateRules.monthEnd(2))).toEqual(["2025-01-28", "2025-02-26"]);
  });

  it("an offset past a month's sessions skips that month", () => {
    // January has 20 sessions here, February 19
    expect(runsOf(DAILY, dateRules.monthStart(18))).toEqual(["2025-01-29", "2025-02-28"]);
    expect(runsOf(DAILY, dateRules.monthStart(19))).toEqual(["2025-01-30"]);
    expect(runsOf(DAILY, dateRules.monthEnd(19))).toEqual(["2025-01-02"]);
    expect(runsOf(DAILY, dateRules.monthStart(20))).toEqual([]);
  });

  it("a run that starts mid-month counts its first session as the month's start", () => {
    const fromMid = bars("SPY", flat(100, SESSIONS.length - 10), undefined, { dates: SESSIONS.slice(10) });
    // the eleventh session is Thu 16 Jan
    expect(runsOf(fromMid, dateRules.monthStart())).toEqual(["2025-01-16", "2025-02-03"]);
  });
});

describe("time rules", () => {
  it("with daily bars, marketOpen and marketClose both run on the day's bar, after handleData", () => {
    const seen: string[] = [];
    class Both extends TradingAlgorithm {
      override initialize() {
        this.scheduleFunction((c) => seen.push(`open ${c.barIndex}`), dateRules.monthStart(), timeRules.marketOpen());
        this.scheduleFunction((c) => seen.push(`close ${c.barIndex}`), dateRules.monthStart(), timeRules.marketClose());
      }
      override handleData(context: Context, _data: BarData) {
        if (context.barIndex === 0 || context.barIndex === 20) seen.push(`handleData ${context.barIndex}`);
      }
    }
    new Backtest([DAILY], TEST_SETTINGS, new Both()).run();
    // February's first session, Mon 3 Feb, follows January's 20: index 20
    expect(seen).toEqual(["handleData 0", "open 0", "close 0", "handleData 20", "open 20", "close 20"]);
  });

  it("on minute bars, marketOpen runs at each session's first bar and marketClose at its last", () => {
    expect(runsOf(MINUTES, dateRules.everyDay(), timeRules.marketOpen())).toEqual([
      "2025-01-06T14:30",
      "2025-01-07T14:30",
    ]);
    expect(runsOf(MINUTES, dateRules.everyDay(), timeRules.marketClose())).toEqual([
      "2025-01-06T14:34",
      "2025-01-07T14:32",
    ]);
  });

  it("offsets count bars into the session, and stop at its other end", () => {
    expect(runsOf(MINUTES, dateRules.everyDay(), timeRules.marketOpen({ minutes: 2 }))).toEqual([
      "2025-01-06T14:32",
      "2025-01-07T14:32",
    ]);
    expect(runsOf(MINUTES, dateRules.everyDay(), timeRules.marketClose({ minutes: 1 }))).toEqual([
      "2025-01-06T14:33",
      "2025-01-07T14:31",
    ]);
    // an hour is 60 bars: more than either session has
    expect(runsOf(MINUTES, dateRules.everyDay(), timeRules.marketOpen({ hours: 1 }))).toEqual([
      "2025-01-06T14:34",
      "2025-01-07T14:32",
    ]);
    expect(runsOf(MINUTES, dateRules.everyDay(), timeRules.marketClose({ minutes: 4 }))).toEqual([
      "2025-01-06T14:30",
      "2025-01-07T14:30",
    ]);
  });

  it("date and time rules combine: the week's last session, at its close", () => {
    // Mon 6 and Tue 7 January are one week; the data ends on the Tuesday, so it closes the week
    expect(runsOf(MINUTES, dateRules.weekEnd(), timeRules.marketClose())).toEqual(["2025-01-07T14:32"]);
  });

  it("everyMinute runs on every bar", () => {
    expect(runsOf(MINUTES, dateRules.everyDay(), timeRules.everyMinute())).toHaveLength(8);
  });
});

describe("bad schedules", () => {
  it("a negative or fractional offset is a StrategyError naming the rule", () => {
    expect(() => dateRules.weekStart(-1)).toThrow(StrategyError);
    expect(() => dateRules.monthStart(1.5)).toThrow(/monthStart offset must be a whole number of at least 0, got 1.5/);
    expect(() => dateRules.monthEnd(Number.NaN)).toThrow(/monthEnd offset/);
    expect(() => timeRules.marketOpen({ minutes: -5 })).toThrow(/marketOpen offset/);
    expect(() => timeRules.marketClose({ hours: 0.5, minutes: 0.5 })).toThrow(/marketClose offset/);
  });

  it("scheduling something that is not a function is a StrategyError", () => {
    class NotAFunction extends TradingAlgorithm {
      override initialize() {
        this.scheduleFunction("rebalance" as unknown as () => void, dateRules.everyDay());
      }
    }
    expect(() => new Backtest([DAILY], TEST_SETTINGS, new NotAFunction()).run()).toThrow(
      /scheduleFunction takes a function first/,
    );
  });

  it("a scheduled function that throws stops the run, naming itself and the bar", () => {
    class Throws extends TradingAlgorithm {
      override initialize() {
        this.scheduleFunction(() => {
          throw new Error("rebalance failed");
        }, dateRules.monthStart(1));
      }
    }
    let error: unknown;
    try {
      new Backtest([DAILY], TEST_SETTINGS, new Throws()).run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StrategyRuntimeError);
    const e = error as StrategyRuntimeError;
    expect(e.message).toBe("rebalance failed");
    expect(e.hook).toBe("scheduled function");
    expect([e.barIndex, new Date(e.dt).toISOString().slice(0, 10)]).toEqual([1, "2025-01-03"]);
  });
});
