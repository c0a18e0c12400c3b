import type { TradeOutcome } from "./round-trips";
import { firstIndexAtOrAfter, lastIndexAtOrBefore } from "../data/sorted-search";
import { DAY_MS } from "../data/utc-day";
import { drawdown } from "./drawdown";

/**
 * Performance measures. All ratios are fractions (0.05 = 5%). Returns are per bar:
 * r_i = equity_i / equity_{i−1} − 1, with equity_{−1} = starting cash. Annualised with
 * `periodsPerYear` (252 sessions × bars per session). The risk-free rate is 0.
 */
export interface Metrics {
  totalReturn: number;
  /** (ending / starting)^(1 / years) − 1, years = calendar time of the run / 365.25 days. */
  cagr: number;
  /** Sample std of bar returns × √periodsPerYear. */
  annualVolatility: number;
  /** mean(r) / std(r) × √periodsPerYear; null when returns never vary. */
  sharpe: number | null;
  /** mean(r) / √mean(min(r, 0)²) × √periodsPerYear; null without a losing bar. */
  sortino: number | null;
  /** Deepest fall from a running peak, as a negative fraction (−0.2 = 20% below the peak). */
  maxDrawdown: number;
  /** Longest stretch, in bars, from a peak until equity is back at it (or the end). */
  maxDrawdownDuration: number;
  /** cagr / |maxDrawdown|; null without a drawdown. */
  calmar: number | null;
  /** Fraction of bars that ended holding a position. */
  exposure: number;
  trades: number;
  /** Winning round trips ÷ round trips (null without trades). */
  winRate: number | null;
  averageWin: number | null;
  averageLoss: number | null;
  /** Gross profit ÷ gross loss of round trips; null without a loss. */
  profitFactor: number | null;
  /** Mean P&L per round trip. */
  expectancy: number | null;
  /** Σ |fill notional| ÷ mean equity. */
  turnover: number;
  periodsPerYear: number;
  /** Σ P&L of winning trades (≥ 0). */
  grossProfit: number;
  /** Σ P&L of losing trades (≤ 0, as TradingView shows it). */
  grossLoss: number;
  /** Best and worst trade P&L; null without a winning / losing trade. */
  largestWin: number | null;
  largestLoss: number | null;
  /** Most losing (P&L < 0) trades in a row, in exit order; a trade at 0 breaks the streak. */
  maxConsecutiveLosses: number;
  maxConsecutiveWins: number;
  /** Mean `bars` of the trades; null without trades. */
  averageBarsInTrade: number | null;
  long: SideStats;
  short: SideStats;
}

/** The trade statistics of one side (long or short trades only). */
export interface SideStats {
  trades: number;
  pnl: number;
  winRate: number | null;
  grossProfit: number;
  grossLoss: number;
  profitFactor: number | null;
}

export interface MetricsInput {
  startingCash: number;
  time: Float64Array;
  equity: Float64Array;
  inMarket: Uint8Array;
  trades: readonly TradeOutcome[];
  tradedNotional: number;
  sessions: number;
}

const YEAR_MS = 365.25 * DAY_MS;

export function computeMetrics(m: MetricsInput): Metrics {
  const eq = m.equity;
  const n = eq.length;
  const start = m.startingCash;
  const end = n > 0 ? eq[n - 1]! : start;
  const ppy = m.sessions > 0 ? 252 * (n / m.sessions) : 252;
  const { mean, sd, downDev, sumEquity, held } = barStats(eq, start, m.inMarket);
  const years = n > 1 ? (m.time[n - 1]! - m.time[0]!) / YEAR_MS : 0;
  const totalReturn = end / start - 1;
  const cagr = years > 0 && end > 0 ? Math.pow(end / start, 1 / years) - 1 : totalReturn;
  const dd = drawdown(eq, n, start);
  const wins = m.trades.filter((t) => t.pnl > 0);
  const losses = m.trades.filter((t) => t.pnl < 0);
  const all = sideStats(m.trades);
  const grossWin = all.grossProfit;
  const grossLoss = -all.grossLoss;
  const nt = m.trades.length;
  return {
    totalReturn,
    cagr,
    annualVolatility: sd * Math.sqrt(ppy),
    sharpe: sd > 0 ? (mean / sd) * Math.sqrt(ppy) : null,
    sortino: downDev > 0 ? (mean / downDev) * Math.sqrt(ppy) : null,
    maxDrawdown: dd.max,
    maxDrawdownDuration: dd.duration,
    calmar: dd.max < 0 ? cagr / -dd.max : null,
    exposure: n > 0 ? held / n : 0,
    trades: nt,
    winRate: nt > 0 ? wins.length / nt : null,
    averageWin: wins.length > 0 ? grossWin / wins.length : null,
    averageLoss: losses.length > 0 ? -grossLoss / losses.length : null,
    profitFactor: grossLoss > 0 ? grossWin / grossLoss : null,
    expectancy: nt > 0 ? m.trades.reduce((s, t) => s + t.pnl, 0) / nt : null,
    turnover: n > 0 ? m.tradedNotional / (sumEquity / n) : 0,
    periodsPerYear: ppy,
    grossProfit: grossWin,
    grossLoss: -grossLoss,
    largestWin: wins.length > 0 ? wins.reduce((x, t) => Math.max(x, t.pnl), -Infinity) : null,
    largestLoss: losses.length > 0 ? losses.reduce((x, t) => Math.min(x, t.pnl), Infinity) : null,
    maxConsecutiveLosses: longestStreak(m.trades, (t) => t.pnl < 0),
    maxConsecutiveWins: longestStreak(m.trades, (t) => t.pnl > 0),
    averageBarsInTrade: nt > 0 ? m.trades.reduce((s, t) => s + t.bars, 0) / nt : null,
    long: sideStats(m.trades.filter((t) => t.side === "long")),
    short: sideStats(m.trades.filter((t) => t.side === "short")),
  };
}

/**
 * The per-bar sums. Returns are not kept in an array: one pass sums them (and the losing ones'
 * squares, the bars held and the equity), a second sums their squared deviations, each sum in bar
 * order. A function of its own that reads only typed arrays: the trade statistics (objects of
 * more than one shape) cannot send these loops, 200,000 bars long, back to unoptimized code,
 * where every float they make is an allocation.
 */
function barStats(
  eq: Float64Array,
  start: number,
  inMarket: Uint8Array,
): { mean: number; sd: number; downDev: number; sumEquity: number; held: number } {
  const n = eq.length;
  let sumR = 0;
  let down = 0;
  let sumEquity = 0;
  let held = 0;
  let prev = start;
  for (let i = 0; i < n; i++) {
    const v = eq[i]!;
    const r = v / prev - 1;
    sumR += r;
    if (r < 0) down += r * r;
    sumEquity += v;
    held += inMarket[i]!;
    prev = v;
  }
  const mean = n > 0 ? sumR / n : 0;
  let ss = 0;
  prev = start;
  for (let i = 0; i < n; i++) {
    const v = eq[i]!;
    ss += (v / prev - 1 - mean) ** 2;
    prev = v;
  }
  return {
    mean,
    sd: n < 2 ? 0 : Math.sqrt(ss / (n - 1)),
    downDev: n > 0 ? Math.sqrt(down / n) : 0,
    sumEquity,
    held,
  };
}

function sideStats(trades: readonly TradeOutcome[]): SideStats {
  let wins = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i]!;
    if (t.pnl > 0) {
      wins++;
      grossProfit += t.pnl;
    } else if (t.pnl < 0) grossLoss += t.pnl;
  }
  return {
    trades: trades.length,
    pnl: grossProfit + grossLoss,
    winRate: trades.length > 0 ? wins / trades.length : null,
    grossProfit,
    grossLoss,
    profitFactor: grossLoss < 0 ? grossProfit / -grossLoss : null,
  };
}

function longestStreak(trades: readonly TradeOutcome[], hit: (t: TradeOutcome) => boolean): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < trades.length; i++) {
    run = hit(trades[i]!) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/**
 * Buy and hold of one symbol over the run: its last close at or before the run's last bar
 * ÷ its first close at or after the run's first bar − 1 (bought with everything at the
 * first close, no costs). Null when the symbol has no bar in the run.
 */
export function buyAndHoldReturn(
  bars: { time: Float64Array; close: Float64Array },
  from: number,
  to: number,
): number | null {
  // Two binary searches, not a walk over every bar: the first bar at or after `from`, the last at or before `to`.
  const first = firstIndexAtOrAfter(bars.time, from);
  const last = lastIndexAtOrBefore(bars.time, to);
  return first > last ? null : bars.close[last]! / bars.close[first]! - 1;
}

/** Benchmark comparison: its total return, and the strategy's beta and annualised alpha to it. */
export function benchmarkMetrics(
  equity: Float64Array,
  bench: Float64Array,
  ppy: number,
): { benchmarkReturn: number; alpha: number | null; beta: number | null } {
  const n = Math.min(equity.length, bench.length);
  const rs: number[] = [];
  const rb: number[] = [];
  let first = NaN;
  let last = NaN;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(bench[i]!)) continue;
    if (!Number.isFinite(first)) first = bench[i]!;
    last = bench[i]!;
    if (i === 0 || !Number.isFinite(bench[i - 1]!)) continue;
    rs.push(equity[i]! / equity[i - 1]! - 1);
    rb.push(bench[i]! / bench[i - 1]! - 1);
  }
  const ms = avg(rs);
  const mb = avg(rb);
  let cov = 0;
  let varB = 0;
  for (let i = 0; i < rs.length; i++) {
    cov += (rs[i]! - ms) * (rb[i]! - mb);
    varB += (rb[i]! - mb) ** 2;
  }
  const beta = varB > 0 ? cov / varB : null;
  return {
    benchmarkReturn: Number.isFinite(first) ? last / first - 1 : 0,
    beta,
    alpha: beta === null ? null : (ms - beta * mb) * ppy,
  };
}

function avg(x: ArrayLike<number>): number {
  if (x.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}
