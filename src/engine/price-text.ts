/** Numbers and prices in text: the page's tables and chart, the CLI's summary and the engine's sentences. */

/**
 * `v.toFixed(digits)`, but a value that rounds to zero is written without a sign: a drawdown of
 * -0.0004 % reads "0.0%", not "-0.0%", and a loss of a tenth of a cent "0.00", not "-0.00".
 */
export function fixed(v: number, digits: number): string {
  const text = v.toFixed(digits);
  return text.startsWith("-") && /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** The decimals of a symbol's tick (0.01: 2, EURUSD's 0.00001: 5); 0 when the tick is not known. */
export function tickDecimals(tick: number | undefined): number {
  return tick !== undefined && tick > 0 && tick < 1 ? Math.round(-Math.log10(tick)) : 0;
}

/**
 * A price as the tables and the chart show it: with its symbol's tick's decimals when the tick is
 * known (EURUSD 1.07346, not 1.07), and never fewer than 2, or 4 under 1.
 */
export function formatPrice(v: number | null | undefined, tick?: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "";
  return fixed(v, Math.max(Math.abs(v) < 1 ? 4 : 2, tickDecimals(tick)));
}
