/** Ticks of one unit over a power of ten (1, 0.1, 0.01, …), by their number of decimals. */
const DECIMAL_TICKS = [1, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];
const POWERS_OF_TEN = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8];
/** Below this many ticks, `ticks × tick` is within far less than half a tick's last digit of the tick price. */
const EXACT_TICKS = 1e13;

/**
 * zipline's asymmetric rounding of limit and stop prices to the tick: a buy limit or a
 * sell stop rounds down, a sell limit or a buy stop rounds up, unless the price is within
 * 0.05 tick of the tick in the other direction (so 10.0196 buy limit -> 10.02).
 * The tiny epsilon keeps prices that are already on a tick where they are.
 */
export function roundToTick(price: number, tick: number, preferDown: boolean): number {
  const x = price / tick;
  const eps = 1e-9;
  const ticks = preferDown ? Math.floor(x + 0.05 + eps) : Math.ceil(x - 0.05 - eps);
  // The usual ticks (0.01, 0.001, 1): the price is ticks / 10^d, one correctly rounded
  // division, the same number as printing ticks × tick to d decimals and reading it back
  // (the slow path below, a string per order), without the string.
  const d = DECIMAL_TICKS.indexOf(tick);
  if (d >= 0 && Math.abs(ticks) < EXACT_TICKS) return ticks / POWERS_OF_TEN[d]! + 0; // + 0: −0 prints as 0
  return Number((ticks * tick).toFixed(tickDecimals(tick)));
}

/**
 * How many decimals a tick has as written: 2 for 0.25, 3 for 0.125, 1 for 2.5. (The tick's
 * order of magnitude is not enough: a 0.25 tick printed to one decimal put 41 ticks at 10.3.)
 */
function tickDecimals(tick: number): number {
  for (let d = 0; d < 20; d++) if (Number(tick.toFixed(d)) === tick) return d;
  return 20;
}
