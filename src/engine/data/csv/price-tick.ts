/** The ticks a file's prices may be quoted in, coarsest first: never coarser than a cent. */
const TICKS = [0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];
const SCALES = [100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8];
/**
 * A price is on a tick's grid when it is within a hundredth of a tick of it: files written from
 * floats carry that much noise (Yahoo writes 187.15 as 187.149994), and it must not make the tick
 * finer than the prices are quoted in.
 */
const NOISE = 0.01;

/**
 * The tick of a symbol's prices, read from the data: 0.01, or the finest of 0.001 … 1e-8 that some
 * price needs (EURUSD at 1.07346 → 0.00001), so that rounding a limit or a stop to the tick never
 * moves it off the prices the data is quoted in. Prices finer than 1e-8 get 1e-8.
 */
export function priceTick(columns: readonly Float64Array[]): number {
  let need = 0;
  const last = SCALES.length - 1;
  for (const col of columns) {
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      let k = 0;
      while (k < last) {
        const x = v * SCALES[k]!;
        if (Math.abs(x - Math.round(x)) <= NOISE) break;
        k++;
      }
      if (k > need) {
        need = k;
        if (need === last) return TICKS[last]!;
      }
    }
  }
  return TICKS[need]!;
}
