/** Formatting shared by the tables: dates in UTC (bars are UTC), money with separators. */
export function formatDate(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "";
  const iso = new Date(ms).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export function formatIsoDate(iso: string | null | undefined): string {
  return iso ? formatDate(Date.parse(iso)) : "";
}

export { formatMoney } from "../../engine/account/format-money";

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

export function formatPercent(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "—" : `${(v * 100).toFixed(digits)}%`;
}

export function formatNumber(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "—" : v.toFixed(digits);
}
