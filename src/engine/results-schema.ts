import type { Metrics } from "./metrics";

type Iso = string;

/** The results JSON, schemaVersion 1 (cli-and-data.md). Money to the cent, prices to 1e-6. */
export interface ResultsJson {
  schemaVersion: 1;
  run: {
    strategy: string;
    start: Iso | null;
    end: Iso | null;
    bars: number;
    symbols: string[];
    settings: {
      cash: number;
      fillModel: string;
      samePolicy: string;
      commission: Record<string, number | string>;
      slippage: Record<string, number | string>;
      start: string | null;
      end: string | null;
    };
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
    benchmark?: string;
    benchmarkReturn?: number;
    alpha?: number | null;
    beta?: number | null;
  };
  orders: Array<{
    id: string;
    symbol: string;
    amount: number;
    filled: number;
    status: string;
    reason: string | null;
    type: string;
    role: string | null;
    limit: number | null;
    stop: number | null;
    trailPercent: number | null;
    trailAmount: number | null;
    tif: string;
    parentId: string | null;
    ocoId: string | null;
    createdAt: Iso;
    updatedAt: Iso;
    avgFillPrice: number | null;
    commission: number;
  }>;
  fills: Array<{ orderId: string; symbol: string; dt: Iso; amount: number; price: number; commission: number }>;
  events: Array<{ dt: Iso; type: "order" | "fill" | "stopMoved" | "log" | "record"; [k: string]: unknown }>;
  equity: Array<{ dt: Iso; value: number; cash: number }>;
  positions: Array<{ symbol: string; amount: number; costBasis: number; lastSalePrice: number }>;
  trades: Array<{
    symbol: string;
    side: "long" | "short";
    entryDt: Iso;
    entryPrice: number;
    exitDt: Iso;
    exitPrice: number;
    amount: number;
    pnl: number;
    returnPct: number;
    bars: number;
    mae: number;
    mfe: number;
  }>;
  logs: Array<{ dt: Iso; level: string; message: string }>;
  records: Record<string, Array<[Iso, number]>>;
}
