import type { OrderSnapshot } from "../events";
import type { OrderEventKind, OrderStatus } from "../orders/order-status";
import type { SameBarPolicy } from "../settings/same-bar-setting";
import type { FillModelName } from "./fill-model";

/** One bar of one symbol, as the run saw it. */
export interface ForensicsBar {
  dt: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** An order as the page keeps it: its last snapshot and every transition with its bar time. */
export interface ForensicsOrderRow {
  order: OrderSnapshot;
  history: readonly { dt: number; event: OrderEventKind; status: OrderStatus; filled: number }[];
}

export interface ForensicsInput {
  symbol: string;
  /** The symbol's tick: the sentences write prices in its decimals (EURUSD 1.07346, not 1.07). */
  tick?: number;
  bar: ForensicsBar;
  fillModel: FillModelName;
  samePolicy: SameBarPolicy;
  /** The slippage model's share of a bar's volume that may fill (null: no cap). */
  volumeLimit: number | null;
  orders: Readonly<Record<string, ForensicsOrderRow>>;
  /** The run's fills (any symbol, any bar; only this bar's are read). */
  fills: readonly { orderId: string; dt: number; amount: number; price: number; basePrice?: number }[];
  /** Trailing-stop moves: the level used on a bar is the last one set before it. */
  stopMoves: readonly { orderId: string; dt: number; stop: number }[];
}

/** A point of the assumed path: `tau` 0 is the open, each next point one further. */
export interface PathPoint {
  tau: number;
  price: number;
  label: "open" | "high" | "low" | "close";
}

/** Why an order did what it did on the bar. */
export type FillWhy =
  | "market"
  | "gap"
  | "touch"
  | "same-bar policy"
  | "volume cap"
  | "cash"
  | "oco"
  | "not reached"
  | "cancelled"
  | "expired";

export interface PathMark {
  tau: number;
  price: number;
  /** True when the price was already through the level where the order started looking (a gap). */
  gap: boolean;
}

export interface OrderOnBar {
  orderId: string;
  /** "SL", "TP", "entry", "trail", "OCO limit", "signal"… */
  label: string;
  side: "buy" | "sell";
  type: OrderSnapshot["type"];
  ocoId: string | null;
  /** The levels it worked at on this bar (a trailing stop: the level in force on it). */
  stop: number | null;
  limit: number | null;
  /** Where on the path it started working: 0, or where its bracket entry filled on this bar. */
  from: number;
  /** A stop (or trailing stop) that filled in part on an earlier bar: the rest is a market order. */
  restAsMarket: boolean;
  /** Shares still to fill when the bar began. */
  open: number;
  /** Where a stop-limit's stop triggered. */
  trigger: PathMark | null;
  /** Where the path first let it fill (before the same-bar policy, volume or cash had their say). */
  reach: PathMark | null;
  /** Shares filled on this bar (signed) and their average price; basePrice before slippage. */
  filled: number;
  fillPrice: number | null;
  basePrice: number | null;
  /** What happened to it on this bar, as the engine recorded it. */
  outcome: "filled" | "partly filled" | "triggered" | "cancelled" | "expired" | "working";
  /** The reason of a cancel on this bar. */
  reason: string | null;
  why: FillWhy[];
  text: string;
}

export interface AmbiguousPair {
  stopId: string;
  targetId: string;
  /** The leg the path reaches first, the leg the policy put first, and the policy. */
  pathFirst: string;
  chosen: string;
  policy: SameBarPolicy;
  /** The pair's story in a sentence. */
  text: string;
}

export interface BarForensics {
  symbol: string;
  /** The input's tick, for the panel's own prices. */
  tick?: number;
  bar: ForensicsBar;
  fillModel: FillModelName;
  path: PathPoint[];
  orders: OrderOnBar[];
  ambiguous: AmbiguousPair[];
}
