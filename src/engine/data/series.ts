import { StrategyError } from "../strategy-error";

type Operand = Series | number;

/**
 * A read-only run of numbers, oldest first, like a pandas Series of one column.
 * `data.history` returns one as a view on the engine's arrays (no copy, and no typed array
 * at all until `values` is read); every method returns a new Series and never writes into
 * the one it is called on.
 */
export class Series {
  // A window [start, start + length) of a source array: history windows share the
  // engine's columns instead of copying them.
  #src: Float64Array;
  #start = 0;
  #length: number;

  constructor(values: Float64Array) {
    this.#src = values;
    this.#length = values.length;
  }

  /** A window of `src` without copying it (what `data.history` returns). */
  static view(src: Float64Array, start: number, length: number): Series {
    const s = new Series(src);
    s.#start = start;
    s.#length = length;
    return s;
  }

  get length(): number {
    return this.#length;
  }
  /**
   * The values, oldest first: a view on the engine's array (made on first use), not a copy.
   * Read it; do not write into it.
   */
  get values(): Float64Array {
    if (this.#start !== 0 || this.#length !== this.#src.length) {
      this.#src = this.#src.subarray(this.#start, this.#start + this.#length);
      this.#start = 0;
    }
    return this.#src;
  }
  /** Element `i`; negative counts from the end (`at(-1)` is the latest). NaN when out of range. */
  at(i: number): number {
    const n = this.#length;
    const k = i < 0 ? n + i : i;
    return k >= 0 && k < n ? this.#src[this.#start + k]! : NaN;
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
    return this.#length === 0 ? NaN : this.sum() / this.#length;
  }
  /** Sample standard deviation (ddof = 1, like pandas). NaN with fewer than two values. */
  std(): number {
    const n = this.#length;
    if (n < 2) return NaN;
    const m = this.mean();
    const v = this.#src;
    let ss = 0;
    for (let i = this.#start, end = this.#start + n; i < end; i++) ss += (v[i]! - m) ** 2;
    return Math.sqrt(ss / (n - 1));
  }
  min(): number {
    let m = Infinity;
    for (let i = 0; i < this.#length; i++) m = Math.min(m, this.#src[this.#start + i]!);
    return this.#length === 0 ? NaN : m;
  }
  max(): number {
    let m = -Infinity;
    for (let i = 0; i < this.#length; i++) m = Math.max(m, this.#src[this.#start + i]!);
    return this.#length === 0 ? NaN : m;
  }
  /** Change from the previous value as a fraction; the first element is NaN (pandas). */
  pctChange(): Series {
    return this.#map((x, i, v) => (i === 0 ? NaN : x / v[i - 1]! - 1));
  }
  /** Difference from the previous value; the first element is NaN (pandas). */
  diff(): Series {
    return this.#map((x, i, v) => (i === 0 ? NaN : x - v[i - 1]!));
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
    return new Rolling(this.values, window);
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

  #map(f: (x: number, i: number, v: Float64Array) => number): Series {
    const v = this.values;
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = f(v[i]!, i, v);
    return new Series(out);
  }

  /** Elementwise with a number or a Series, aligned on the latest values (as bars end together). */
  #zip(other: Operand, f: (a: number, b: number) => number): Series {
    if (typeof other === "number") return this.#map((x) => f(x, other));
    const a = this.values;
    const b = other.values;
    const n = Math.min(a.length, b.length);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = f(a[a.length - n + i]!, b[b.length - n + i]!);
    return new Series(out);
  }
}

/** `series.rolling(n)`: windowed statistics, NaN until a window is full (pandas). */
export class Rolling {
  constructor(
    private readonly v: Float64Array,
    private readonly n: number,
  ) {}
  mean(): Series {
    return this.apply((w) => w.mean());
  }
  std(): Series {
    return this.apply((w) => w.std());
  }
  sum(): Series {
    return this.apply((w) => w.sum());
  }
  min(): Series {
    return this.apply((w) => w.min());
  }
  max(): Series {
    return this.apply((w) => w.max());
  }
  private apply(f: (w: Series) => number): Series {
    const out = new Float64Array(this.v.length);
    for (let i = 0; i < this.v.length; i++) {
      out[i] = i + 1 < this.n ? NaN : f(Series.view(this.v, i + 1 - this.n, this.n));
    }
    return new Series(out);
  }
}
