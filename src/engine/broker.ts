import type { Asset } from "./data/asset";
import type { Clock, OrderBook } from "./broker-state";
import type { CommissionModel } from "./matching/commission";
import { Controls } from "./account/controls";
import type { EventLog } from "./event-log";
import type { FillRecord } from "./events";
import { type ExecutionStyle, LimitOrder, type LegStyle, StopOrder } from "./orders/execution-styles";
import type { FillModel } from "./matching/fill-model";
import type { Ledger } from "./account/ledger";
import type { MarketData } from "./data/market-data";
import type { Money } from "./account/money";
import { ExactPrice } from "./account/exact-sum";
import { removeFrom } from "./remove-from";
import { Order, type OrderRole, type OrderType } from "./orders/order";
import type { OrderEventKind } from "./orders/order-status";
import { OrderMatcher } from "./matching/order-matcher";
import { OrderTable } from "./orders/order-table";
import { placementRejection } from "./account/placement-checks";
import { OpenBuys } from "./account/affordability";
import type { SameBarPolicy } from "./settings";
import type { SlippageModel } from "./matching/slippage";
import { roundToTick } from "./orders/tick-rounding";
import { GTC, type TimeInForce } from "./orders/time-in-force";
import { checkAmount, checkAsset, checkOrderOptions } from "./orders/order-arguments";
import { trailingLevel } from "./matching/trailing-stop";

export interface OrderOptions {
  /** null is a market order, as omitted (zipline's style=None). */
  style?: ExecutionStyle | null;
  tif?: TimeInForce;
}

/**
 * Holds every order, places and cancels them, and applies fills to the ledger. The checks
 * at placement live in account/placement-checks.ts, the per-bar matching in the
 * OrderMatcher it owns (matching/order-matcher.ts), expiry in orders/order-expiry.ts.
 */
export class Broker implements OrderBook {
  readonly orders = new OrderTable();
  /** Orders still able to fill or be cancelled, per symbol id, in placement order. */
  readonly live: Order[][];
  readonly fills: FillRecord[] = [];
  readonly controls = new Controls();
  readonly openBuys = new OpenBuys();
  /** Step 1 of the bar loop: `matcher.matchSymbol(sid, t)`. */
  readonly matcher: OrderMatcher = new OrderMatcher(this);
  ambiguousBars = 0;
  /** Every (bar, pair) that was ambiguous, for the chart to flag. */
  readonly ambiguous: Array<{ dt: number; symbol: string; orderIds: [string, string] }> = [];
  private lastAmbiguousBar = -1;
  /** The fill price as the exact sums take it, reset for each fill (the ledger and the order keep no hold on it). */
  readonly #px = new ExactPrice(0);
  private nextSeq = 2;

  constructor(
    readonly md: MarketData,
    readonly ledger: Ledger,
    readonly fillModel: FillModel,
    readonly sameBarPolicy: SameBarPolicy,
    commission: CommissionModel,
    slippage: SlippageModel,
    readonly clock: Clock,
    private readonly events: EventLog,
  ) {
    this.live = md.assets.map(() => []);
    this.#commission = commission;
    this.#slippage = slippage;
  }

  // The cost models (`setCommission` and `setSlippage` may change them on any bar): the open
  // buys' estimate counts with them, so it is made again after a change.
  #commission: CommissionModel;
  #slippage: SlippageModel;
  get commission(): CommissionModel {
    return this.#commission;
  }
  set commission(m: CommissionModel) {
    this.#commission = m;
    this.openBuys.version++;
  }
  get slippage(): SlippageModel {
    return this.#slippage;
  }
  set slippage(m: SlippageModel) {
    this.#slippage = m;
    this.openBuys.version++;
  }

  /** `order(asset, amount, { style, tif })`: always returns an id, or null for amount 0. */
  place(asset: Asset, amount: number, opts?: OrderOptions): string | null {
    // The API boundary: every argument checked, the style rebuilt and frozen (order-arguments.ts).
    checkAmount(amount);
    checkAsset(this.md.assets, asset);
    const { style, tif } = checkOrderOptions(opts);
    if (amount === 0) return null;
    const ref = this.md.lastClose(asset.sid);

    if (style.kind === "oco") {
      const a = this.newOrder(asset, amount, style.first, tif, "ocoLeg", ref);
      const b = this.newOrder(asset, amount, style.second, tif, "ocoLeg", ref);
      a.ocoId = b.ocoId = a.id;
      const reason = placementRejection(this, a, ref, null);
      for (const o of [a, b]) this.open(o, reason === null ? "OrderAccepted" : "OrderRejected", reason);
      return a.id;
    }
    if (style.kind === "bracket") {
      const entry = this.newOrder(asset, amount, style.entryStyle, tif, "entry", ref);
      const reason = placementRejection(this, entry, ref, style);
      this.open(entry, reason === null ? "OrderAccepted" : "OrderRejected", reason);
      if (reason !== null) return entry.id;
      const exit = (s: LegStyle, role: OrderRole) => {
        const child = this.newOrder(asset, -amount, s, GTC, role, ref);
        child.parentId = entry.id;
        entry.addChild(child.id);
        return child;
      };
      const sl = exit(new StopOrder(style.stopLossPrice), "stopLoss");
      const tp = exit(new LimitOrder(style.takeProfitPrice), "takeProfit");
      sl.ocoId = tp.ocoId = sl.id;
      this.open(sl, "OrderHeld", null);
      this.open(tp, "OrderHeld", null);
      return entry.id;
    }
    const o = this.newOrder(asset, amount, style, tif, null, ref);
    this.open(o, null, placementRejection(this, o, ref, null));
    return o.id;
  }

  /**
   * Cancel what is left of an order (a no-op for an order that is already done). `tau`: where
   * on the bar's path, for children it releases (Infinity: between bars, so from the next bar).
   */
  cancel(o: Order, reason: string, tau = Infinity): void {
    if (!o.isOpen) return;
    this.transition(o, "OrderCancelled", reason);
    this.afterDone(o, tau);
  }

  /**
   * `cancelOrder` from the strategy: cancels the order and, for an OCO leg or a bracket
   * child, every live leg of its group, also when this leg already ended (its sibling's
   * partial fill cancelled it): cancelling what was placed cancels what is left of it.
   */
  cancelByUser(o: Order): void {
    const reason = "USER: cancelled by the strategy";
    if (o.isOpen || o.ocoId === null) {
      this.cancel(o, reason);
      return;
    }
    for (const leg of this.live[o.asset.sid]!.slice()) {
      if (leg.ocoId === o.ocoId && leg.status !== "HELD") this.cancel(leg, reason);
    }
  }

  /** Move an order through the transition table and tell the listener. */
  transition(o: Order, event: OrderEventKind, reason?: string | null): void {
    this.openBuys.version++;
    o.apply(event, this.clock.dt, reason ?? undefined);
    if (!o.isOpen) this.unlist(o);
    this.events.order(o, event, this.clock.dt);
  }

  /** Book a fill: ledger, order, fills list, event. */
  bookFill(o: Order, shares: number, price: number, commission: Money, basePrice = price): void {
    this.openBuys.version++;
    const cNum = commission.isZero() ? 0 : commission.toNumber();
    const px = this.#px.reset(price);
    this.ledger.applyFill(o.asset, shares, price, commission, px);
    o.recordFill(shares, price, commission, cNum, px);
    const { dt, t } = this.clock;
    this.fills.push({
      orderId: o.id,
      symbol: o.asset.symbol,
      sid: o.asset.sid,
      bar: t,
      dt,
      amount: shares,
      price,
      commission,
    });
    this.events.fill(o, dt, shares, price, cNum, basePrice);
  }

  /**
   * What follows an order ending (filled, cancelled, expired) or first filling: the other OCO
   * leg is cancelled, and a bracket entry releases or cancels its children. `tau` is where on
   * the bar's path it happened (Infinity: between bars), where released children start.
   */
  afterDone(o: Order, tau: number): void {
    if (o.ocoId !== null) {
      const list = this.live[o.asset.sid]!;
      for (let i = 0; i < list.length; i++) {
        const other = list[i]!;
        if (other !== o && other.ocoId === o.ocoId && other.status !== "HELD") {
          // A plain transition, not cancel(): cancel would run afterDone on `other` and, when
          // `o` only part-filled and is still open, cancel `o` back. Legs have no children.
          this.transition(
            other,
            "OrderCancelled",
            `OCO: the other leg ${o.id} ${o.filled !== 0 ? "filled" : o.status === "EXPIRED" ? "expired" : "was cancelled"}`,
          );
          if (list[i] !== other) i--; // it left the list: the next one moved into its place
        }
      }
    }
    if (o.children.length > 0 && !o.isOpen) {
      for (const id of o.children) {
        const child = this.orders.get(id)!;
        if (child.status !== "HELD") continue;
        if (o.filled === 0) {
          this.cancel(child, `PARENT_CANCELLED: entry ${o.id} ended ${o.status.toLowerCase()} without a fill`);
        } else {
          child.amount = -o.filled;
          child.activeBar = this.clock.t;
          child.releasedBetweenBars = !Number.isFinite(tau);
          this.transition(child, "OrderReleased");
        }
      }
    }
  }

  noteAmbiguousBar(t: number, a: Order, b: Order): void {
    this.ambiguous.push({ dt: this.clock.dt, symbol: a.asset.symbol, orderIds: [a.id, b.id] });
    if (this.lastAmbiguousBar !== t) this.ambiguousBars++;
    this.lastAmbiguousBar = t;
  }

  private open(o: Order, event: OrderEventKind | null, reason: string | null): void {
    this.orders.add(o);
    if (reason !== null) {
      this.transition(o, "OrderRejected", reason);
      return;
    }
    const before = this.openBuys.version;
    this.live[o.asset.sid]!.push(o);
    this.transition(o, event ?? "OrderAccepted");
    this.openBuys.placed(this, o, before);
    if (o.type === "trailingStop") this.emitStopMoved(o);
  }

  emitStopMoved(o: Order): void {
    this.events.stopMoved(o, this.clock.dt);
  }

  private unlist(o: Order): void {
    removeFrom(this.live[o.asset.sid]!, o);
  }

  private newOrder(
    asset: Asset,
    amount: number,
    style: LegStyle,
    tif: Order["tifSpec"],
    role: OrderRole,
    ref: number,
  ): Order {
    const { t, dt } = this.clock;
    const id = this.orders.newId();
    // seq: after every order placed before; only its order matters.
    const o = new Order(id, asset, amount, style.kind as OrderType, style, tif, dt, t, this.nextSeq++);
    o.role = role;
    const buy = amount > 0;
    const tick = asset.tickSize;
    if (style.kind === "limit" || style.kind === "stopLimit") o.limit = roundToTick(style.limitPrice, tick, buy);
    if (style.kind === "stop" || style.kind === "stopLimit") o.stop = roundToTick(style.stopPrice, tick, !buy);
    if (style.kind === "trailingStop") {
      o.trailPercent = style.trailPercent;
      o.trailAmount = style.trailAmount;
      o.watermark = ref;
      o.stop = trailingLevel(o);
    }
    return o;
  }
}
