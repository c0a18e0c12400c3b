import type { OrderLabel } from "../../engine/orders/order-label";
import { tickDecimals } from "../panels/format";
import type { MarkerMode } from "./marker-thinning";
import type { ChartLevel, ChartMarker } from "./order-levels";

/** Stop-type exits red, limit-type exits green, trailing stops orange, entries blue. */
export const ORDER_COLORS = {
  stop: "#ef5350",
  limit: "#26a69a",
  trailing: "#ffa726",
  entry: "#42a5f5",
  buy: "#26a69a",
  sell: "#ef5350",
} as const;

const ROLE_COLOR: Partial<Record<OrderLabel, string>> = {
  SL: ORDER_COLORS.stop,
  TP: ORDER_COLORS.limit,
  trail: ORDER_COLORS.trailing,
  "OCO trail": ORDER_COLORS.trailing,
  "OCO stop": ORDER_COLORS.stop,
  "OCO limit": ORDER_COLORS.limit,
  entry: ORDER_COLORS.entry,
};

export function levelColor(level: Pick<ChartLevel, "role" | "kind">): string {
  return ROLE_COLOR[level.role] ?? ORDER_COLORS[level.kind];
}

/** Exits take their leg's colour (TP green, SL red, trail orange); other fills buy green, sell red. */
export function markerColor(m: Pick<ChartMarker, "role" | "exit" | "amount">): string {
  if (m.exit && m.role !== "signal")
    return ROLE_COLOR[m.role] ?? (m.role === "stop" ? ORDER_COLORS.stop : ORDER_COLORS.limit);
  return m.amount > 0 ? ORDER_COLORS.buy : ORDER_COLORS.sell;
}

/** Short on the chart: whole units from 1,000 up, else the tick's decimals (at least 2). */
function price(p: number, tick: number | undefined): string {
  return p.toFixed(p >= 1000 ? 0 : Math.max(2, tickDecimals(tick)));
}

/**
 * A marker's label: "TP S 10 @ 105.00", "B 100 @ 12.34" (a plain market order), or in a
 * crowded view only what it was ("TP", "SL", "trail", "B", "S"); none when very crowded.
 */
export function markerText(m: Pick<ChartMarker, "role" | "amount" | "price">, mode: MarkerMode, tick?: number): string {
  if (mode === "arrows") return "";
  const side = m.amount > 0 ? "B" : "S";
  const what = m.role === "signal" ? "" : `${m.role} `;
  if (mode === "short") return m.role === "signal" ? side : m.role;
  return `${what}${side} ${Math.abs(m.amount)} @ ${price(m.price, tick)}`;
}

/**
 * Where a marker's label of `textWidth` px is centred: over its marker at `x`, moved in as far
 * as it must to stay whole inside a pane `paneWidth` px wide. A fill on the first bar in view
 * had its label cut at the pane's left edge ("3 100 @ 180.19" for "B 100 @ 180.19").
 */
export function labelCenter(x: number, textWidth: number, paneWidth: number): number {
  const half = textWidth / 2 + 2;
  if (paneWidth < 2 * half) return x;
  return Math.min(Math.max(x, half), paneWidth - half);
}
