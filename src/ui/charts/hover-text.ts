import type { SymbolBars } from "../../engine/data/symbol-bars";
import { orderLabel } from "../../engine/orders/order-label";
import type { OrderRow, OrderTable } from "../../store/run-results";
import { describeOrderType } from "../panels/blotter-rows";
import { formatDate, formatMoney, formatPrice } from "../panels/format";
import { barIndexAt } from "./chart-data";
import { barsIn, type CandleWindow } from "./candle-window";
import type { LayerHit } from "./order-layer";
import type { ChartMarker } from "./order-levels";
import { markerText } from "./order-style";

export interface HoverCard {
  title: string;
  rows: Array<[string, string]>;
}

export interface HoverContext {
  orders: OrderTable;
  bars: SymbolBars | null;
  /** The same-bar policy of the run, for ambiguous bars. */
  samePolicy: string;
}

/** The close of the bar an order was placed on: the price it was sized and checked against. */
function referencePrice(row: OrderRow, bars: SymbolBars | null): number | null {
  if (!bars || bars.time.length === 0) return null;
  const i = barIndexAt(bars.time, row.order.createdAt);
  return bars.time[i]! <= row.order.createdAt ? bars.close[i]! : null;
}

function triggerText(row: OrderRow, tick: number | undefined): string {
  const o = row.order;
  const parts: string[] = [];
  if (o.stop !== null) parts.push(`stop ${formatPrice(o.stop, tick)}`);
  if (o.limit !== null) parts.push(`limit ${formatPrice(o.limit, tick)}`);
  return parts.join(", ") || "—";
}

function orderRows(row: OrderRow, bars: SymbolBars | null): Array<[string, string]> {
  const o = row.order;
  const tick = bars?.tickSize;
  return [
    ["Order", `${o.id} · ${o.symbol} · ${o.tif}`],
    ["Style", describeOrderType(o, tick)],
    ["Role", orderLabel(o)],
    ["Quantity", `${o.amount > 0 ? "buy" : "sell"} ${Math.abs(o.amount)} (filled ${Math.abs(o.filled)})`],
    ["Reference", formatPrice(referencePrice(row, bars), tick) || "—"],
    ["Trigger", triggerText(row, tick)],
  ];
}

function slippageText(m: ChartMarker, tick: number | undefined): string {
  if (m.basePrice === null) return "—";
  const perShare = (m.price - m.basePrice) * Math.sign(m.amount);
  const total = perShare * Math.abs(m.amount);
  return `${perShare.toFixed(4)} / share (${formatMoney(total)}) from ${formatPrice(m.basePrice, tick)}`;
}

/** What the tooltip says about whatever the pointer is over. */
export function describeHit(hit: LayerHit, ctx: HoverContext): HoverCard {
  const tick = ctx.bars?.tickSize;
  if (hit.type === "ambiguous") {
    const legs = hit.flag.orderIds.map((id) => {
      const o = ctx.orders.get(id)?.order;
      return o ? `${id} (${orderLabel(o)})` : id;
    });
    return {
      title: `Ambiguous bar ${formatDate(hit.flag.time)}`,
      rows: [
        ["Pair", legs.join(" and ")],
        ["Why", "both legs could fill on this bar"],
        ["Decided by", `same-bar policy "${ctx.samePolicy}"`],
      ],
    };
  }
  if (hit.type === "marker" && hit.markers.length > 1) {
    const shown = hit.markers.slice(0, 8);
    return {
      title: `${hit.markers.length} fills`,
      rows: [
        ...shown.map((m): [string, string] => [formatDate(m.time), `${m.orderId} ${markerText(m, "full", tick)}`]),
        ...(hit.markers.length > shown.length
          ? [["…", `${hit.markers.length - shown.length} more; zoom in`] as [string, string]]
          : []),
      ],
    };
  }
  if (hit.type === "marker") {
    const m = hit.markers[0]!;
    const row = ctx.orders.get(m.orderId);
    return {
      title: `${m.exit ? "Exit" : "Fill"}: ${markerText(m, "full", tick)}`,
      rows: [
        ...(row ? orderRows(row, ctx.bars) : [["Order", m.orderId] as [string, string]]),
        ["Fill", `${formatPrice(m.price, tick)} on ${formatDate(m.time)}`],
        ["Slippage", slippageText(m, tick)],
        ["Commission", formatMoney(m.commission)],
      ],
    };
  }
  const { level } = hit;
  const row = ctx.orders.get(level.orderId);
  const first = level.points[0]!;
  const last = level.points[level.points.length - 1]!;
  return {
    title: `${level.role} ${level.kind} ${formatPrice(last[1], tick)} · ${level.outcome}`,
    rows: [
      ...(row ? orderRows(row, ctx.bars) : [["Order", level.orderId] as [string, string]]),
      ["Working", `${formatDate(first[0])} → ${formatDate(last[0])}`],
      ["Fill price", row?.order.avgFillPrice != null ? formatPrice(row.order.avgFillPrice, tick) : "—"],
      ["Commission", row ? formatMoney(row.order.commission) : "—"],
    ],
  };
}

/** "O 12.34 H 12.50 L 12.01 C 12.40 V 1.2M" for bar `i`, with its date. */
export function ohlcText(bars: SymbolBars, i: number): string {
  return ohlcLine(bars, i, i, formatDate(bars.time[i]!));
}

/**
 * The readout for candle `k` of the chart's candles: its real bar's when it is one bar (zoomed
 * in), else what it aggregates, "2020-03-02 09:30 → 2020-03-02 13:56 · 267 bars  O … H … L … C …
 * +0.12% V …", the change from the close before its first bar.
 */
export function candleText(win: CandleWindow, k: number): string {
  const first = win.first[k]!;
  const count = barsIn(win, k);
  if (count === 1) return ohlcText(win.bars, first);
  const last = first + count - 1;
  const when = `${formatDate(win.bars.time[first]!)} → ${formatDate(win.bars.time[last]!)} · ${count.toLocaleString("en-US")} bars`;
  return ohlcLine(win, k, first, when, win.bars.close[first - 1]);
}

function ohlcLine(c: SymbolBars, k: number, bar: number, when: string, before?: number): string {
  const v = c.volume[k]!;
  const vol =
    v >= 1e9
      ? `${(v / 1e9).toFixed(2)}B`
      : v >= 1e6
        ? `${(v / 1e6).toFixed(2)}M`
        : v >= 1e3
          ? `${(v / 1e3).toFixed(1)}K`
          : String(v);
  const prev = before ?? (bar > 0 ? c.close[k - 1] : undefined);
  const change = prev !== undefined ? c.close[k]! / prev - 1 : 0;
  return `${when}  O ${formatPrice(c.open[k]!, c.tickSize)}  H ${formatPrice(c.high[k]!, c.tickSize)}  L ${formatPrice(c.low[k]!, c.tickSize)}  C ${formatPrice(c.close[k]!, c.tickSize)}  ${change >= 0 ? "+" : ""}${(change * 100).toFixed(2)}%  V ${vol}`;
}
