import type { Money } from "./account/money";
import type { OrderEventKind, OrderStatus } from "./orders/order-status";
import type { OrderType } from "./orders/order";

/** An order as reports show it (results JSON `orders[]`, blotter rows). Times are Unix ms. */
export interface OrderSnapshot {
  id: string;
  symbol: string;
  amount: number;
  filled: number;
  status: OrderStatus;
  reason: string | null;
  type: OrderType;
  limit: number | null;
  stop: number | null;
  trailPercent: number | null;
  trailAmount: number | null;
  tif: string;
  parentId: string | null;
  ocoId: string | null;
  role: string | null;
  createdAt: number;
  updatedAt: number;
  avgFillPrice: number | null;
  commission: number;
}

export type LogLevel = "debug" | "info" | "warning" | "error";

/** What happened during a bar, in the order it happened. `dt` is the bar's Unix ms. */
export type EngineEvent =
  | { type: "order"; dt: number; event: OrderEventKind; order: OrderSnapshot }
  | {
      type: "fill";
      dt: number;
      orderId: string;
      symbol: string;
      amount: number;
      price: number;
      commission: number;
      /** The price before slippage: the level, open or close the order reached (fill price − basePrice = slippage). */
      basePrice?: number;
    }
  | { type: "stopMoved"; dt: number; orderId: string; symbol: string; stop: number; hwm: number }
  | { type: "log"; dt: number; level: LogLevel; message: string }
  | { type: "record"; dt: number; values: Record<string, number> };

/** Read access to a run's events, oldest first: the engine's `EventLog`, or an array of events. */
export interface EventList {
  readonly length: number;
  /** Event `i`; negative counts from the end (`Array#at`). */
  at(i: number): EngineEvent | undefined;
}

/** The events of one bar as a listener gets them (read them before the next bar); an array will do. */
export type BarEvents = EventList & Iterable<EngineEvent>;

/** An exact fill kept for the results and the fills hash. */
export interface FillRecord {
  orderId: string;
  symbol: string;
  sid: number;
  bar: number;
  dt: number;
  amount: number;
  price: number;
  /** Exact commission. */
  commission: Money;
}
