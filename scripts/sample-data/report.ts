import type { DailyBar } from "./daily-bars";
import {
  annualGrowth,
  annualVolatility,
  bigGapCount,
  correlation,
  logReturns,
  pairSignals,
  thinDaysPerYear,
} from "./stats";
import type { PairSignals } from "./stats";

/** Measured properties of the generated daily data, for the README and the generator's output. */
export interface SampleDataReport {
  readonly years: number;
  readonly symbols: readonly {
    readonly symbol: string;
    readonly first: number;
    readonly last: number;
    readonly growth: number;
    readonly volatility: number;
    readonly bigGaps: number;
    readonly thinDays: number;
    readonly fewestThinDaysInAYear: number;
  }[];
  readonly correlations: readonly { readonly a: string; readonly b: string; readonly value: number }[];
  readonly pepKo: PairSignals;
}

const CORRELATION_PAIRS = [
  ["SPY", "QQQ"],
  ["SPY", "IWM"],
  ["QQQ", "IWM"],
  ["SPY", "TLT"],
  ["SPY", "AAPL"],
  ["SPY", "TSLA"],
  ["PEP", "KO"],
] as const;

const MS_PER_YEAR = 365.25 * 86_400_000;

const closes = (bars: readonly DailyBar[]): number[] => bars.map((bar) => bar.close / 100);

export function reportOn(daily: ReadonlyMap<string, readonly DailyBar[]>): SampleDataReport {
  const barsOf = (symbol: string): readonly DailyBar[] => daily.get(symbol) ?? [];
  const first = [...daily.values()][0] ?? [];
  const dates = first.map((bar) => bar.date);
  const years = (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / MS_PER_YEAR;
  const symbols = [...daily].map(([symbol, bars]) => {
    const close = closes(bars);
    const open = bars.map((bar) => bar.open / 100);
    const thin = thinDaysPerYear(
      bars.map((bar) => bar.volume),
      dates,
    );
    return {
      symbol,
      first: close[0],
      last: close[close.length - 1],
      growth: annualGrowth(close, years),
      volatility: annualVolatility(close),
      bigGaps: bigGapCount(open, close),
      thinDays: [...thin.values()].reduce((sum, n) => sum + n, 0),
      fewestThinDaysInAYear: Math.min(...thin.values()),
    };
  });
  const correlations = CORRELATION_PAIRS.map(([a, b]) => ({
    a,
    b,
    value: correlation(logReturns(closes(barsOf(a))), logReturns(closes(barsOf(b)))),
  }));
  return { years, symbols, correlations, pepKo: pairSignals(closes(barsOf("PEP")), closes(barsOf("KO"))) };
}
