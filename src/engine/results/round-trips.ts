import type { FillRecord } from "../events";
import { firstIndexAtOrAfter, type MarketData } from "../data/market-data";
import { money } from "../account/money";

/** A closed round trip: shares opened and later closed on one symbol, matched FIFO. */
export interface RoundTrip {
  symbol: string;
  side: "long" | "short";
  entryDt: number;
  entryPrice: number;
  exitDt: number;
  exitPrice: number;
  /** Shares, always positive. */
  amount: number;
  /** (exit − entry) × shares for a long (mirrored for a short), less the commissions of both fills pro rata. */
  pnl: number;
  /** pnl ÷ (entry price × shares). */
  returnPct: number;
  /** Timeline bars from entry to exit. */
  bars: number;
  /** Maximum adverse / favourable excursion in money over the bars held (MAE ≤ 0 ≤ MFE). */
  mae: number;
  mfe: number;
}

interface Lot {
  shares: number;
  price: number;
  dt: number;
  bar: number;
  /** Commission per share of the opening fill. */
  commPerShare: number;
}

/** Round trips per symbol, FIFO: a closing fill uses up the oldest open lots first. */
export function roundTrips(fills: readonly FillRecord[], md: MarketData): RoundTrip[] {
  const lots = new Map<string, Lot[]>();
  const out: RoundTrip[] = [];
  for (const f of fills) {
    const queue = lots.get(f.symbol) ?? [];
    lots.set(f.symbol, queue);
    let left = f.amount;
    const commPerShare = f.commission.div(Math.abs(f.amount)).toNumber();
    while (left !== 0 && queue.length > 0 && Math.sign(queue[0]!.shares) !== Math.sign(left)) {
      const lot = queue[0]!;
      const qty = Math.min(Math.abs(left), Math.abs(lot.shares));
      out.push(trip(lot, f, qty, commPerShare, md));
      const dir = Math.sign(lot.shares);
      lot.shares -= dir * qty;
      left += dir * qty;
      if (lot.shares === 0) queue.shift();
    }
    if (left !== 0) queue.push({ shares: left, price: f.price, dt: f.dt, bar: f.bar, commPerShare });
  }
  return out;
}

function trip(lot: Lot, f: FillRecord, qty: number, exitComm: number, md: MarketData): RoundTrip {
  const long = lot.shares > 0;
  const dir = long ? 1 : -1;
  const gross = money(f.price)
    .minus(lot.price)
    .times(qty * dir);
  const pnl = gross.minus((lot.commPerShare + exitComm) * qty).toNumber();
  const { lo, hi } = extremes(md, f.sid, lot.dt, f.dt);
  const worst = long ? lo : hi;
  const best = long ? hi : lo;
  return {
    symbol: f.symbol,
    side: long ? "long" : "short",
    entryDt: lot.dt,
    entryPrice: lot.price,
    exitDt: f.dt,
    exitPrice: f.price,
    amount: qty,
    pnl,
    returnPct: pnl / (lot.price * qty),
    bars: f.bar - lot.bar,
    mae: Math.min(0, (worst - lot.price) * qty * dir),
    mfe: Math.max(0, (best - lot.price) * qty * dir),
  };
}

/** Lowest low and highest high of a symbol's bars from `from` to `to` (inclusive). */
function extremes(md: MarketData, sid: number, from: number, to: number): { lo: number; hi: number } {
  const b = md.bars[sid]!;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = firstIndexAtOrAfter(b.time, from); i < b.time.length && b.time[i]! <= to; i++) {
    lo = Math.min(lo, b.low[i]!);
    hi = Math.max(hi, b.high[i]!);
  }
  return { lo, hi };
}
