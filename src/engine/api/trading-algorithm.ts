import type { Asset } from "../data/asset";
import type { BarData } from "../data/bar-data";
import type { OrderOptions } from "../broker";
import type { CommissionModel } from "../matching/commission";
import type { Context } from "./context";
import type { SizeLimit } from "../account/controls";
import type { Logger } from "./logger";
import type { Order } from "../orders/order";
import type { DateRule, TimeRule } from "./schedule";
import type { SlippageModel } from "../matching/slippage";
import { activeHost, type StrategyHost } from "./strategy-host";

/**
 * Base class of every strategy: the default export of a strategy module extends it.
 * Every function of the "playground" module is also a method here (`this.order(...)`).
 */
export class TradingAlgorithm implements StrategyHost {
  /** Called once before the first bar: pick assets, set commission, slippage, controls. */
  initialize(_context: Context): void {}
  /** Called on every bar with the data up to and including it. */
  handleData(_context: Context, _data: BarData): void {}
  /** Optional: called at the start of each new session day, before its handleData. */
  beforeTradingStart?(context: Context, data: BarData): void;
  /** Optional: called once after the last bar with the run's results. */
  analyze?(context: Context, results: unknown): void;

  get log(): Logger {
    return activeHost().log;
  }
  symbol(symbol: string): Asset {
    return activeHost().symbol(symbol);
  }
  order(asset: Asset, amount: number, opts?: OrderOptions): string | null {
    return activeHost().order(asset, amount, opts);
  }
  orderValue(asset: Asset, value: number, opts?: OrderOptions): string | null {
    return activeHost().orderValue(asset, value, opts);
  }
  orderPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null {
    return activeHost().orderPercent(asset, percent, opts);
  }
  orderTarget(asset: Asset, shares: number, opts?: OrderOptions): string | null {
    return activeHost().orderTarget(asset, shares, opts);
  }
  orderTargetValue(asset: Asset, value: number, opts?: OrderOptions): string | null {
    return activeHost().orderTargetValue(asset, value, opts);
  }
  orderTargetPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null {
    return activeHost().orderTargetPercent(asset, percent, opts);
  }
  getOpenOrders(): Map<Asset, Order[]>;
  getOpenOrders(asset: Asset): Order[];
  getOpenOrders(asset?: Asset): Order[] | Map<Asset, Order[]> {
    return asset === undefined ? activeHost().getOpenOrders() : activeHost().getOpenOrders(asset);
  }
  getOrder(id: string): Order | undefined {
    return activeHost().getOrder(id);
  }
  cancelOrder(orderOrId: Order | string): void {
    activeHost().cancelOrder(orderOrId);
  }
  setCommission(model: CommissionModel): void {
    activeHost().setCommission(model);
  }
  setSlippage(model: SlippageModel): void {
    activeHost().setSlippage(model);
  }
  setMaxPositionSize(limit: SizeLimit): void {
    activeHost().setMaxPositionSize(limit);
  }
  setMaxOrderSize(limit: SizeLimit): void {
    activeHost().setMaxOrderSize(limit);
  }
  setLongOnly(): void {
    activeHost().setLongOnly();
  }
  setMaxLeverage(x: number): void {
    activeHost().setMaxLeverage(x);
  }
  setCash(x: number): void {
    activeHost().setCash(x);
  }
  setBenchmark(asset: Asset): void {
    activeHost().setBenchmark(asset);
  }
  scheduleFunction(fn: (context: Context, data: BarData) => void, dateRule?: DateRule, timeRule?: TimeRule): void {
    activeHost().scheduleFunction(fn as (c: unknown, d: unknown) => void, dateRule, timeRule);
  }
  record(values: Record<string, number>): void;
  record(name: string, value: number): void;
  record(a: Record<string, number> | string, b?: number): void {
    if (typeof a === "string") activeHost().record(a, b as number);
    else activeHost().record(a);
  }
}
