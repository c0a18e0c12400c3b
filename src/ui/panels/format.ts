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

import { fixed } from "../../engine/price-text";

export { formatPrice, tickDecimals } from "../../engine/price-text";

export function formatPercent(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "—" : `${fixed(v * 100, digits)}%`;
}

/** A count with thousands separators, as the toolbar writes bars: "2,768" (never rounded). */
export { numberText as formatCount } from "../../engine/settings/setting-kinds";

export function formatNumber(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "—" : fixed(v, digits);
}
