import { BIG_GAP, FACTOR_SYMBOLS, MARKET_GAPS_PER_YEAR, PAIR, SEED, TRADING_DAYS_PER_YEAR } from "./parameters";
import { VOLATILITY_REGIME, type SymbolSpec } from "./parameters";
import { streamFor, type Rng } from "./prng";
import { pickPerYear } from "./day-picks";

/** Closing prices of one symbol before rounding, and what the bar builder needs to shape the day. */
export interface ClosePath {
  readonly symbol: string;
  /** Close of the day before the first day, so the first bar has an overnight gap too. */
  readonly previousClose: number;
  readonly close: Float64Array;
  /** Simple overnight move on big-gap days (e.g. -0.05), 0 on other days. */
  readonly gap: Float64Array;
  /** Daily volatility used for the overnight noise and the intraday range. */
  readonly dailyVolatility: number;
}

export interface SimulatedCloses {
  /** The shared volatility multiplier of each day, which also widens that day's ranges. */
  readonly regime: Float64Array;
  readonly paths: ReadonlyMap<string, ClosePath>;
}

/** Mean square of a jump whose size is uniform on [min, max]. */
const JUMP_MEAN_SQUARE = (BIG_GAP.max ** 3 - BIG_GAP.min ** 3) / (3 * (BIG_GAP.max - BIG_GAP.min));

/**
 * Volatility multiplier shared by all symbols: exp of an AR(1), scaled so its mean square
 * is one, which keeps each symbol's long-run volatility at its parameter.
 */
function volatilityRegime(days: number): Float64Array {
  const rng = streamFor(SEED, "regime");
  const { persistence, logSd } = VOLATILITY_REGIME;
  const shockSd = logSd * Math.sqrt(1 - persistence * persistence);
  const regime = new Float64Array(days);
  let level = logSd * rng.normal();
  for (let t = 0; t < days; t++) {
    level = persistence * level + shockSd * rng.normal();
    regime[t] = Math.exp(level - logSd * logSd);
  }
  return regime;
}

/** Gap directions, half up and half down in random order, so gaps do not add up to a trend. */
function balancedSigns(rng: Rng, count: number): number[] {
  const signs: number[] = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 1 : -1));
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [signs[i], signs[j]] = [signs[j], signs[i]];
  }
  return signs;
}

/** Signed +-1 on the gap days of a stream, 0 elsewhere. */
function gapDirections(label: string, years: readonly number[], perYear: number): Int8Array {
  const rng = streamFor(SEED, `${label}:gap-days`);
  const days = pickPerYear(rng, years, perYear);
  const signs = balancedSigns(
    rng,
    days.reduce((sum, day) => sum + day, 0),
  );
  const direction = new Int8Array(years.length);
  let k = 0;
  for (let t = 0; t < years.length; t++) if (days[t] === 1) direction[t] = signs[k++];
  return direction;
}

/** Simple jumps of 3-8% in the given directions; each symbol draws its own sizes. */
function bigGaps(label: string, direction: Int8Array): Float64Array {
  const rng = streamFor(SEED, `${label}:gap-sizes`);
  return Float64Array.from(direction, (sign) => (sign === 0 ? 0 : sign * rng.between(BIG_GAP.min, BIG_GAP.max)));
}

/**
 * Geometric random walk loading on the market factor, with jumps at the big gaps. The
 * diffusion is centred over the whole period so that the realized growth is the parameter's
 * rather than the luck of the seed; the regime multiplier still decides when it is volatile.
 */
function factorPath(spec: SymbolSpec, market: Float64Array, regime: Float64Array, gapDays: Int8Array): ClosePath {
  const days = market.length;
  const rng = streamFor(SEED, `${spec.symbol}:returns`);
  const own = Math.sqrt(1 - spec.marketLoading ** 2);
  const shock = Float64Array.from(market, (m, t) => regime[t] * (spec.marketLoading * m + own * rng.normal()));
  const mean = shock.reduce((sum, x) => sum + x, 0) / days;
  const gap = bigGaps(spec.symbol, gapDays);
  const gapsPerYear = spec.bigGapsPerYear === "market" ? MARKET_GAPS_PER_YEAR : spec.bigGapsPerYear;
  // The jumps carry part of the variance, so the diffusion gets the rest.
  const diffusionSd = Math.sqrt((spec.volatility ** 2 - gapsPerYear * JUMP_MEAN_SQUARE) / TRADING_DAYS_PER_YEAR);
  const logGrowth = Math.log(1 + spec.growth) / TRADING_DAYS_PER_YEAR;
  const close = new Float64Array(days);
  let price = spec.startPrice;
  for (let t = 0; t < days; t++) {
    price *= Math.exp(logGrowth + diffusionSd * (shock[t] - mean)) * (1 + gap[t]);
    close[t] = price;
  }
  const dailyVolatility = spec.volatility / Math.sqrt(TRADING_DAYS_PER_YEAR);
  return { symbol: spec.symbol, previousClose: spec.startPrice, close, gap, dailyVolatility };
}

/** PEP = KO + offset + an Ornstein-Uhlenbeck spread in dollars, its big gaps added to the spread. */
function pairPath(anchor: ClosePath, years: readonly number[]): ClosePath {
  const rng = streamFor(SEED, `${PAIR.symbol}:spread`);
  const gap = bigGaps(PAIR.symbol, gapDirections(PAIR.symbol, years, PAIR.bigGapsPerYear));
  const pull = Math.pow(0.5, 1 / PAIR.halfLifeDays);
  const shockSd = PAIR.spreadSd * Math.sqrt(1 - pull * pull);
  const offset = PAIR.startPrice - anchor.previousClose;
  const close = new Float64Array(years.length);
  let spread = 0;
  let previous: number = PAIR.startPrice;
  for (let t = 0; t < years.length; t++) {
    spread = pull * spread + shockSd * rng.normal() + gap[t] * previous;
    close[t] = anchor.close[t] + offset + spread;
    previous = close[t];
  }
  const dailyVolatility = PAIR.volatility / Math.sqrt(TRADING_DAYS_PER_YEAR);
  return { symbol: PAIR.symbol, previousClose: PAIR.startPrice, close, gap, dailyVolatility };
}

/** Close paths of every daily symbol, keyed by symbol, for trading days in the given calendar years. */
export function simulateCloses(years: readonly number[]): SimulatedCloses {
  const regime = volatilityRegime(years.length);
  const marketRng = streamFor(SEED, "market");
  const market = Float64Array.from(years, () => marketRng.normal());
  const marketGaps = gapDirections("market", years, MARKET_GAPS_PER_YEAR);
  const paths = new Map<string, ClosePath>();
  for (const spec of FACTOR_SYMBOLS) {
    const { symbol, bigGapsPerYear } = spec;
    const gapDays = bigGapsPerYear === "market" ? marketGaps : gapDirections(symbol, years, bigGapsPerYear);
    paths.set(symbol, factorPath(spec, market, regime, gapDays));
  }
  const anchor = paths.get(PAIR.anchor);
  if (anchor === undefined) throw new Error(`pair anchor ${PAIR.anchor} is not simulated`);
  paths.set(PAIR.symbol, pairPath(anchor, years));
  return { regime, paths };
}
