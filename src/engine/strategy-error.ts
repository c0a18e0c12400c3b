import { describeValue } from "./excerpt";

/**
 * A programming mistake in the user's strategy (NaN amount, unknown symbol, a price
 * that is not a finite number above 0...). The run stops and the editor marks the line.
 */
export class StrategyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StrategyError";
  }
}

export function requirePositivePrice(what: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new StrategyError(`${what} must be a finite number above 0, got ${describeValue(value)}`);
  }
  return value;
}
