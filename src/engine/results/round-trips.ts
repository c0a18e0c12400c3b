import type { FillRecord } from "../events";
import type { MarketData } from "../data/market-data";
import { BarExtremes } from "./bar-extremes";
import { ExactPrice, ExactSum } from "../account/exact-sum";
import type { OrderRole, OrderType } from "../orders/order";
import { orderLabel } from "../orders/order-label";

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

interface Lot {
  shares: number;
  price: number;
  px: ExactPrice;
  /** The trade the opening fill's order and symbol make. */
  trade: Trade;
  /** Commission per share of the opening fill. */
  commPerShare: number;
}

interface Trade {
  symbol: string;
  sid: number;
  long: boolean;
  entryOrderId: string;
  entryDt: number;
  entryBar: number;
  shares: number;
  entryNotional: number;
  exitNotional: number;
  /** Exact: (exit − entry) × shares less commissions, summed in whole units of a cent's fractions (exact-sum.ts). */
  pnl: ExactSum;
  exitDt: number;
  exitBar: number;
  exitOrderId: string;
  /** The first closing fill's label, and the list of them once a second, different one closes shares too. */
  reason: string | null;
  reasons: string[] | null;
}

/** A symbol's open lots, oldest first, and its trades by entry order id. */
interface Book {
  queue: Lot[];
  trades: Map<string, Trade>;
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
  return closedTrades(fills, reason).map((t) => finish(t, (extremes[t.sid] ??= new BarExtremes(md.bars[t.sid]!))));
}

/**
 * The same trades as `roundTrips`, with only what the metrics read: no exit reasons (so no order
 * is looked up) and no walk over the bars held for MAE and MFE.
 */
export function tradeOutcomes(fills: readonly FillRecord[]): TradeOutcome[] {
  return closedTrades(fills, null).map((t) => ({
    side: t.long ? "long" : "short",
    pnl: t.pnl.toNumber(),
    bars: t.exitBar - t.entryBar,
  }));
}

/** The trades of `fills` that closed shares, in the order they were last closed; `reason` labels the closing fills (null: none). */
function closedTrades(fills: readonly FillRecord[], reason: ((orderId: string) => string) | null): Trade[] {
  /** By the symbol's sid. */
  const books: (Book | undefined)[] = [];
  /** Every trade, in the order its entry opened it. */
  const all: Trade[] = [];
  const closing = new ExactPrice(0);
  for (const f of fills) {
    let book = books[f.sid];
    if (book === undefined) {
      book = { queue: [], trades: new Map() };
      books[f.sid] = book;
    }
    const queue = book.queue;
    let left = f.amount;
    const commPerShare = f.commission.isZero() ? 0 : f.commission.div(Math.abs(f.amount)).toNumber();
    // A closing fill's price is read only while it closes (one ExactPrice reused for every
    // closing fill); a fill that opens a lot gives the lot its own.
    const closes = queue.length > 0 && Math.sign(queue[0]!.shares) !== Math.sign(left);
    const px = closes ? closing.reset(f.price) : new ExactPrice(f.price);
    // One label per closing fill, looked up only when it closes something.
    let why: string | null = null;
    while (left !== 0 && queue.length > 0 && Math.sign(queue[0]!.shares) !== Math.sign(left)) {
      const lot = queue[0]!;
      const qty = Math.min(Math.abs(left), Math.abs(lot.shares));
      if (reason !== null) why ??= reason(f.orderId);
      close(lot.trade, lot, f, px, qty, commPerShare, why);
      const dir = Math.sign(lot.shares);
      lot.shares -= dir * qty;
      left += dir * qty;
      if (lot.shares === 0) queue.shift();
    }
    if (left === 0) continue;
    let trade = book.trades.get(f.orderId);
    if (trade === undefined) {
      trade = {
        symbol: f.symbol,
        sid: f.sid,
        long: left > 0,
        entryOrderId: f.orderId,
        entryDt: f.dt,
        entryBar: f.bar,
        shares: 0,
        entryNotional: 0,
        exitNotional: 0,
        pnl: new ExactSum(),
        exitDt: f.dt,
        exitBar: f.bar,
        exitOrderId: "",
        reason: null,
        reasons: null,
      };
      book.trades.set(f.orderId, trade);
      all.push(trade);
    }
    queue.push({
      shares: left,
      price: f.price,
      px: closes ? new ExactPrice(f.price) : px,
      trade,
      commPerShare,
    });
  }
  const closed = all.filter((t) => t.shares > 0);
  // Stable: trades closed on the same bar keep the order their entries opened in.
  closed.sort((a, b) => a.exitBar - b.exitBar);
  return closed;
}

function close(
  t: Trade,
  lot: Lot,
  f: FillRecord,
  px: ExactPrice,
  qty: number,
  exitComm: number,
  why: string | null,
): void {
  const dir = lot.shares > 0 ? 1 : -1;
  // (exit − entry) × qty × dir − commissions, each part exact, as the Decimals gave it before.
  t.pnl.addPrice(px, qty * dir);
  t.pnl.addPrice(lot.px, -qty * dir);
  const commission = (lot.commPerShare + exitComm) * qty;
  if (commission !== 0) t.pnl.addPrice(new ExactPrice(commission), -1);
  t.shares += qty;
  t.entryNotional += lot.price * qty;
  t.exitNotional += f.price * qty;
  t.exitDt = f.dt;
  t.exitBar = f.bar;
  t.exitOrderId = f.orderId;
  if (why === null || why === t.reason) return;
  if (t.reason === null) t.reason = why;
  else if (t.reasons === null) t.reasons = [t.reason, why];
  else if (!t.reasons.includes(why)) t.reasons.push(why);
}

function finish(t: Trade, extremes: BarExtremes): RoundTrip {
  const dir = t.long ? 1 : -1;
  const entryPrice = t.entryNotional / t.shares;
  extremes.between(t.entryDt, t.exitDt, t.exitBar - t.entryBar + 1);
  const { lo, hi } = extremes;
  const worst = t.long ? lo : hi;
  const best = t.long ? hi : lo;
  const pnl = t.pnl.toNumber();
  return {
    symbol: t.symbol,
    side: t.long ? "long" : "short",
    entryOrderId: t.entryOrderId,
    entryDt: t.entryDt,
    entryPrice,
    exitDt: t.exitDt,
    exitPrice: t.exitNotional / t.shares,
    exitOrderId: t.exitOrderId,
    exitReason: t.reasons !== null ? t.reasons.join(" + ") : (t.reason ?? ""),
    amount: t.shares,
    pnl,
    returnPct: pnl / t.entryNotional,
    bars: t.exitBar - t.entryBar,
    mae: Math.min(0, (worst - entryPrice) * t.shares * dir),
    mfe: Math.max(0, (best - entryPrice) * t.shares * dir),
  };
}
