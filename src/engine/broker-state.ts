import type { CommissionModel } from "./matching/commission";
import type { Controls } from "./account/controls";
import type { FillModel } from "./matching/fill-model";
import type { Ledger } from "./account/ledger";
import type { MarketData } from "./data/market-data";
import type { Money } from "./account/money";
import type { Order } from "./orders/order";
import type { OrderEventKind } from "./orders/order-status";
import type { SameBarPolicy } from "./settings";
import type { SlippageModel } from "./matching/slippage";

/** The engine's clock as the broker sees it: the current bar's timeline index and time. */
export interface Clock {
  t: number;
  dt: number;
}

/**
 * What the helpers that size, check and price orders read of the broker: the ledger, the
 * trading controls, the cost models, the market data and the live orders. They take this
 * narrow view, not the Broker, so that they and the broker do not import each other.
 */
export interface BrokerState {
  readonly md: MarketData;
  readonly ledger: Ledger;
  readonly controls: Controls;
  readonly commission: CommissionModel;
  readonly slippage: SlippageModel;
  readonly clock: Clock;
  /** Orders still able to fill or be cancelled, per symbol id, in placement order. */
  readonly live: readonly (readonly Order[])[];
  readonly orders: ReadonlyMap<string, Order>;
  /** The open buys' estimated cost, as placement counts it (`OpenBuys`, account/affordability.ts). */
  readonly openBuys: { sum(s: BrokerState): number };
}

/** What matching and expiry do to orders: every change goes through the broker. */
export interface OrderBook extends BrokerState {
  readonly fillModel: FillModel;
  readonly sameBarPolicy: SameBarPolicy;
  /** Move an order through the transition table and tell the listener. */
  transition(o: Order, event: OrderEventKind, reason?: string | null): void;
  /** Cancel what is left of an order; `tau` is where on the bar's path (Infinity: between bars). */
  cancel(o: Order, reason: string, tau?: number): void;
  /** Book a fill: ledger, order, fills list, event; `basePrice` is the price before slippage. */
  bookFill(o: Order, shares: number, price: number, commission: Money, basePrice?: number): void;
  /** What follows an order ending or first filling: OCO siblings, bracket children. */
  afterDone(o: Order, tau: number): void;
  /** Both legs of an active pair could fill on bar `t`. */
  noteAmbiguousBar(t: number, a: Order, b: Order): void;
  /** Tell the listener where a trailing stop's level is now. */
  emitStopMoved(o: Order): void;
}
