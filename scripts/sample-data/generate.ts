import { isoDate, tradingDays } from "./calendar";
import { dailyCsv, minuteCsv } from "./csv-writer";
import { dailyBars, type BarShape, type DailyBar } from "./daily-bars";
import { simulateCloses } from "./daily-model";
import { yearsOf } from "./day-picks";
import { aggregateDay, intradaySessions } from "./intraday-bars";
import { FACTOR_SYMBOLS, FIRST_DAY, INTRADAY, LAST_DAY, PAIR, SYMBOLS } from "./parameters";
import { readme } from "./readme";
import { reportOn, type SampleDataReport } from "./report";

export interface SampleData {
  readonly daily: ReadonlyMap<string, readonly DailyBar[]>;
  /** `sample-data/`-relative path -> file content, in a fixed order. */
  readonly files: ReadonlyMap<string, string>;
  readonly report: SampleDataReport;
}

function shapeOf(symbol: string): BarShape {
  const spec = FACTOR_SYMBOLS.find((candidate) => candidate.symbol === symbol) ?? PAIR;
  return { volume: spec.volume, thinDaysPerYear: spec.thinDaysPerYear };
}

/** Everything `npm run sample-data` writes, built in memory from the seed alone. */
export function buildSampleData(): SampleData {
  const dates = tradingDays(FIRST_DAY, LAST_DAY).map(isoDate);
  const years = yearsOf(dates);
  const { regime, paths } = simulateCloses(years);
  const daily = new Map<string, DailyBar[]>();
  for (const symbol of SYMBOLS) {
    const path = paths.get(symbol);
    if (path === undefined) throw new Error(`no close path for ${symbol}`);
    daily.set(symbol, dailyBars(path, shapeOf(symbol), dates, years, regime));
  }
  const intradayDaily = daily.get(INTRADAY.symbol) ?? [];
  const intradayPath = paths.get(INTRADAY.symbol);
  const sessions = intradaySessions(intradayDaily, intradayPath?.dailyVolatility ?? 0);
  // The daily bars of those sessions become the sum of their minutes, so both files agree.
  daily.set(
    INTRADAY.symbol,
    intradayDaily.map((day) => {
      const minutes = sessions.get(day.date);
      return minutes === undefined ? day : aggregateDay(day, minutes);
    }),
  );
  const report = reportOn(daily);
  const files = new Map<string, string>();
  for (const [symbol, bars] of daily) files.set(`${symbol}.csv`, dailyCsv(bars));
  files.set(`intraday/${INTRADAY.symbol}.csv`, minuteCsv([...sessions.values()].flat()));
  files.set("README.md", readme(report, dates.length, sessions));
  return { daily, files, report };
}

/** The files of `sample-data/`, keyed by path relative to it (e.g. `intraday/SPY.csv`). */
export function generateSampleData(): Map<string, string> {
  return new Map(buildSampleData().files);
}
