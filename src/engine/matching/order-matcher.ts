import type { OrderBook } from "../broker-state";
import type { Order } from "../orders/order";
import { FillAffordability } from "../account/affordability";
import { ambiguousPair, type PathHit, PricePath } from "./price-path";
import { ratchetTrailingStops } from "./trailing-stop";
import { volumeCap } from "./slippage";
import { removeAt, truncate } from "../remove-from";

interface Candidate {
  o: Order;
  /** Where on the path the order acts. */
  tau: number;
  /** `tau`, or moved earlier by the same-bar policy on an ambiguous bar. */
  sortTau: number;
  price: number;
  /** False: a stop-limit that only triggers on this bar. */
  fill: boolean;
  /** Where on the path it started working: 0, or where its bracket entry filled. */
  from: number;
}

/**
 * Step 1 of the bar loop, owned by the broker: walk a bar's price path and fill each live
 * order at the first point where it can, earliest first; at the same point,
 * position-reducing orders first, then placement order. The path, the hit and the
 * candidate list are scratch space reused on every bar, so nothing is allocated per bar.
 */
export class OrderMatcher {
  private readonly path = new PricePath();
  private readonly hit: PathHit = { tau: 0, price: 0 };
  private readonly cands: Candidate[] = [];
  /** The children `fill` released (empty between fills). */
  private readonly released: Order[] = [];
  /** The pairs (by ocoId) already noted ambiguous on this bar: released children resolve the pairs again. */
  private readonly noted: string[] = [];
  private readonly afford = new FillAffordability();
  // The bar being matched.
  private t = 0;
  private low = 0;
  private high = 0;
  private volume = 0;
  /** Shares the bar's volume still allows (the slippage model's volume limit). */
  private capacity = 0;

  constructor(private readonly b: OrderBook) {}

  /** Match the live orders of symbol `sid` against its bar at timeline index `t`. */
  matchSymbol(sid: number, t: number): void {
    const b = this.b;
    const bars = b.md.bars[sid]!;
    const c = b.md.cursor[sid]!;
    this.t = t;
    this.high = bars.high[c]!;
    this.low = bars.low[c]!;
    this.volume = bars.volume[c]!;
    this.capacity = volumeCap(b.slippage.volumeLimit, this.volume);
    b.fillModel.buildPath(bars.open[c]!, this.high, this.low, bars.close[c]!, this.path);

    const cands = this.cands;
    truncate(cands, 0); // empty unless a previous bar's matching threw
    truncate(this.noted, 0);
    for (const o of b.live[sid]!) {
      if (o.status === "HELD" || o.placedBar >= t) continue;
      if (o.activeBar === t && o.releasedBetweenBars) continue;
      // Past its date a GTD order cannot fill, even one placed on the last bar on that date;
      // step 2 expires it.
      if (o.tifSpec.kind === "GTD" && b.clock.dt > o.tifSpec.until) continue;
      if (o.firstMatchBar < 0) o.firstMatchBar = t;
      const cand = this.candidate(o, 0);
      if (cand) cands.push(cand);
    }
    this.resolvePairs();

    while (cands.length > 0) {
      const i = this.nextCandidate();
      const cand = cands[i]!;
      removeAt(cands, i);
      if (!cand.o.isOpen) continue; // cancelled earlier on this bar's path (an OCO sibling)
      if (!cand.fill) {
        this.trigger(cand.o);
        continue;
      }
      const released = this.fill(cand);
      if (released.length === 0) continue;
      if (b.fillModel.childrenSameBar) {
        for (const child of released) {
          const cc = this.candidate(child, cand.tau);
          if (cc) cands.push(cc);
        }
        this.resolvePairs();
      }
      truncate(released, 0);
    }
    ratchetTrailingStops(b, sid, t, this.high, this.low);
  }

  private candidate(o: Order, from: number): Candidate | null {
    const { path, hit } = this;
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
        if (o.filled !== 0) {
          // A stop that filled in part (the bar's volume cap) was hit: the rest is a market order
          // from then on, as in zipline (stop_reached) and at a broker, not a stop that waits to be
          // touched again while the price runs away from it.
          hit.tau = from;
          hit.price = path.priceAt(from);
          tau = from;
          break;
        }
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
    return { o, tau, sortTau: tau, price: hit.price, fill: fillNow, from };
  }

  /**
   * A bar is ambiguous for an active pair when both legs could fill on it, unless one alone
   * fills at the point the pair started working from (`ambiguousPair`). The path decides
   * under `path`; `stopFirst` / `targetFirst` put the chosen leg first.
   */
  private resolvePairs(): void {
    const { b, cands } = this;
    for (const a of cands) {
      if (!a.fill || a.o.ocoId === null || a.o.ocoId !== a.o.id) continue;
      let other: Candidate | undefined;
      for (const x of cands) {
        if (x !== a && x.fill && x.o.ocoId === a.o.ocoId) {
          other = x;
          break;
        }
      }
      if (!other || !ambiguousPair(a.tau, other.tau, a.from)) continue;
      if (!this.noted.includes(a.o.ocoId)) {
        this.noted.push(a.o.ocoId);
        b.noteAmbiguousBar(this.t, a.o, other.o);
      }
      if (b.sameBarPolicy === "path") continue;
      const stopLeg = isStop(a) ? a : isStop(other) ? other : null;
      const targetLeg = !isStop(a) ? a : !isStop(other) ? other : null;
      const first = b.sameBarPolicy === "stopFirst" ? stopLeg : targetLeg;
      if (!first || !stopLeg || !targetLeg) continue;
      first.sortTau = Math.min(a.tau, other.tau) - 1e-9;
    }
  }

  private nextCandidate(): number {
    const cands = this.cands;
    let best = 0;
    for (let i = 1; i < cands.length; i++) {
      const x = cands[i]!;
      const y = cands[best]!;
      if (x.sortTau !== y.sortTau) {
        if (x.sortTau < y.sortTau) best = i;
        continue;
      }
      const rx = this.reduces(x.o);
      const ry = this.reduces(y.o);
      if (rx !== ry ? rx : x.o.seq < y.o.seq) best = i;
    }
    return best;
  }

  private reduces(o: Order): boolean {
    const pos = this.b.ledger.positions.get(o.asset)?.amount ?? 0;
    return pos !== 0 && Math.sign(pos) !== Math.sign(o.amount);
  }

  private trigger(o: Order): void {
    o.triggered = true;
    if (o.status === "OPEN") this.b.transition(o, "OrderTriggered");
  }

  /**
   * Fill as much of the order as volume, cash and leverage allow; returns the bracket children
   * it released, in a list the matcher reuses (the caller empties it).
   */
  private fill(cand: Candidate): Order[] {
    const b = this.b;
    const o = cand.o;
    if (o.type === "stopLimit" && !o.triggered) this.trigger(o);
    const want = Math.abs(o.openAmount);
    const sign = Math.sign(o.openAmount);
    const allowed = Math.min(want, this.capacity);
    if (o.tifSpec.kind === "FOK" && allowed < want) {
      b.cancel(o, `FOK_UNFILLED: only ${allowed} of ${want} shares could fill on the first bar, so none did`);
      return this.released;
    }
    if (allowed <= 0) return this.released; // the bar's volume cap is used up; try again next bar
    const price = this.fillPrice(o, cand.price, sign * allowed);
    const shares = this.afford.shares(b, o, allowed, price);
    const cut = this.afford.cut;
    if (o.tifSpec.kind === "FOK" && shares < want) {
      b.cancel(o, `FOK_UNFILLED: ${cut ?? "the whole amount could not fill"}`);
      return this.released;
    }
    if (shares > 0) {
      const commission = b.commission.charge(sign * shares, price, o.filled, o.commissionExact);
      b.bookFill(o, sign * shares, price, commission, cand.price);
      this.capacity -= shares;
      b.transition(o, o.openAmount === 0 ? "OrderFilled" : "OrderPartiallyFilled");
    }
    const released = this.released;
    const children = o.children; // indexed: a for-of over the shared frozen empty list made an iterator
    for (let i = 0; i < children.length; i++) {
      const child = b.orders.get(children[i]!)!;
      if (child.status === "HELD") released.push(child);
    }
    // Children released by a part-filled entry start where it filled, also when the rest is cut.
    if (cut !== null) b.cancel(o, cut, cand.tau);
    else b.afterDone(o, cand.tau);
    // Of the children held before, those open now were released.
    let n = 0;
    for (const child of released) if (child.status === "OPEN") released[n++] = child;
    truncate(released, n);
    return released;
  }

  /** Slippage moves the price against the order; it never leaves the bar, nor passes a limit. */
  private fillPrice(o: Order, raw: number, shares: number): number {
    let p = this.b.slippage.slip(raw, shares, this.volume);
    p = Math.min(this.high, Math.max(this.low, p));
    const limited = o.type === "limit" || o.type === "stopLimit";
    if (limited) p = shares > 0 ? Math.min(p, o.limit!) : Math.max(p, o.limit!);
    return p;
  }
}

function isStop(x: Candidate): boolean {
  return x.o.type !== "limit" && x.o.type !== "market";
}
