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
  const t = tradeStats(m.trades);
  const all = t.all;
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
    winRate: nt > 0 ? t.wins / nt : null,
    averageWin: t.wins > 0 ? grossWin / t.wins : null,
    averageLoss: t.losses > 0 ? -grossLoss / t.losses : null,
    profitFactor: grossLoss > 0 ? grossWin / grossLoss : null,
    expectancy: nt > 0 ? t.pnl / nt : null,
    turnover: n > 0 ? m.tradedNotional / (sumEquity / n) : 0,
    periodsPerYear: ppy,
    grossProfit: grossWin,
    grossLoss: -grossLoss,
    largestWin: t.wins > 0 ? t.largestWin : null,
    largestLoss: t.losses > 0 ? t.largestLoss : null,
    maxConsecutiveLosses: t.lossStreak,
    maxConsecutiveWins: t.winStreak,
    averageBarsInTrade: nt > 0 ? t.bars / nt : null,
    long: sideStats(t.long),
    short: sideStats(t.short),
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

/** One side's running sums (or all trades'), each in trade order. */
interface SideSums {
  trades: number;
  wins: number;
  grossProfit: number;
  grossLoss: number;
}

const sideSums = (): SideSums => ({ trades: 0, wins: 0, grossProfit: 0, grossLoss: 0 });

function addToSide(s: SideSums, pnl: number): void {
  s.trades++;
  if (pnl > 0) {
    s.wins++;
    s.grossProfit += pnl;
  } else if (pnl < 0) s.grossLoss += pnl;
}

function sideStats(s: SideSums): SideStats {
  return {
    trades: s.trades,
    pnl: s.grossProfit + s.grossLoss,
    winRate: s.trades > 0 ? s.wins / s.trades : null,
    grossProfit: s.grossProfit,
    grossLoss: s.grossLoss,
    profitFactor: s.grossLoss < 0 ? s.grossProfit / -s.grossLoss : null,
  };
}

/**
 * Every trade statistic in one pass over the trades, in their order (each sum adds in the order
 * the filtered lists added before, so every figure is the same float): the pass runs once a run,
 * cold, where a callback per trade and per statistic cost more than the sums.
 */
function tradeStats(trades: readonly TradeOutcome[]) {
  const all = sideSums();
  const long = sideSums();
  const short = sideSums();
  let losses = 0;
  let pnl = 0;
  let bars = 0;
  let largestWin = -Infinity;
  let largestLoss = Infinity;
  let winRun = 0;
  let lossRun = 0;
  let winStreak = 0;
  let lossStreak = 0;
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i]!;
    const p = t.pnl;
    addToSide(all, p);
    addToSide(t.side === "long" ? long : short, p);
    pnl += p;
    bars += t.bars;
    if (p > 0) largestWin = Math.max(largestWin, p);
    if (p < 0) {
      losses++;
      largestLoss = Math.min(largestLoss, p);
    }
    winRun = p > 0 ? winRun + 1 : 0;
    lossRun = p < 0 ? lossRun + 1 : 0;
    winStreak = Math.max(winStreak, winRun);
    lossStreak = Math.max(lossStreak, lossRun);
  }
  return { all, long, short, wins: all.wins, losses, pnl, bars, largestWin, largestLoss, winStreak, lossStreak };
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
