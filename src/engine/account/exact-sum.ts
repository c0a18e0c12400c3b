import { Money, ZERO } from "./money";
import { addUnits, divUnits, mulUnits, pow10n, roundUnits, subUnits, type Units, unitsText } from "./decimal-rounding";

/**
 * Exact money without a Decimal operation on every fill. A price is exactly k × 10^-d for
 * small whole k and d (what `money(price)` reads it as), so price × shares and the running
 * sums of such products are whole numbers of 10^-d units: while they stay safe integers
 * (|x| < 2^53) floats add and multiply them without any rounding, and `units / 10^scale`
 * is the float nearest the exact value, as `Decimal#toNumber` gives it. Whatever does not fit
 * (a price with many decimals after slippage, a cost basis divided on a partial close, a huge
 * amount) goes through decimal.js, exactly as before; the sum comes back to whole units when
 * its Decimal value fits again. Past 38 digits in the bigint, each step is rounded to Money's
 * 40 significant digits as decimal.js rounds it (decimal-rounding.ts).
 */

/** 10^i, exact as a float for i ≤ 22. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Decimals a price may have for the fast path; more (slippage, odd ticks) take the Decimal path. */
const MAX_DECIMALS = 12;
/** |k| bound for a price k × 10^-d: k then has at most 13 digits, so no other decimal of that size is the same float. */
const MAX_MANTISSA = 2 ** 43;

/**
 * The decimals d of `x` as decimal.js reads a number (its shortest round-trip form):
 * x = k × 10^-d with k = Math.round(x × 10^d). −1 when that takes more than 12 decimals
 * or a k beyond 2^43. Counted up from 0, so d is the fewest decimals that give x back.
 */
export function decimalsOf(x: number): number {
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const k = Math.round(x * POW10[d]!);
    if (!(Math.abs(k) <= MAX_MANTISSA)) return -1; // also NaN and ±Infinity
    if (k / POW10[d]! === x) return d;
  }
  return -1;
}

/** The k of a price with `d` decimals (decimalsOf(x) = d ≥ 0): x = k × 10^-d. */
export function mantissaOf(x: number, d: number): number {
  return Math.round(x * POW10[d]!);
}

/**
 * A fill price as the sums take it: k × 10^-d (d ≥ 0) when it has few decimals; else its
 * Decimal, and price × shares as a Decimal, each made once per fill whichever sums need it.
 */
export class ExactPrice {
  price = 0;
  d = 0;
  k = 0;
  #px: Money | null = null;
  #n = 0;
  #product: Money | null = null;

  /** For a price with many decimals: its shortest decimal form as big k × 10^-bd; bd −1 when it has none (1e-7). */
  #bk = 0n;
  #bd = -2;

  constructor(price: number) {
    this.reset(price);
  }

  /** Make this another price (the broker reuses one for every fill: nothing keeps a hold on it). */
  reset(price: number): this {
    this.price = price;
    this.d = decimalsOf(price);
    this.k = this.d >= 0 ? mantissaOf(price, this.d) : 0;
    this.#px = null;
    this.#n = 0;
    this.#product = null;
    this.#bk = 0n;
    this.#bd = -2;
    return this;
  }

  /** The decimals of the big form (parsed on first use), −1 when there is none. */
  bigDecimals(): number {
    if (this.#bd === -2) {
      // String(x) is the shortest decimal that reads back as x: what decimal.js reads too. It has
      // an exponent (1e-7, 1e+21) or is not a number (NaN, Infinity) when it has no plain form;
      // else it is digits with at most one point, and the digits without it are k.
      const text = String(this.price);
      if (!Number.isFinite(this.price) || text.includes("e")) this.#bd = -1;
      else {
        const dot = text.indexOf(".");
        this.#bk = BigInt(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
        this.#bd = dot < 0 ? 0 : text.length - dot - 1;
      }
    }
    return this.#bd;
  }

  /** k of the big form (after bigDecimals() ≥ 0). */
  get bigMantissa(): bigint {
    return this.#bk;
  }

  /** price × n, exact (decimal.js); the last product is kept, and ±n of it reuse it. */
  times(n: number): Money {
    const p = this.#product;
    if (p !== null && n === this.#n) return p;
    if (p !== null && n === -this.#n) return p.neg();
    this.#n = n;
    return (this.#product = (this.#px ??= new Money(this.price)).times(n));
  }
}

/** |units| bound for exact bigint sums: 38 digits, within the 40 Money keeps exactly. */
const BIG_LIMIT = 10n ** 38n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A price as bigint units (its shortest decimal form), or null when it has none (1e-7). */
function priceUnits(p: ExactPrice): Units | null {
  if (p.d >= 0) return { m: BigInt(p.k), scale: p.d };
  return p.bigDecimals() < 0 ? null : { m: p.bigMantissa, scale: p.bigDecimals() };
}

/**
 * A sum of money, exact: whole 10^-scale units in a float while they fit, in a bigint past
 * 2^53 (up to 38 digits), else a Decimal. Its helper methods are TS-private, not `#`: a `#`
 * method costs every instance one more slot (its class brand), and a run keeps one per position.
 */
export class ExactSum {
  /** The value in units of 10^-scale, when `dec` and `big` are null: always a safe integer. */
  #units = 0;
  /** The value in units of 10^-scale, when it passed 2^53. */
  #big: bigint | null = null;
  #scale = 0;
  /** The value when it does not fit in units. */
  #dec: Money | null = null;
  /** The value as a Decimal, made on first read after a change. */
  #cache: Money | null = ZERO;

  constructor(start?: Money) {
    if (start !== undefined) this.set(start);
  }

  /** The exact value. */
  get value(): Money {
    if (this.#dec !== null) return this.#dec;
    if (this.#big !== null) return (this.#cache ??= new Money(unitsText(this.#big, this.#scale)));
    return (this.#cache ??= this.#units === 0 ? ZERO : new Money(`${this.#units}e-${this.#scale}`));
  }

  /** The float nearest the exact value (what `value.toNumber()` gives). */
  toNumber(): number {
    if (this.#dec !== null) return this.#dec.toNumber();
    // Reading the decimal text rounds once, to the nearest float, as Decimal#toNumber does.
    if (this.#big !== null) return Number(unitsText(this.#big, this.#scale));
    return this.#units / POW10[this.#scale]!;
  }

  isZero(): boolean {
    if (this.#dec !== null) return this.#dec.isZero();
    return this.#big !== null ? this.#big === 0n : this.#units === 0;
  }

  /**
   * Set to an exact Decimal, kept as a Decimal: what came out of the Decimal path (a cost
   * divided on a partial close has 40 digits) rarely fits in units again, so no time is spent
   * trying; `set` tries.
   */
  setDecimal(m: Money): void {
    this.#dec = m;
    this.#big = null;
    this.#cache = null;
  }

  /** Back to 0. */
  clear(): void {
    this.#units = 0;
    this.#big = null;
    this.#scale = 0;
    this.#dec = null;
    this.#cache = ZERO;
  }

  /** Set to an exact Decimal; in whole units when it fits. */
  set(m: Money): void {
    this.#cache = null;
    const dp = m.decimalPlaces();
    if (dp <= MAX_DECIMALS + 3) {
      const scaled = m.times(POW10[dp]!);
      if (scaled.abs().lte(Number.MAX_SAFE_INTEGER)) {
        this.#dec = null;
        this.#big = null;
        this.#units = scaled.toNumber() + 0;
        this.#scale = dp;
        return;
      }
    }
    this.#dec = m;
    this.#big = null;
  }

  /**
   * Add k × 10^-d × n (a price with `d` decimals times n shares), k and n whole. False (and
   * nothing changed) when the sum is a Decimal, or, when `exact`, when it passes 38 digits;
   * else true, the sum rounded as decimal.js rounds it when it passes 40 significant digits.
   */
  tryAddScaled(k: number, d: number, n: number, exact = false): boolean {
    if (this.#dec !== null) return false;
    if (this.#big === null && this.tryFloat(k, d, n)) return true;
    return this.tryBig(BigInt(k) * BigInt(n), d, exact);
  }

  private tryFloat(k: number, d: number, n: number): boolean {
    let a = k * n;
    let u = this.#units;
    let s = this.#scale;
    if (d > s) {
      u *= POW10[d - s]!;
      s = d;
    } else if (d < s) {
      a *= POW10[s - d]!;
    }
    const r = u + a;
    // Safe integers in, a safe integer out: every step above was exact.
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(u) || !Number.isSafeInteger(r)) return false;
    this.#units = r + 0; // no −0
    this.#scale = s;
    this.#cache = null;
    return true;
  }

  /**
   * Add a × 10^-d in bigint units. Past 38 digits: false (nothing changed) when `exact`, else
   * the sum rounded as a Decimal `plus` rounds it (one operation, so one rounding).
   */
  private tryBig(a: bigint, d: number, exact: boolean): boolean {
    let u = this.#big ?? BigInt(this.#units);
    let s = this.#scale;
    if (d > s) {
      u *= pow10n(d - s);
      s = d;
    } else if (d < s) {
      a *= pow10n(s - d);
    }
    const r = u + a;
    if (r >= BIG_LIMIT || -r >= BIG_LIMIT) {
      if (exact) return false;
      this.setUnits(roundUnits(r, s));
      return true;
    }
    this.#big = r;
    this.#scale = s;
    this.#cache = null;
    return true;
  }

  /** The value as bigint units, or null when it is kept as a Decimal. */
  private asUnits(): Units | null {
    if (this.#dec !== null) return null;
    return { m: this.#big ?? BigInt(this.#units), scale: this.#scale };
  }

  /** Set to m × 10^-scale: in a float when m is a safe integer and 10^scale exact, else in the bigint. */
  private setUnits(u: Units): void {
    this.#dec = null;
    this.#cache = null;
    if (u.scale >= 0 && u.scale < POW10.length && u.m <= MAX_SAFE && u.m >= -MAX_SAFE) {
      this.#big = null;
      this.#units = Number(u.m) + 0;
    } else {
      this.#big = u.m;
    }
    this.#scale = u.scale;
  }

  /** Add price × n in whole units (float or bigint); false and nothing changed when it cannot (see tryAddScaled). */
  tryAddPrice(p: ExactPrice, n: number, exact = false): boolean {
    if (p.d >= 0) return this.tryAddScaled(p.k, p.d, n, exact);
    if (this.#dec !== null || p.bigDecimals() < 0) return false;
    return this.tryBig(p.bigMantissa * BigInt(n), p.bigDecimals(), exact);
  }

  /**
   * Add price × n − other (a sale's proceeds less the cost it closes) without a Decimal; false
   * and nothing changed when a part is a Decimal or the price has no exact decimal form. As
   * the Decimal expression `this + (price × n − other)` does it: exact while everything stays
   * within 38 digits, else each of its steps rounded as decimal.js rounds it.
   */
  tryAddPriceLess(p: ExactPrice, n: number, other: ExactSum): boolean {
    if (this.#dec !== null || other.#dec !== null) return false;
    const units = this.#units;
    const big = this.#big;
    const scale = this.#scale;
    const ok =
      this.tryAddPrice(p, n, true) &&
      (other.#big === null
        ? this.tryAddScaled(other.#units, other.#scale, -1, true)
        : this.tryBig(-other.#big, other.#scale, true));
    if (ok) return true;
    this.#units = units;
    this.#big = big;
    this.#scale = scale;
    this.#cache = null;
    const px = priceUnits(p);
    if (px === null) return false;
    const gain = subUnits(mulUnits(px, n), other.asUnits()!);
    if (gain.m !== 0n) this.setUnits(addUnits(this.asUnits()!, gain));
    return true;
  }

  /**
   * A partial close of the position whose cost this is: `closing` of the `held` shares (signs
   * opposite) leave at price p. Without a Decimal, each step rounded as the Decimal code in
   * Ledger.applyFill rounds it: closedCost = cost × −closing / held;
   * realized = realized + (price × −closing − closedCost); cost = cost − closedCost.
   * False (nothing changed) when a sum is a Decimal or the price has no exact decimal form.
   */
  tryClosePart(p: ExactPrice, closing: number, held: number, realized: ExactSum): boolean {
    const cost = this.asUnits();
    const before = realized.asUnits();
    const px = priceUnits(p);
    if (cost === null || before === null || px === null) return false;
    const product = mulUnits(cost, -closing);
    const closedCost = divUnits(product.m, product.scale, held);
    const gain = subUnits(mulUnits(px, -closing), closedCost);
    if (gain.m !== 0n) realized.setUnits(addUnits(before, gain));
    this.setUnits(subUnits(cost, closedCost));
    return true;
  }

  /** Add price × n: in whole units when they fit, else as a Decimal. */
  addPrice(p: ExactPrice, n: number): void {
    if (!this.tryAddPrice(p, n)) this.addMoney(p.times(n));
  }

  /** Add an exact Decimal (the slow path). */
  addMoney(m: Money): void {
    if (!m.isZero()) this.setDecimal(this.value.plus(m));
  }
}
