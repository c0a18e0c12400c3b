// Every number that shapes the sample data, in one place, so the README can print them
// and a change shows up in review as a change of parameters, not of code.

/** Change it and every file changes; the test then asks for the regenerated files to be committed. */
export const SEED = 20_240_601;

export const FIRST_DAY = "2014-01-02";
export const LAST_DAY = "2024-12-31";
export const TRADING_DAYS_PER_YEAR = 252;

export interface SymbolSpec {
  readonly symbol: string;
  readonly startPrice: number;
  /** Compound growth of the close per year over the whole period (0.11 = 11%). */
  readonly growth: number;
  /** Annual volatility of close-to-close returns, big gaps included. */
  readonly volatility: number;
  /** Correlation of the daily shock with the common market factor. */
  readonly marketLoading: number;
  /** Typical shares traded per day. */
  readonly volume: number;
  /**
   * Overnight jumps of 3-8% per year; "market" = on the market's gap days, with the market's
   * sign (index ETFs move together), otherwise on days of the symbol's own (earnings-like).
   */
  readonly bigGapsPerYear: number | "market";
  /** Days per year when only a few hundred to 2,000 shares trade. */
  readonly thinDaysPerYear: number;
}

/** Symbols that follow the market-factor model; PEP is built from KO below. Kept as a table on purpose. */
// prettier-ignore
export const FACTOR_SYMBOLS: readonly SymbolSpec[] = [
  { symbol: "SPY",  startPrice: 183,   growth: 0.11,   volatility: 0.16, marketLoading: 0.97,  volume: 90e6,  bigGapsPerYear: "market", thinDaysPerYear: 3 },
  { symbol: "QQQ",  startPrice: 87,    growth: 0.16,   volatility: 0.21, marketLoading: 0.92,  volume: 40e6,  bigGapsPerYear: "market", thinDaysPerYear: 3 },
  { symbol: "IWM",  startPrice: 114,   growth: 0.06,   volatility: 0.22, marketLoading: 0.9,   volume: 30e6,  bigGapsPerYear: "market", thinDaysPerYear: 3 },
  { symbol: "TLT",  startPrice: 102,   growth: -0.015, volatility: 0.14, marketLoading: -0.3,  volume: 9e6,   bigGapsPerYear: 1,        thinDaysPerYear: 3 },
  { symbol: "AAPL", startPrice: 19.75, growth: 0.25,   volatility: 0.28, marketLoading: 0.7,   volume: 110e6, bigGapsPerYear: 5,        thinDaysPerYear: 10 },
  { symbol: "TSLA", startPrice: 10,    growth: 0.35,   volatility: 0.55, marketLoading: 0.45,  volume: 90e6,  bigGapsPerYear: 6,        thinDaysPerYear: 4 },
  { symbol: "KO",   startPrice: 41,    growth: 0.04,   volatility: 0.16, marketLoading: 0.5,   volume: 14e6,  bigGapsPerYear: 2,        thinDaysPerYear: 3 },
];

/** Days a year on which the whole market gaps (the index ETFs share them). */
export const MARKET_GAPS_PER_YEAR = 1;

/**
 * PEP = KO + offset + spread, the spread an Ornstein-Uhlenbeck process in dollars:
 * the two closes are co-integrated with a hedge ratio of one share for one share,
 * which is how the pairs example trades them.
 */
export const PAIR = {
  symbol: "PEP",
  anchor: "KO",
  startPrice: 83,
  /** Only sizes PEP's overnight noise and intraday ranges; its close-to-close moves come from KO and the spread. */
  volatility: 0.16,
  halfLifeDays: 12,
  /** Long-run standard deviation of the spread around its mean, in dollars. */
  spreadSd: 2,
  volume: 5e6,
  bigGapsPerYear: 2,
  thinDaysPerYear: 3,
} as const;

/** Order of the files and of the README table. */
export const SYMBOLS = ["SPY", "QQQ", "IWM", "TLT", "AAPL", "TSLA", "PEP", "KO"] as const;

/** Common volatility regime: log-AR(1), so calm and stormy stretches come for all symbols at once. */
export const VOLATILITY_REGIME = { persistence: 0.985, logSd: 0.35 } as const;

export const BIG_GAP = { min: 0.03, max: 0.08 } as const;
export const THIN_VOLUME = { min: 300, max: 2000 } as const;
/** Overnight move as a fraction of the day's volatility, on ordinary days. */
export const OVERNIGHT_SHARE = 0.25;
/** Intraday range beyond the open and close, as a fraction of the day's volatility. */
export const RANGE_SHARE = 0.6;

export const INTRADAY = {
  symbol: "SPY",
  first: "2024-11-04",
  last: "2024-11-29",
  /** Sessions that close at 13:00 New York time. */
  earlyCloses: ["2024-11-29"],
} as const;
