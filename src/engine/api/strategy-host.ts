import type { Asset } from "../data/asset";
import type { OrderOptions } from "../broker";
import type { CommissionModel } from "../matching/commission";
import type { SizeLimit } from "../account/controls";
import type { Logger } from "./logger";
import type { Order } from "../orders/order";
import type { DateRule, TimeRule } from "./schedule";
import type { SlippageModel } from "../matching/slippage";

/** What a running backtest offers the strategy: the contract of strategy-api.md. */
export interface StrategyHost {
  readonly log: Logger;
  symbol(symbol: string): Asset;
  order(asset: Asset, amount: number, opts?: OrderOptions): string | null;
  orderValue(asset: Asset, value: number, opts?: OrderOptions): string | null;
  orderPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null;
  orderTarget(asset: Asset, shares: number, opts?: OrderOptions): string | null;
  orderTargetValue(asset: Asset, value: number, opts?: OrderOptions): string | null;
  orderTargetPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null;
  getOpenOrders(): Map<Asset, Order[]>;
  getOpenOrders(asset: Asset): Order[];
  getOrder(id: string): Order | undefined;
  cancelOrder(orderOrId: Order | string): void;
  setCommission(model: CommissionModel): void;
  setSlippage(model: SlippageModel): void;
  setMaxPositionSize(limit: SizeLimit): void;
  setMaxOrderSize(limit: SizeLimit): void;
  setLongOnly(): void;
  setMaxLeverage(x: number): void;
  setCash(x: number): void;
  setBenchmark(asset: Asset): void;
  scheduleFunction(fn: (context: unknown, data: unknown) => void, dateRule?: DateRule, timeRule?: TimeRule): void;
  record(values: Record<string, number>): void;
  record(name: string, value: number): void;
}

let active: StrategyHost | null = null;

/** The backtest running now (one at a time per thread), for the free functions of "playground". */
export function activeHost(): StrategyHost {
  if (!active) throw new Error("no backtest is running: the playground functions work only inside a strategy's hooks");
  return active;
}

export function setActiveHost(host: StrategyHost | null): void {
  active = host;
}
