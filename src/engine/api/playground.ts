/**
 * The "playground" module: everything a strategy may import. The editor's and the CLI's
 * type declarations (src/playground/playground.d.ts) are checked against this file.
 */
import type { Asset } from "../data/asset";
import type { BarData } from "../data/bar-data";
import type { Context } from "./context";
import type { OrderOptions } from "../broker";
import * as commissionModels from "../matching/commission";
import type { CommissionModel } from "../matching/commission";
import type { SizeLimit } from "../account/controls";
import type { Order } from "../orders/order";
import type { DateRule, TimeRule } from "./schedule";
import * as slippageModels from "../matching/slippage";
import type { SlippageModel } from "../matching/slippage";
import { activeHost } from "./strategy-host";

export { TradingAlgorithm } from "./trading-algorithm";
export {
  MarketOrder,
  LimitOrder,
  StopOrder,
  StopLimitOrder,
  TrailingStopOrder,
  OCOOrder,
  BracketOrder,
} from "../orders/execution-styles";
export { ORDER_STATUS } from "../orders/order-status";
export { Series } from "../data/series";
export { StrategyError } from "../strategy-error";
export { dateRules, timeRules } from "./schedule";

/** Commission models for setCommission. */
export const commission = {
  PerShare: commissionModels.PerShare,
  PerTrade: commissionModels.PerTrade,
  PerDollar: commissionModels.PerDollar,
  NoCommission: commissionModels.NoCommission,
};

/** Slippage models for setSlippage. */
export const slippage = {
  FixedBasisPointsSlippage: slippageModels.FixedBasisPointsSlippage,
  VolumeShareSlippage: slippageModels.VolumeShareSlippage,
  FixedSlippage: slippageModels.FixedSlippage,
  NoSlippage: slippageModels.NoSlippage,
};

export const symbol = (s: string): Asset => activeHost().symbol(s);
export const order = (asset: Asset, amount: number, opts?: OrderOptions): string | null =>
  activeHost().order(asset, amount, opts);
export const orderValue = (asset: Asset, value: number, opts?: OrderOptions): string | null =>
  activeHost().orderValue(asset, value, opts);
export const orderPercent = (asset: Asset, percent: number, opts?: OrderOptions): string | null =>
  activeHost().orderPercent(asset, percent, opts);
export const orderTarget = (asset: Asset, shares: number, opts?: OrderOptions): string | null =>
  activeHost().orderTarget(asset, shares, opts);
export const orderTargetValue = (asset: Asset, value: number, opts?: OrderOptions): string | null =>
  activeHost().orderTargetValue(asset, value, opts);
export const orderTargetPercent = (asset: Asset, percent: number, opts?: OrderOptions): string | null =>
  activeHost().orderTargetPercent(asset, percent, opts);

export function getOpenOrders(): Map<Asset, Order[]>;
export function getOpenOrders(asset: Asset): Order[];
export function getOpenOrders(asset?: Asset): Order[] | Map<Asset, Order[]> {
  return asset === undefined ? activeHost().getOpenOrders() : activeHost().getOpenOrders(asset);
}
export const getOrder = (id: string): Order | undefined => activeHost().getOrder(id);
export const cancelOrder = (orderOrId: Order | string): void => activeHost().cancelOrder(orderOrId);
export const setCommission = (model: CommissionModel): void => activeHost().setCommission(model);
export const setSlippage = (model: SlippageModel): void => activeHost().setSlippage(model);
export const setMaxPositionSize = (limit: SizeLimit): void => activeHost().setMaxPositionSize(limit);
export const setMaxOrderSize = (limit: SizeLimit): void => activeHost().setMaxOrderSize(limit);
export const setLongOnly = (): void => activeHost().setLongOnly();
export const setMaxLeverage = (x: number): void => activeHost().setMaxLeverage(x);
export const setCash = (x: number): void => activeHost().setCash(x);
export const setBenchmark = (asset: Asset): void => activeHost().setBenchmark(asset);
export const scheduleFunction = (
  fn: (context: Context, data: BarData) => void,
  dateRule?: DateRule,
  timeRule?: TimeRule,
): void => activeHost().scheduleFunction(fn as (c: unknown, d: unknown) => void, dateRule, timeRule);
export function record(values: Record<string, number>): void;
export function record(name: string, value: number): void;
export function record(a: Record<string, number> | string, b?: number): void {
  if (typeof a === "string") activeHost().record(a, b as number);
  else activeHost().record(a);
}
