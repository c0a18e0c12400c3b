import type { FillRecord } from "../events";
import type { MarketData } from "../data/market-data";
import { BarExtremes } from "./bar-extremes";
import { ExactPrice, ExactSum } from "../account/exact-sum";
import type { OrderRole, OrderType } from "../orders/order";
import { orderLabel } from "../orders/order-label";
import { perShare } from "./per-share";

/**
 * A closed trade: the shares one entry order opened on one symbol (however many fills it took)
 * and the fills that later closed them, matched FIFO.
 */
export interface RoundTrip {
  symbol: string;
  side: "long" | "short";
  /** The order whose fills opened the position. */
  entryOrderId: string;
  /** First entry fill. */
  entryDt: number;
  /** Average price of the entry shares that were closed. */
  entryPrice: number;
  /** Last closing fill. */
  exitDt: number;
  /** Average price of the closing fills. */
  exitPrice: number;
  /** The order of the last closing fill. */
  exitOrderId: string;
  /** What closed it: "SL", "TP", "trail", "OCO limit", "OCO stop", "stop", "limit", "signal"…; several joined by " + ". */
  exitReason: string;
  /** Shares closed, always positive. */
  amount: number;
  /** Σ (exit − entry) × shares for a long (mirrored for a short), less the commissions of both sides pro rata. */
  pnl: number;
  /** pnl ÷ (entry price × shares). */
  returnPct: number;
  /** Timeline bars from the first entry fill to the last exit fill. */
  bars: number;
  /** Maximum adverse / favourable excursion in money over the bars held (MAE ≤ 0 ≤ MFE). */
  mae: number;
  mfe: number;
}

/** What the round trips need of an order: its role and type make the exit reason. */
export type OrderKind = { role: OrderRole | string | null; type: OrderType };

/**
 * A round trip while it is built: the fields of RoundTrip (the figures worked out when it is
 * finished) and, in private fields no copy or key list sees, what building it needs. One object
 * per trade is all it makes: no second object for the finished trip, no list of exit reasons
 * unless it has two.
 */
class Trip implements RoundTrip {
  // RoundTrip's fields, in its order: a row spreads them (tradeJson).
  readonly symbol: string;
  readonly side: "long" | "short";
  readonly entryOrderId: string;
  readonly entryDt: number;
  entryPrice = 0;
  exitDt: number;
  exitPrice = 0;
  exitOrderId = "";
  exitReason = "";
  amount = 0;
  pnl = 0;
  returnPct = 0;
  bars = 0;
  mae = 0;
  mfe = 0;
  readonly #sid: number;
  readonly #entryBar: number;
  #exitBar: number;
  #entryNotional = 0;
  #exitNotional = 0;
  /** Exact: (exit − entry) × shares less commissions, summed in whole units of a cent's fractions (exact-sum.ts). */
  readonly #pnl = new ExactSum();
  /** The first closing fill's label, and the list of them once a second, different one closes shares too. */
  #reason: string | null = null;
  #reasons: string[] | null = null;

  /** The trade fill `f` opens, long or short. */
  constructor(f: FillRecord, long: boolean) {
    this.symbol = f.symbol;
    this.side = long ? "long" : "short";
    this.entryOrderId = f.orderId;
    this.entryDt = f.dt;
    this.exitDt = f.dt;
    this.#sid = f.sid;
    this.#entryBar = f.bar;
    this.#exitBar = f.bar;
  }

  /**
   * `qty` shares of a lot opened at `entry` (sign `dir`: 1 long) closed by fill `f` at `exit`,
   * with `commission` the two fills' commissions on them.
   */
  close(f: FillRecord, exit: ExactPrice, entry: ExactPrice, qty: number, dir: number, commission: number): void {
    // (exit − entry) × qty × dir − commissions, each part exact, as the Decimals gave it before.
    this.#pnl.addPrice(exit, qty * dir);
    this.#pnl.addPrice(entry, -qty * dir);
    if (commission !== 0) this.#pnl.addPrice(new ExactPrice(commission), -1);
    this.amount += qty;
    this.#entryNotional += entry.price * qty;
    this.#exitNotional += exit.price * qty;
    this.exitDt = f.dt;
    this.#exitBar = f.bar;
    this.exitOrderId = f.orderId;
  }

  /** A closing fill's label (what closed it: `exitReason`). */
  closedBy(why: string): void {
    if (why === this.#reason) return;
    if (this.#reason === null) this.#reason = why;
    else if (this.#reasons === null) this.#reasons = [this.#reason, why];
    else if (!this.#reasons.includes(why)) this.#reasons.push(why);
  }

  /** P&L and bars held: all the metrics read. */
  settle(): this {
    this.pnl = this.#pnl.toNumber();
    this.bars = this.#exitBar - this.#entryBar;
    return this;
  }

  /** The rest of the figures; `extremes` are those of the trade's symbol. */
  finish(extremes: BarExtremes): this {
    const long = this.side === "long";
    const dir = long ? 1 : -1;
    const shares = this.amount;
    const entryPrice = this.#entryNotional / shares;
    extremes.between(this.entryDt, this.exitDt, this.#exitBar - this.#entryBar + 1);
    const worst = long ? extremes.lo : extremes.hi;
    const best = long ? extremes.hi : extremes.lo;
    this.settle();
    this.entryPrice = entryPrice;
    this.exitPrice = this.#exitNotional / shares;
    this.exitReason = this.#reasons !== null ? this.#reasons.join(" + ") : (this.#reason ?? "");
    this.returnPct = this.pnl / this.#entryNotional;
    this.mae = Math.min(0, (worst - entryPrice) * shares * dir);
    this.mfe = Math.max(0, (best - entryPrice) * shares * dir);
    return this;
  }

  get sid(): number {
    return this.#sid;
  }

  get exitBar(): number {
    return this.#exitBar;
  }
}

/**
 * A symbol's open lots, oldest first, in columns (no object per lot): shares, price, the trade
 * that opened it and the opening fill's commission per share, at [head, end). The columns keep
 * their slots when the book is flat again (a run that opens and closes one lot at a time would
 * otherwise make four new lists per trade).
 */
class Book {
  head = 0;
  end = 0;
  readonly shares: number[] = [];
  readonly price: number[] = [];
  readonly trip: Trip[] = [];
  readonly commPerShare: number[] = [];

  get open(): boolean {
    return this.head < this.end;
  }

  push(shares: number, price: number, trip: Trip, commPerShare: number): void {
    const i = this.end++;
    if (i < this.shares.length) {
      this.shares[i] = shares;
      this.price[i] = price;
      this.trip[i] = trip;
      this.commPerShare[i] = commPerShare;
    } else {
      this.shares.push(shares);
      this.price.push(price);
      this.trip.push(trip);
      this.commPerShare.push(commPerShare);
    }
  }

  /** The oldest lot is closed: the next one is the oldest. */
  shift(): void {
    if (++this.head === this.end) this.head = this.end = 0;
  }
}

/** What the metrics read of a round trip (a summary needs no more: no exit reason, MAE or MFE). */
export type TradeOutcome = Pick<RoundTrip, "side" | "pnl" | "bars">;

/**
 * One trade per entry order and symbol. A closing fill uses up the oldest open lots first
 * (FIFO); the part it closes is added to the trade of the order that opened that lot.
 * Trades come in the order they were last closed. An entry whose shares are only partly
 * closed when the run ends counts the closed shares (the rest is an open position).
 */
export function roundTrips(
  fills: readonly FillRecord[],
  md: MarketData,
  orders?: { get(id: string): OrderKind | undefined },
): RoundTrip[] {
  const reason = (id: string) => {
    const o = orders?.get(id);
    return o ? orderLabel(o) : "signal";
  };
  const extremes: BarExtremes[] = [];
  const trips = closedTrades(fills, reason);
  for (let i = 0; i < trips.length; i++) {
    const t = trips[i]!;
    t.finish((extremes[t.sid] ??= new BarExtremes(md.bars[t.sid]!)));
  }
  return trips;
}

/**
 * The same trades as `roundTrips`, with only what the metrics read: no exit reasons (so no order
 * is looked up) and no walk over the bars held for MAE and MFE.
 */
export function tradeOutcomes(fills: readonly FillRecord[]): TradeOutcome[] {
  return closedTrades(fills, null).map((t) => {
    const { side, pnl, bars } = t.settle();
    return { side, pnl, bars };
  });
}

/** The trades of `fills` that closed shares, in the order they were last closed; `reason` labels the closing fills (null: none). */
function closedTrades(fills: readonly FillRecord[], reason: ((orderId: string) => string) | null): Trip[] {
  /** By the symbol's sid. */
  const books: (Book | undefined)[] = [];
  /** Every trade by its entry order (an order fills one symbol), and in the order its entry opened it. */
  const byOrder = new Map<string, Trip>();
  const all: Trip[] = [];
  // A closing fill's price and its lot's, read only while it closes: two ExactPrices reused.
  const exit = new ExactPrice(0);
  const entry = new ExactPrice(0);
  for (let n = 0; n < fills.length; n++) {
    const f = fills[n]!;
    let book = books[f.sid];
    if (book === undefined) books[f.sid] = book = new Book();
    let left = f.amount;
    const commPerShare = f.commission.isZero() ? 0 : perShare(f.commission, f.amount);
    if (book.open && Math.sign(book.shares[book.head]!) !== Math.sign(left)) {
      exit.reset(f.price);
      // One label per closing fill, looked up only when it closes something.
      const why = reason === null ? null : reason(f.orderId);
      while (left !== 0 && book.open && Math.sign(book.shares[book.head]!) !== Math.sign(left)) {
        const i = book.head;
        const lot = book.shares[i]!;
        const qty = Math.min(Math.abs(left), Math.abs(lot));
        const dir = lot > 0 ? 1 : -1;
        const trip = book.trip[i]!;
        trip.close(f, exit, entry.reset(book.price[i]!), qty, dir, (book.commPerShare[i]! + commPerShare) * qty);
        if (why !== null) trip.closedBy(why);
        book.shares[i] = lot - dir * qty;
        left += dir * qty;
        if (book.shares[i] === 0) book.shift();
      }
    }
    if (left === 0) continue;
    let trip = byOrder.get(f.orderId);
    if (trip === undefined) {
      trip = new Trip(f, left > 0);
      byOrder.set(f.orderId, trip);
      all.push(trip);
    }
    book.push(left, f.price, trip, commPerShare);
  }
  const closed = all.filter((t) => t.amount > 0);
  // Stable: trades closed on the same bar keep the order their entries opened in.
  closed.sort((a, b) => a.exitBar - b.exitBar);
  return closed;
}
