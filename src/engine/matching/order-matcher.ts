import { type Broker, trailingLevel } from "../broker";
import type { Order } from "../orders/order";
import { estimateCommission } from "./commission";
import { money } from "../account/money";
import { type PathHit, PricePath } from "./price-path";

interface Candidate {
  o: Order;
  /** Where on the path the order acts. */
  tau: number;
  /** `tau`, or moved earlier by the same-bar policy on an ambiguous bar. */
  sortTau: number;
  price: number;
  /** False: a stop-limit that only triggers on this bar. */
  fill: boolean;
}

const path = new PricePath();
const hit: PathHit = { tau: 0, price: 0 };

/**
 * Step 1 of the bar loop for one symbol: walk the bar's price path and fill each live
 * order at the first point where it can, earliest first; at the same point,
 * position-reducing orders first, then placement order.
 */
export function matchSymbol(b: Broker, sid: number, t: number): void {
  const bars = b.md.bars[sid]!;
  const c = b.md.cursor[sid]!;
  const high = bars.high[c]!;
  const low = bars.low[c]!;
  const volume = bars.volume[c]!;
  b.fillModel.buildPath(bars.open[c]!, high, low, bars.close[c]!, path);
  // One context and candidate list for the whole run: nothing allocated per bar.
  const ctx = barCtx;
  ctx.b = b;
  ctx.t = t;
  ctx.low = low;
  ctx.high = high;
  ctx.volume = volume;
  ctx.capacity = b.slippage.volumeLimit === null ? Infinity : Math.floor(b.slippage.volumeLimit * volume);

  cands.length = 0;
  for (const o of b.live[sid]!) {
    if (o.status === "HELD" || o.placedBar >= t) continue;
    if (o.activeBar === t && !Number.isFinite(o.activeTau)) continue;
    // Past its date a GTD order cannot fill, even one placed on the last bar on that date;
    // step 2 expires it.
    if (o.tifSpec.kind === "GTD" && b.clock.dt > o.tifSpec.until) continue;
    if (o.firstMatchBar < 0) o.firstMatchBar = t;
    const cand = candidate(o, 0);
    if (cand) cands.push(cand);
  }
  resolvePairs(b, t, cands);

  while (cands.length > 0) {
    const i = nextCandidate(b, cands);
    const cand = cands.splice(i, 1)[0]!;
    if (!cand.o.isOpen) continue; // cancelled earlier on this bar's path (an OCO sibling)
    if (!cand.fill) {
      trigger(b, cand.o);
      continue;
    }
    const released = fill(ctx, cand);
    if (released.length > 0 && b.fillModel.childrenSameBar) {
      for (const child of released) {
        const cc = candidate(child, cand.tau);
        if (cc) cands.push(cc);
      }
      resolvePairs(b, t, cands);
    }
  }
  updateTrailing(b, sid, t, high, low);
  ctx.b = null; // do not keep a finished run alive
}

interface BarContext {
  b: Broker | null;
  t: number;
  low: number;
  high: number;
  volume: number;
  capacity: number;
}
const barCtx: BarContext = { b: null, t: 0, low: 0, high: 0, volume: 0, capacity: 0 };
const cands: Candidate[] = [];

function candidate(o: Order, from: number): Candidate | null {
  const buy = o.amount > 0;
  let tau = -1;
  let fillNow = true;
  switch (o.type) {
    case "market":
      // Fills at the first point of the path it sees: the open (ohlc) or the close (close
      // model); nothing about a bar says a market order could get a better price in it.
      hit.tau = from;
      hit.price = path.priceAt(from);
      tau = from;
      break;
    case "limit":
      // Touching the limit fills it (≤ / ≥); a gap through it fills at the open, the better price.
      tau = path.touch(buy ? -1 : 1, o.limit!, from, hit);
      break;
    case "stop":
    case "trailingStop":
      // Touching the stop fills it at the stop; a gap through it fills at the open, the worse
      // price: nobody could have sold at the stop while the price jumped past it.
      tau = path.touch(buy ? 1 : -1, o.stop!, from, hit);
      break;
    case "stopLimit": {
      if (o.triggered) {
        tau = path.touch(buy ? -1 : 1, o.limit!, from, hit);
        break;
      }
      const ts = path.touch(buy ? 1 : -1, o.stop!, from, hit);
      if (ts < 0) return null;
      // The stop turns it into a limit at the trigger price: it fills there if that price
      // satisfies the limit, else from that point of the path on, as a limit order.
      if (buy ? hit.price <= o.limit! : hit.price >= o.limit!) {
        tau = ts;
      } else if (path.touch(buy ? -1 : 1, o.limit!, ts, hit) >= 0) {
        tau = hit.tau;
      } else {
        tau = ts;
        fillNow = false;
      }
      break;
    }
  }
  if (tau < 0) return null;
  return { o, tau, sortTau: tau, price: hit.price, fill: fillNow };
}

/**
 * A bar is ambiguous for an active pair when both legs could fill on it. The path
 * decides under `path`; `stopFirst` / `targetFirst` put the chosen leg first.
 */
function resolvePairs(b: Broker, t: number, cands: Candidate[]): void {
  for (const a of cands) {
    if (!a.fill || a.o.ocoId === null || a.o.ocoId !== a.o.id) continue;
    const other = cands.find((x) => x !== a && x.fill && x.o.ocoId === a.o.ocoId);
    if (!other) continue;
    b.noteAmbiguousBar(t, a.o, other.o);
    if (b.sameBarPolicy === "path") continue;
    const isStop = (x: Candidate) => x.o.type !== "limit" && x.o.type !== "market";
    const stopLeg = isStop(a) ? a : isStop(other) ? other : null;
    const targetLeg = !isStop(a) ? a : !isStop(other) ? other : null;
    const first = b.sameBarPolicy === "stopFirst" ? stopLeg : targetLeg;
    if (!first || !stopLeg || !targetLeg) continue;
    first.sortTau = Math.min(a.tau, other.tau) - 1e-9;
  }
}

function nextCandidate(b: Broker, cands: Candidate[]): number {
  let best = 0;
  for (let i = 1; i < cands.length; i++) {
    const x = cands[i]!;
    const y = cands[best]!;
    if (x.sortTau !== y.sortTau) {
      if (x.sortTau < y.sortTau) best = i;
      continue;
    }
    const rx = reduces(b, x.o);
    const ry = reduces(b, y.o);
    if (rx !== ry ? rx : x.o.seq < y.o.seq) best = i;
  }
  return best;
}

function reduces(b: Broker, o: Order): boolean {
  const pos = b.ledger.positions.get(o.asset)?.amount ?? 0;
  return pos !== 0 && Math.sign(pos) !== Math.sign(o.amount);
}

function trigger(b: Broker, o: Order): void {
  o.triggered = true;
  if (o.status === "OPEN") b.transition(o, "OrderTriggered");
}

/** Fill as much of the order as volume, cash and leverage allow; returns released bracket children. */
function fill(ctx: BarContext, cand: Candidate): Order[] {
  const b = ctx.b!;
  const o = cand.o;
  if (o.type === "stopLimit" && !o.triggered) trigger(b, o);
  const want = Math.abs(o.openAmount);
  const sign = Math.sign(o.openAmount);
  const allowed = Math.min(want, ctx.capacity);
  if (o.tifSpec.kind === "FOK" && allowed < want) {
    b.cancel(o, `FOK_UNFILLED: only ${allowed} of ${want} shares could fill on the first bar, so none did`);
    return [];
  }
  if (allowed <= 0) return []; // the bar's volume cap is used up; try again next bar
  const price = fillPrice(ctx, o, cand.price, sign * allowed);
  const { shares, cut } = affordable(b, o, allowed, price);
  if (o.tifSpec.kind === "FOK" && shares < want) {
    b.cancel(o, `FOK_UNFILLED: ${cut ?? "the whole amount could not fill"}`);
    return [];
  }
  if (shares > 0) {
    const commission = b.commission.charge(sign * shares, price, o.filled, o.commissionExact);
    b.bookFill(o, sign * shares, price, commission);
    ctx.capacity -= shares;
    b.transition(o, o.openAmount === 0 ? "OrderFilled" : "OrderPartiallyFilled");
  }
  const heldBefore = o.children.map((id) => b.orders.get(id)!).filter((x) => x.status === "HELD");
  // Children released by a part-filled entry start where it filled, also when the rest is cut.
  if (cut !== null) b.cancel(o, cut, cand.tau);
  else b.afterDone(o, cand.tau);
  return heldBefore.filter((x) => x.status === "OPEN");
}

/** Slippage moves the price against the order; it never leaves the bar, nor passes a limit. */
function fillPrice(ctx: BarContext, o: Order, raw: number, shares: number): number {
  let p = ctx.b!.slippage.slip(raw, shares, ctx.volume);
  p = Math.min(ctx.high, Math.max(ctx.low, p));
  const limited = o.type === "limit" || o.type === "stopLimit";
  if (limited) p = shares > 0 ? Math.min(p, o.limit!) : Math.max(p, o.limit!);
  return p;
}

/**
 * How many shares cash (no borrowing by default) or the leverage limit allows. What
 * cannot be afforded is cancelled with the reason returned in `cut`.
 */
function affordable(b: Broker, o: Order, shares: number, price: number): { shares: number; cut: string | null } {
  const sign = Math.sign(o.openAmount);
  if (sign < 0 && b.controls.longOnly) {
    // Long only holds at fill time too: a sell accepted against buys that never filled
    // would otherwise go short. Selling what is held only reduces, so nothing else applies.
    const held = Math.max(0, b.ledger.positions.get(o.asset)?.amount ?? 0);
    if (shares <= held) return { shares, cut: null };
    return {
      shares: held,
      cut: `LONG_ONLY: holding ${held} ${o.asset.symbol}, so ${held} of ${shares} shares could sell without going short`,
    };
  }
  const lev = b.controls.maxLeverage;
  let ok: (s: number) => boolean;
  let code: string;
  if (lev === null) {
    if (sign < 0) return { shares, cut: null };
    const cash = b.ledger.cashNum;
    const estimate = (s: number) => s * price + estimateCommission(b.commission, s, price, o.filled, o.commissionNum);
    // Floats decide the clear cases; near the edge the exact cost decides, so cash never goes below 0.
    const exact = (s: number) =>
      money(price)
        .times(s)
        .plus(b.commission.charge(s, price, o.filled, o.commissionExact))
        .lte(b.ledger.cash);
    ok = (s) => {
      const e = estimate(s);
      return e < cash - 1e-6 * Math.abs(cash) - 0.01
        ? true
        : e > cash + 1e-6 * Math.abs(cash) + 0.01
          ? false
          : exact(s);
    };
    code = `INSUFFICIENT_FUNDS: cash $${cash.toFixed(2)} covers`;
  } else {
    const pos = b.ledger.positions.get(o.asset);
    const amt = pos?.amount ?? 0;
    const others = b.ledger.grossExposure() - Math.abs(pos?.marketValue ?? 0);
    const limit = lev * b.ledger.portfolioValue();
    ok = (s) => others + Math.abs((amt + sign * s) * price) <= limit || Math.abs(amt + sign * s) <= Math.abs(amt);
    code = `MAX_LEVERAGE: the ${lev}x gross exposure limit allows`;
  }
  if (ok(shares)) return { shares, cut: null };
  let lo = 0;
  let hi = shares;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return { shares: lo, cut: `${code} ${lo} of ${shares} ${o.asset.symbol} shares at ${price.toFixed(2)}` };
}

/**
 * After matching: trailing stops ratchet their watermark with the bar's high (sell) or low
 * (buy), as execution.md states, under every fill model: the close model only limits
 * where orders are checked, not what the bar's range was.
 */
function updateTrailing(b: Broker, sid: number, t: number, high: number, low: number): void {
  for (const o of b.live[sid]!) {
    if (o.type !== "trailingStop" || o.placedBar >= t || o.status === "HELD") continue;
    const w = o.amount < 0 ? Math.max(o.watermark, high) : Math.min(o.watermark, low);
    if (w === o.watermark) continue;
    o.watermark = w;
    o.stop = trailingLevel(o);
    b.emitStopMoved(o);
  }
}
