/**
 * zipline's asymmetric rounding of limit and stop prices to the tick: a buy limit or a
 * sell stop rounds down, a sell limit or a buy stop rounds up, unless the price is within
 * 0.05 tick of the tick in the other direction (so 10.0196 buy limit -> 10.02).
 * The tiny epsilon keeps prices that are already on a tick where they are.
 */
export function roundToTick(price: number, tick: number, preferDown: boolean): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(tick) - 1e-9));
  const x = price / tick;
  const eps = 1e-9;
  const ticks = preferDown ? Math.floor(x + 0.05 + eps) : Math.ceil(x - 0.05 - eps);
  return Number((ticks * tick).toFixed(decimals));
}
