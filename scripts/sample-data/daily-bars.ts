import { OVERNIGHT_SHARE, RANGE_SHARE, SEED, THIN_VOLUME } from "./parameters";
import type { ClosePath } from "./daily-model";
import { centsBar, type CentsBar } from "./cents";
import { pickPerYear } from "./day-picks";
import { streamFor } from "./prng";

export interface DailyBar extends CentsBar {
  readonly date: string;
  readonly volume: number;
}

export interface BarShape {
  /** Shares on an ordinary day. */
  readonly volume: number;
  readonly thinDaysPerYear: number;
}

/**
 * Turns a close path into OHLCV bars: the open is the previous close moved by overnight noise
 * (or by the whole jump on a big-gap day, so stops are gapped through), the range reaches
 * beyond open and close by a random share of the day's volatility, and volume rises with
 * the size of the move, except on thin days.
 */
export function dailyBars(
  path: ClosePath,
  shape: BarShape,
  dates: readonly string[],
  years: readonly number[],
  regime: Float64Array,
): DailyBar[] {
  const rng = streamFor(SEED, `${path.symbol}:bars`);
  const thin = pickPerYear(streamFor(SEED, `${path.symbol}:thin`), years, shape.thinDaysPerYear);
  const bars: DailyBar[] = [];
  let previousClose = path.previousClose;
  for (let t = 0; t < dates.length; t++) {
    const close = path.close[t];
    const daySd = path.dailyVolatility * regime[t];
    const gap = path.gap[t];
    const open =
      gap !== 0 ? previousClose * (1 + gap) : previousClose * Math.exp(OVERNIGHT_SHARE * daySd * rng.normal());
    const high = Math.max(open, close) * Math.exp(RANGE_SHARE * daySd * Math.abs(rng.normal()));
    const low = Math.min(open, close) * Math.exp(-RANGE_SHARE * daySd * Math.abs(rng.normal()));
    // Busier on big moves: |move| / volatility averages about 0.8, so the factor averages about 1.
    const move = Math.abs(Math.log(close / previousClose)) / path.dailyVolatility;
    const busy = shape.volume * (0.5 + 0.6 * move) * Math.exp(0.3 * rng.normal() - 0.045);
    const volume = thin[t] === 1 ? rng.int(THIN_VOLUME.min, THIN_VOLUME.max) : Math.round(busy);
    bars.push({ date: dates[t], ...centsBar(open, high, low, close), volume });
    previousClose = close;
  }
  return bars;
}
