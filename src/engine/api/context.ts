import type { AccountView, BlotterView, PortfolioView } from "../account/portfolio-view";

/**
 * The `context` passed to every hook: the built-ins below plus any field the strategy
 * sets on it (`context.lookback = 20`).
 */
export class Context {
  // User fields: any name a strategy likes, as in zipline.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;

  constructor(
    readonly portfolio: PortfolioView,
    readonly account: AccountView,
    readonly blotter: BlotterView,
    clock: { t: number; dt: number },
  ) {
    this.#clock = clock;
  }
  readonly #clock: { t: number; dt: number };

  /** The current bar's time. */
  get datetime(): Date {
    return new Date(this.#clock.dt);
  }
  /** The current bar's position in the run, from 0. */
  get barIndex(): number {
    return this.#clock.t;
  }
}
