import type { OrderSnapshot } from "../events";
import type { Metrics } from "./metrics";
import type { RoundTrip } from "./round-trips";
import type { ResultsSettings } from "../settings";

type Iso = string;

/** `T` with its Unix-ms time fields `K` as ISO strings. */
type IsoTimes<T, K extends keyof T> = Omit<T, K> & { [P in K]: Iso };

/** The results JSON, schemaVersion 1 (docs/cli.md, field by field). Money to the cent, prices to 1e-6. */
export interface ResultsJson {
  schemaVersion: 1;
  run: {
    strategy: string;
    start: Iso | null;
    end: Iso | null;
    bars: number;
    symbols: string[];
    /** What the run used, each setting under its JSON name (`samePolicy` for the same-bar policy). */
    settings: ResultsSettings;
    fillsHash: string;
    elapsedMs: number;
    stopped: boolean;
  };
  summary: Metrics & {
    startingCash: number;
    endingValue: number;
    commissions: number;
    realizedPnl: number;
    unrealizedPnl: number;
    ambiguousBars: number;
    orders: number;
    fills: number;
    /** The symbol the run traded first, and its buy-and-hold return over the run. */
    buyAndHoldSymbol: string | null;
    buyAndHoldReturn: number | null;
    benchmark?: string;
    benchmarkReturn?: number;
    alpha?: number | null;
    beta?: number | null;
  };
  /** An order's final state: its snapshot, with ISO times. */
  orders: Array<IsoTimes<OrderSnapshot, "createdAt" | "updatedAt">>;
  /** `reason`: what the order was ("entry", "SL", "TP", "trail", "OCO limit", "stop", "signal"…; order-label.ts). */
  fills: Array<{
    orderId: string;
    symbol: string;
    dt: Iso;
    amount: number;
    price: number;
    commission: number;
    reason: string;
  }>;
  /** Each bar that was ambiguous for a live bracket or OCO pair: when, where, and the pair (first leg first). */
  ambiguous: Array<{ dt: Iso; symbol: string; orderIds: [string, string] }>;
  events: Array<{ dt: Iso; type: "order" | "fill" | "stopMoved" | "log" | "record"; [k: string]: unknown }>;
  equity: Array<{ dt: Iso; value: number; cash: number }>;
  positions: Array<{ symbol: string; amount: number; costBasis: number; lastSalePrice: number }>;
  trades: Array<IsoTimes<RoundTrip, "entryDt" | "exitDt">>;
  logs: Array<{ dt: Iso; level: string; message: string }>;
  records: Record<string, Array<[Iso, number]>>;
}
