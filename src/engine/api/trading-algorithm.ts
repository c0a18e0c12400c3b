import type { BarData } from "../data/bar-data";
import type { Context } from "./context";
import type { Logger } from "./logger";
import { activeHost } from "./strategy-host";
import { PLAYGROUND_FUNCTIONS, type StrategyApi } from "./strategy-api";

/**
 * Base class of every strategy: the default export of a strategy module extends it.
 * Every function of the "playground" module is also a method here (`this.order(...)`):
 * the methods of StrategyApi are installed on the prototype below, from the one list in
 * strategy-api.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the API methods, installed below
export interface TradingAlgorithm extends StrategyApi {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class TradingAlgorithm {
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
}

for (const [name, f] of Object.entries(PLAYGROUND_FUNCTIONS)) {
  // Like a method written in the class: not enumerable, and a subclass may override it.
  Object.defineProperty(TradingAlgorithm.prototype, name, { value: f, writable: true, configurable: true });
}
