/**
 * The "playground" module: everything a strategy may import, as one frozen object (the
 * runtime hands it to `require("playground")`). The editor's and the CLI's type declarations
 * (the .d.ts files in src/playground/) are checked against it by
 * src/playground/playground-types-check.ts.
 */
import {
  BracketOrder,
  LimitOrder,
  MarketOrder,
  OCOOrder,
  StopLimitOrder,
  StopOrder,
  TrailingStopOrder,
} from "../orders/execution-styles";
import * as commissionModels from "../matching/commission";
import { dateRules, timeRules } from "./schedule";
import { ORDER_STATUS } from "../orders/order-status";
import { PLAYGROUND_FUNCTIONS } from "./strategy-api";
import { Series } from "../data/series";
import * as slippageModels from "../matching/slippage";
import { StrategyError } from "../strategy-error";
import { TradingAlgorithm } from "./trading-algorithm";

export const playground = Object.freeze({
  TradingAlgorithm,
  MarketOrder,
  LimitOrder,
  StopOrder,
  StopLimitOrder,
  TrailingStopOrder,
  OCOOrder,
  BracketOrder,
  ORDER_STATUS,
  Series,
  StrategyError,
  dateRules,
  timeRules,
  /** Commission models for setCommission. */
  commission: {
    PerShare: commissionModels.PerShare,
    PerTrade: commissionModels.PerTrade,
    PerDollar: commissionModels.PerDollar,
    NoCommission: commissionModels.NoCommission,
  },
  /** Slippage models for setSlippage. */
  slippage: {
    FixedBasisPointsSlippage: slippageModels.FixedBasisPointsSlippage,
    VolumeShareSlippage: slippageModels.VolumeShareSlippage,
    FixedSlippage: slippageModels.FixedSlippage,
    NoSlippage: slippageModels.NoSlippage,
  },
  ...PLAYGROUND_FUNCTIONS,
});
