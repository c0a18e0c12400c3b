/** Prices in text, in their symbol's decimals: the page's tables and chart, and the fill forensics' sentences. */

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
  return v.toFixed(Math.max(Math.abs(v) < 1 ? 4 : 2, tickDecimals(tick)));
}
