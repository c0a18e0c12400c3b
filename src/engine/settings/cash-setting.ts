import type { NumberParam } from "./setting-kinds";

/**
 * The account's starting cash (the strategy's `initialize` may set another, in the same range). At
 * most a trillion: money is reported to the cent as a float, exact below 2^53 cents (about 9e13),
 * and far larger amounts overflowed on the way (`setCash(1e308)` gave equity points of null).
 */
export const CASH: NumberParam = {
  label: "Starting cash",
  default: 100_000,
  min: 0,
  minExclusive: true,
  max: 1e12,
  step: 1000,
};
