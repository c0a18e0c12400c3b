import type { Asset } from "../data/asset";
import type { ExecutionStyle, LegStyle } from "./execution-styles";
import { ExactPrice, ExactSum } from "../account/exact-sum";
import type { Money } from "../account/money";
import { nextStatus, type OrderEventKind, type OrderStatus, isOpenStatus } from "./order-status";
import { tifLabel, type Tif } from "./time-in-force";

export type OrderType = "market" | "limit" | "stop" | "stopLimit" | "trailingStop";
export type OrderRole = "entry" | "stopLoss" | "takeProfit" | "ocoLeg" | null;

// Shared by every order that has none: an order costs no list and no sum for what it never uses.
const NO_CHILDREN: readonly string[] = Object.freeze([]);
/** The commission of an order never charged one: zero, never added to. */
const NO_COMMISSION = new ExactSum();
/** The notional of an order not filled yet: zero, never added to. */
const NO_NOTIONAL = new ExactSum();
const INITIALIZED = 1;
const TRIGGERED = 2;
const RELEASED_BETWEEN_BARS = 4;

/** An order's fills once it has more than one (or its notional was read): the exact Σ price × |shares| and its float mirror. */
interface Notional {
  readonly sum: ExactSum;
  num: number;
}

/** A trailing stop's moving part: made for trailing stops only, so other orders keep no number box for it. */
interface Trail {
  /** High-water mark (sell) or low-water mark (buy). */
  w: number;
}

/**
 * One order. Users read it (`getOrder(id)`); only the engine writes it, and its status
 * only changes through `apply`, which consults the transition table.
 */
export class Order {
  status: OrderStatus = "OPEN";
  reason: string | null = null;
  filled = 0;
  limit: number | null = null;
  stop: number | null = null;
  trailPercent: number | null = null;
  trailAmount: number | null = null;
  parentId: string | null = null;
  /** A bracket entry's children (`addChild`); one shared empty list for every other order. */
  children: readonly string[] = NO_CHILDREN;
  ocoId: string | null = null;
  /** Unix ms of the last transition; `updatedAt` makes the Date users read. */
  updatedAtMs: number;

  // Engine-side state, not part of the documented user surface.
  /** Exact commission charged so far; made at the first commission (most runs charge none). */
  #commissionSum: ExactSum | null = null;
  /**
   * Σ fill price × |shares|, exact and as a float, once a second fill came (or once read): most
   * orders fill once or never, and then their only fill's price (`#onlyFillPrice`) says it all.
   * Every order a run keeps outlives the young generation, so what each one holds is copied by
   * the collector: an ExactSum and two number boxes per order were a sixth of a bracket run's heap.
   */
  #notional: Notional | null = null;
  /** The price of the order's only fill so far (null before it, and once `#notional` is made). */
  #onlyFillPrice: number | null = null;
  commissionNum = 0;
  #trail: Trail | null = null;
  role: OrderRole = null;
  /** Timeline index of the first bar it was matched against (IOC, FOK, DAY). */
  firstMatchBar = -1;
  /**
   * Bracket children: the bar their entry's fill released them on. They start on that bar's
   * path where the entry filled, unless released between bars (`releasedBetweenBars`).
   */
  activeBar = -1;
  /** The read-only view user code gets (orders/order-view.ts), made on first use. */
  view: object | null = null;
  /** Bits: INITIALIZED (placed: its first transition happened), TRIGGERED, RELEASED_BETWEEN_BARS. One field: every order keeps it. */
  #flags = 0;

  constructor(
    readonly id: string,
    readonly asset: Asset,
    /** Signed shares; a bracket child is resized when its entry ends part-filled. */
    public amount: number,
    readonly type: OrderType,
    readonly style: ExecutionStyle | LegStyle,
    readonly tifSpec: Tif,
    /** Unix ms of placement; `createdAt` makes the Date users read. */
    readonly createdAtMs: number,
    /** Timeline index of the bar during which it was placed. */
    readonly placedBar: number,
    readonly seq: number,
  ) {
    this.updatedAtMs = createdAtMs;
  }

  /** A stop-limit whose stop was touched. */
  get triggered(): boolean {
    return (this.#flags & TRIGGERED) !== 0;
  }
  set triggered(on: boolean) {
    this.#flags = on ? this.#flags | TRIGGERED : this.#flags & ~TRIGGERED;
  }

  /** Released between bars (its entry ended after the last bar's path): it starts on the next bar. */
  get releasedBetweenBars(): boolean {
    return (this.#flags & RELEASED_BETWEEN_BARS) !== 0;
  }
  set releasedBetweenBars(on: boolean) {
    this.#flags = on ? this.#flags | RELEASED_BETWEEN_BARS : this.#flags & ~RELEASED_BETWEEN_BARS;
  }

  /** Trailing stops: high-water mark (sell) or low-water mark (buy); 0 for other orders. */
  get watermark(): number {
    const trail = this.#trail;
    return trail === null ? 0 : trail.w;
  }
  set watermark(w: number) {
    if (this.#trail === null) this.#trail = { w };
    else this.#trail.w = w;
  }

  /** Exact Σ fill price × |shares|, for the average fill price (read it, never add to it: it may be the shared zero). */
  get notionalSum(): ExactSum {
    if (this.#notional !== null) return this.#notional.sum;
    if (this.#onlyFillPrice === null) return NO_NOTIONAL;
    return this.notionalOfFills().sum;
  }

  /**
   * The price of the order's only fill, while it has had exactly one (else null): its average
   * fill price, which reports read without making the exact sum (`notionalSum`) for it.
   */
  get onlyFillPrice(): number | null {
    return this.#notional === null ? this.#onlyFillPrice : null;
  }

  /** Σ fill price × |shares| as a float (what events and `avgFillPrice` read). */
  get notionalNum(): number {
    const n = this.#notional;
    if (n !== null) return n.num;
    const p = this.#onlyFillPrice;
    return p === null ? 0 : p * Math.abs(this.filled);
  }

  /**
   * The sums of the fills so far (the only one, if any), made as each fill would have made them,
   * and kept from now on. TS-private, not `#`: a `#` method gives every order one more slot (its
   * class brand).
   */
  private notionalOfFills(): Notional {
    const sum = new ExactSum();
    let num = 0;
    const p = this.#onlyFillPrice;
    if (p !== null) {
      sum.addPrice(new ExactPrice(p), Math.abs(this.filled));
      num += p * Math.abs(this.filled);
    }
    this.#onlyFillPrice = null;
    return (this.#notional = { sum, num });
  }

  /** Exact commission charged so far (read it, never add to it: it may be the shared zero). */
  get commissionSum(): ExactSum {
    return this.#commissionSum ?? NO_COMMISSION;
  }
  get commissionExact(): Money {
    return this.commissionSum.value;
  }
  get filledNotional(): Money {
    return this.notionalSum.value;
  }
  get openAmount(): number {
    return this.amount - this.filled;
  }
  get tif(): string {
    return tifLabel(this.tifSpec);
  }
  get commission(): number {
    return this.commissionNum;
  }
  get avgFillPrice(): number | null {
    return this.filled === 0 ? null : this.notionalNum / Math.abs(this.filled);
  }
  get isBuy(): boolean {
    return this.amount > 0;
  }
  get createdAt(): Date {
    return new Date(this.createdAtMs);
  }
  get updatedAt(): Date {
    return new Date(this.updatedAtMs);
  }
  get isOpen(): boolean {
    return isOpenStatus(this.status);
  }

  /** A bracket entry's child, in the order they are made. */
  addChild(id: string): void {
    // A new list each time (a view may hold the old one); concat, not a spread, which iterates.
    this.children = this.children === NO_CHILDREN ? [id] : this.children.concat(id);
  }

  /** Move through the transition table; throws on an illegal transition. */
  apply(event: OrderEventKind, atMs: number, reason?: string): OrderStatus {
    const to = nextStatus((this.#flags & INITIALIZED) !== 0 ? this.status : null, event);
    this.#flags |= INITIALIZED;
    this.status = to;
    this.updatedAtMs = atMs;
    if (reason !== undefined) this.reason = reason;
    return to;
  }

  /** `commissionNum` is the commission as a float, `px` the price as the exact sums take it (the caller has both). */
  recordFill(
    shares: number,
    price: number,
    commission: Money,
    commissionNum: number,
    px = new ExactPrice(price),
  ): void {
    // filledNotional + price × |shares|: a first fill only keeps its price (notionalSum adds it when read).
    if (this.filled === 0 && this.#notional === null) this.#onlyFillPrice = price;
    else {
      const n = this.#notional ?? this.notionalOfFills();
      n.sum.addPrice(px, Math.abs(shares));
      // The float mirror users and events read on every fill; reports use the exact sum.
      n.num += price * Math.abs(shares);
    }
    this.filled += shares;
    if (!commission.isZero()) (this.#commissionSum ??= new ExactSum()).addMoney(commission);
    // A float mirror for what users and events read on every fill; reports use the exact sum.
    this.commissionNum += commissionNum;
  }
}

/** OCO legs share one amount; count the group once, by its first leg. */
export function isSecondOcoLeg(o: Order): boolean {
  return o.ocoId !== null && o.ocoId !== o.id;
}
