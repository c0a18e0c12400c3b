/*
 * Declarations of the "playground" module: Series (what data.history returns) and Rolling.
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 */
declare module "playground" {
  /**
   * What `prices[i]` is on a Series: nothing a number can be used for, so the editor marks the
   * line. Brackets do not index a Series (at run time they give `undefined`).
   * @example
   * ```ts
   * const latest = prices.at(-1); // pandas' prices[-1]
   * ```
   */
  export type BracketsDoNotIndexASeries_WriteAt = { readonly "write prices.at(-1), not prices[-1]": never };

  /**
   * A read-only run of numbers, oldest first, like a one-column pandas Series.
   * `data.history` returns one; every method returns a new Series and never changes the one
   * it is called on. It is not an array: pandas' `prices[-1]` is `prices.at(-1)` (brackets are a
   * type error); it iterates like one (`for (const p of prices)`).
   * @example
   * ```ts
   * const prices = data.history(context.asset, "close", 20);
   * const z = (prices.last() - prices.mean()) / prices.std();
   * ```
   */
  export class Series {
    /**
     * Wraps the numbers (no copy). Mostly for tests and indicators of your own.
     * @example
     * ```ts
     * const s = new Series(new Float64Array([1, 2, 3]));
     * s.mean(); // 2
     * ```
     */
    constructor(values: Float64Array);
    /**
     * The numbers themselves, oldest first. For `data.history` this is a copy of the window,
     * made on first read (the same array after that): its buffer holds no later bar, and
     * writing into it changes neither the Series' statistics nor the bars orders fill at.
     * @example
     * ```ts
     * const closes = data.history(context.asset, "close", 5).values;
     * ```
     */
    readonly values: Float64Array;
    /**
     * The values, oldest first, one by one: a Series works in `for … of`, spread and destructuring
     * (pandas' `for p in prices`). Brackets do not index it: `prices[-1]` is `prices.at(-1)`.
     * @example
     * ```ts
     * let up = 0;
     * for (const p of data.history(context.asset, "close", 10)) if (p > context.entry) up++;
     * const highest = Math.max(...data.history(context.asset, "high", 20));
     * ```
     */
    [Symbol.iterator](): IterableIterator<number>;
    /**
     * A Series is not a number: used as one (pandas' `prices1 - prices2`, `spread > 0`) it throws
     * a StrategyError naming `sub`, `add`, `mul`, `div` and `at(-1)`, instead of giving NaN. In a
     * template literal it reads as its values.
     * @example
     * ```ts
     * const spread = prices1.sub(prices2); // not prices1 - prices2
     * this.log.info(`spread ${spread}`); // "spread Series [1.5, 1.7, …]"
     * ```
     */
    [Symbol.toPrimitive](hint: string): string;
    /**
     * Its values as text, the last ten at most: `Series [101, 102, 103]`.
     * @example
     * ```ts
     * this.log.info(prices.toString());
     * ```
     */
    toString(): string;
    /**
     * Its values as a plain array, which `JSON.stringify` and the log use: `this.log.info(prices)`
     * shows `[101,102,103]` (NaN as null).
     * @example
     * ```ts
     * this.log.info(data.history(context.asset, "close", 3));
     * ```
     */
    toJSON(): number[];
    /**
     * Brackets do not index a Series: pandas' `prices[-1]` is `prices.at(-1)`. At run time they
     * give `undefined`, which compares false with anything: `prices[-1] > mean` would quietly
     * never trade, so this type makes it an error in the editor.
     * @example
     * ```ts
     * if (prices.at(-1) > prices.mean()) order(context.asset, 100);
     * ```
     */
    readonly [index: number]: BracketsDoNotIndexASeries_WriteAt | undefined;
    /**
     * How many values the Series holds (fewer than asked for near the start of the data).
     * @example
     * ```ts
     * const prices = data.history(context.asset, "close", 20);
     * if (prices.length < 20) return; // not enough history yet
     * ```
     */
    get length(): number;
    /**
     * The value at position `i`; negative counts from the end (`at(-1)` is the latest).
     * NaN when out of range.
     * @example
     * ```ts
     * const yesterday = prices.at(-2);
     * ```
     */
    at(i: number): number;
    /**
     * The latest value, the same as `at(-1)`.
     * @example
     * ```ts
     * if (prices.last() > prices.mean()) order(context.asset, 10);
     * ```
     */
    last(): number;
    /**
     * The sum of the values (0 when empty).
     * @example
     * ```ts
     * const volume5 = data.history(context.asset, "volume", 5).sum();
     * ```
     */
    sum(): number;
    /**
     * The arithmetic mean; NaN when empty.
     * @example
     * ```ts
     * const sma20 = data.history(context.asset, "close", 20).mean();
     * ```
     */
    mean(): number;
    /**
     * The sample standard deviation (ddof = 1, like pandas); NaN with fewer than two values.
     * @example
     * ```ts
     * const band = prices.mean() - 2 * prices.std();
     * ```
     */
    std(): number;
    /**
     * The smallest value; NaN when empty.
     * @example
     * ```ts
     * const low20 = data.history(context.asset, "low", 20).min();
     * ```
     */
    min(): number;
    /**
     * The largest value; NaN when empty.
     * @example
     * ```ts
     * const high20 = data.history(context.asset, "high", 20).max();
     * ```
     */
    max(): number;
    /**
     * The change from the previous value as a fraction (0.01 = +1%); the first element is NaN,
     * as in pandas.
     * @example
     * ```ts
     * const returns = prices.pctChange();
     * const lastReturn = returns.last();
     * ```
     */
    pctChange(): Series;
    /**
     * The difference from the previous value; the first element is NaN, as in pandas.
     * @example
     * ```ts
     * const changes = prices.diff();
     * ```
     */
    diff(): Series;
    /**
     * Every value as (x − mean) / std, with the sample standard deviation.
     * @example
     * ```ts
     * const z = spread.zscore().last();
     * ```
     */
    zscore(): Series;
    /**
     * Windowed statistics over the last `window` values at each position; NaN until a window
     * is full, as in pandas.
     * @param window A whole number of at least 1.
     * @example
     * ```ts
     * const sma5 = prices.rolling(5).mean();
     * ```
     */
    rolling(window: number): Rolling;
    /**
     * Elementwise sum with a number or another Series (aligned on their latest values; the
     * result is as long as the shorter one).
     * @example
     * ```ts
     * const upper = prices.rolling(20).mean().add(2);
     * ```
     */
    add(other: Series | number): Series;
    /**
     * Elementwise difference with a number or another Series (aligned on their latest values).
     * @example
     * ```ts
     * const spread = pepCloses.sub(koCloses.mul(hedgeRatio));
     * ```
     */
    sub(other: Series | number): Series;
    /**
     * Elementwise product with a number or another Series (aligned on their latest values).
     * @example
     * ```ts
     * const hedged = koCloses.mul(1.5);
     * ```
     */
    mul(other: Series | number): Series;
    /**
     * Elementwise quotient with a number or another Series (aligned on their latest values).
     * @example
     * ```ts
     * const ratio = pepCloses.div(koCloses);
     * ```
     */
    div(other: Series | number): Series;
    /**
     * A plain array copy of the values, safe to change.
     * @example
     * ```ts
     * const sorted = prices.toArray().sort((a, b) => a - b);
     * ```
     */
    toArray(): number[];
  }

  /**
   * What `series.rolling(n)` returns: statistics over a moving window of `n` values. Each
   * result is a Series as long as the original, NaN until the first window is full.
   * @example
   * ```ts
   * const fast = prices.rolling(10).mean().last();
   * const slow = prices.rolling(30).mean().last();
   * ```
   */
  export interface Rolling {
    /**
     * The mean of each window.
     * @example
     * ```ts
     * const sma = prices.rolling(20).mean();
     * ```
     */
    mean(): Series;
    /**
     * The sample standard deviation (ddof = 1) of each window.
     * @example
     * ```ts
     * const vol = prices.pctChange().rolling(20).std();
     * ```
     */
    std(): Series;
    /**
     * The sum of each window.
     * @example
     * ```ts
     * const volume5 = data.history(context.asset, "volume", 30).rolling(5).sum();
     * ```
     */
    sum(): Series;
    /**
     * The smallest value of each window.
     * @example
     * ```ts
     * const low10 = prices.rolling(10).min();
     * ```
     */
    min(): Series;
    /**
     * The largest value of each window.
     * @example
     * ```ts
     * const high10 = prices.rolling(10).max();
     * ```
     */
    max(): Series;
  }
}
