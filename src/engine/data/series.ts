import { describeValue } from "../excerpt";
import { StrategyError } from "../strategy-error";

type Operand = Series | number;

/**
 * A read-only run of numbers, oldest first, like a pandas Series of one column.
 * `data.history` returns one as a window on the engine's columns (no copy); the engine's
 * array stays in a private field, and `values` hands out a copy of the window, so user
 * code can neither read a bar after the current one through its `.buffer` nor write into
 * the bars the engine fills at. Every method returns a new Series and never writes into
 * the one it is called on.
 */
export class Series {
  // A window [start, start + length) of a source array: history windows share the
  // engine's columns instead of copying them.
  // Four fields, no more: `data.history` makes one Series per call, often several a bar.
  #src: Float64Array;
  #start = 0;
  #length: number;
  /**
   * What `values` returns: the array itself for a Series that owns it; for a window on the
   * engine's columns, null until `values` is first read, then the copy made then.
   */
  #values: Float64Array | null;
  /**
   * Brackets give `undefined` (`at(i)` indexes). Said here so that this class fits the
   * declarations, which make `prices[-1]` a type error for strategies (series.d.ts).
   */
  readonly [index: number]: undefined;

  constructor(values: Float64Array) {
    this.#src = values;
    this.#length = values.length;
    this.#values = values;
  }

  /** A window of `src` without copying it (what `data.history` returns). */
  static view(src: Float64Array, start: number, length: number): Series {
    const s = new Series(src);
    s.#start = start;
    s.#length = length;
    s.#values = null;
    return s;
  }

  get length(): number {
    return this.#length;
  }
  /**
   * The values, oldest first. For a `data.history` window this is a copy made on first use
   * (the same array on later reads): its buffer holds only the window, and writing into it
   * changes neither this Series' statistics nor the engine's bars.
   */
  get values(): Float64Array {
    return (this.#values ??= this.#src.slice(this.#start, this.#start + this.#length));
  }
  /** Element `i`; negative counts from the end (`at(-1)` is the latest). NaN when out of range. */
  at(i: number): number {
    // Only whole numbers index: at("1") must not become src["5" + "1"], a later bar.
    if (!Number.isInteger(i)) return Number.NaN;
    const n = this.#length;
    const k = i < 0 ? n + i : i;
    return k >= 0 && k < n ? this.#src[this.#start + k]! : Number.NaN;
  }
  last(): number {
    return this.at(-1);
  }
  sum(): number {
    const v = this.#src;
    let s = 0;
    for (let i = this.#start, end = this.#start + this.#length; i < end; i++) s += v[i]!;
    return s;
  }
  mean(): number {
    return this.sum() / this.#length; // 0 / 0 is NaN for an empty Series
  }
  /** Sample standard deviation (ddof = 1, like pandas). NaN with fewer than two values. */
  std(): number {
    const n = this.#length;
    if (n < 2) return Number.NaN;
    const m = this.mean();
    const v = this.#src;
    let ss = 0;
    for (let i = this.#start, end = this.#start + n; i < end; i++) ss += (v[i]! - m) ** 2;
    return Math.sqrt(ss / (n - 1));
  }
  min(): number {
    let m = Infinity;
    for (let i = 0; i < this.#length; i++) m = Math.min(m, this.#src[this.#start + i]!);
    return this.#length === 0 ? Number.NaN : m;
  }
  max(): number {
    let m = -Infinity;
    for (let i = 0; i < this.#length; i++) m = Math.max(m, this.#src[this.#start + i]!);
    return this.#length === 0 ? Number.NaN : m;
  }
  /** Change from the previous value as a fraction; the first element is NaN (pandas). */
  pctChange(): Series {
    return this.#map((x, i, v) => (i === 0 ? Number.NaN : x / v[i - 1]! - 1));
  }
  /** Difference from the previous value; the first element is NaN (pandas). */
  diff(): Series {
    return this.#map((x, i, v) => (i === 0 ? Number.NaN : x - v[i - 1]!));
  }
  /** (x − mean) / std for every element. */
  zscore(): Series {
    const m = this.mean();
    const s = this.std();
    return this.#map((x) => (x - m) / s);
  }
  rolling(window: number): Rolling {
    if (!Number.isInteger(window) || window < 1) {
      throw new StrategyError(`rolling window must be a whole number of at least 1, got ${window}`);
    }
    return new Rolling(this.#window(), window);
  }
  add(other: Operand): Series {
    return this.#zip(other, (a, b) => a + b);
  }
  sub(other: Operand): Series {
    return this.#zip(other, (a, b) => a - b);
  }
  mul(other: Operand): Series {
    return this.#zip(other, (a, b) => a * b);
  }
  div(other: Operand): Series {
    return this.#zip(other, (a, b) => a / b);
  }
  toArray(): number[] {
    return Array.from(this.values);
  }
  /** The values, oldest first: `for (const p of prices)`, `[...prices]`, `Math.max(...prices)`. */
  *[Symbol.iterator](): IterableIterator<number> {
    const v = this.#window();
    for (let i = 0; i < v.length; i++) yield v[i]!;
  }

  /**
   * pandas' `prices1 - prices2` or `spread > 0` ported as it is: JavaScript would make the
   * Series NaN, every comparison with it false, and the strategy would never trade without a
   * word. A Series used as a number throws instead, naming what to write; as text (a template
   * literal) it is its values.
   */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === "string") return this.toString();
    throw new StrategyError(
      "a Series is not a number: write a.sub(b) (or add, mul, div) for elementwise maths, and a.at(-1) or a.last() for its latest value",
    );
  }
  /** The values as a plain array, so `this.log.info(prices)` and JSON show them (NaN as null). */
  toJSON(): number[] {
    return this.toArray();
  }
  /** `Series [101, 102, 103]`, at most the last 10 values. */
  toString(): string {
    const v = this.#window();
    const shown = Array.from(v.subarray(Math.max(0, v.length - 10)), String).join(", ");
    return `Series [${v.length > 10 ? "…, " : ""}${shown}]`;
  }

  /** The window itself, for reading inside this file only: never handed to user code. */
  #window(): Float64Array {
    return this.#start === 0 && this.#length === this.#src.length
      ? this.#src
      : this.#src.subarray(this.#start, this.#start + this.#length);
  }

  #map(f: (x: number, i: number, v: Float64Array) => number): Series {
    const v = this.#window();
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = f(v[i]!, i, v);
    return new Series(out);
  }

  /** Elementwise with a number or a Series, aligned on the latest values (as bars end together). */
  #zip(other: Operand, f: (a: number, b: number) => number): Series {
    if (typeof other === "number") return this.#map((x) => f(x, other));
    if (!(other instanceof Series)) {
      throw new StrategyError(`Series arithmetic takes a number or a Series, got ${describeValue(other)}`);
    }
    const a = this.#window();
    const b = other.#window();
    const n = Math.min(a.length, b.length);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = f(a[a.length - n + i]!, b[b.length - n + i]!);
    return new Series(out);
  }
}

/** `series.rolling(n)`: windowed statistics, NaN until a window is full (pandas). */
export class Rolling {
  // Private fields: the window may be the engine's column, which user code must not reach.
  readonly #v: Float64Array;
  readonly #n: number;
  constructor(v: Float64Array, n: number) {
    this.#v = v;
    this.#n = n;
  }
  mean(): Series {
    return this.#apply((w) => w.mean());
  }
  std(): Series {
    return this.#apply((w) => w.std());
  }
  sum(): Series {
    return this.#apply((w) => w.sum());
  }
  min(): Series {
    return this.#apply((w) => w.min());
  }
  max(): Series {
    return this.#apply((w) => w.max());
  }
  #apply(f: (w: Series) => number): Series {
    const v = this.#v;
    const n = this.#n;
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) {
      out[i] = i + 1 < n ? Number.NaN : f(Series.view(v, i + 1 - n, n));
    }
    return new Series(out);
  }
}
