import type { NumberParam } from "./setting-kinds";

/** The account's starting cash (the strategy's `initialize` may set another). */
export const CASH: NumberParam = { label: "Starting cash", default: 100_000, min: 0, minExclusive: true, step: 1000 };
