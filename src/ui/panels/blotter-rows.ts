import type { OrderSnapshot } from "../../engine/events";
import type { OrderRow, OrderTable } from "../../store/run-results";
import { isOpenStatus } from "../../engine/orders/order-status";
import { formatCount, formatPrice } from "./format";

export interface BlotterFilter {
  /** "" = any. "open" = any status an order can still fill in. */
  status: string;
  symbol: string;
}

/** Orders that pass the filter, newest first (the freshest activity on top). */
export function filterOrders(orders: OrderTable, orderIds: readonly string[], filter: BlotterFilter): OrderRow[] {
  const out: OrderRow[] = [];
  for (let i = orderIds.length - 1; i >= 0; i--) {
    const row = orders.get(orderIds[i]!);
    if (!row) continue;
    const { status, symbol } = row.order;
    if (filter.symbol && symbol !== filter.symbol) continue;
    if (filter.status === "open" ? !isOpenStatus(status) : filter.status && status !== filter.status) continue;
    out.push(row);
  }
  return out;
}

/** The blotter's rows, newest first, read one at a time: it draws only those in view. */
export interface OrderRowList {
  readonly length: number;
  at(i: number): OrderRow;
}

/**
 * filterOrders as a list the blotter reads only in view. Unfiltered (as during a run, unless
 * the user picks a filter) it looks rows up as they are read, instead of building a list of
 * every order on each batch. (The store lists an id only with its row.)
 */
export function orderRowList(orders: OrderTable, orderIds: readonly string[], filter: BlotterFilter): OrderRowList {
  if (filter.status || filter.symbol) {
    const rows = filterOrders(orders, orderIds, filter);
    return { length: rows.length, at: (i) => rows[i]! };
  }
  const last = orderIds.length - 1;
  return { length: orderIds.length, at: (i) => orders.get(orderIds[last - i]!)! };
}

/**
 * "limit 101.50", "stop 95.00", "trail 5%", "market"; bracket roles are added in brackets. Prices
 * have the symbol's tick's decimals when `tick` is given (EURUSD's "limit 1.07346").
 */
export function describeOrderType(o: OrderSnapshot, tick?: number): string {
  const px = (v: number | null) => formatPrice(v, tick);
  const parts: string[] = [];
  switch (o.type) {
    case "market":
      parts.push("market");
      break;
    case "limit":
      parts.push(`limit ${px(o.limit)}`);
      break;
    case "stop":
      parts.push(`stop ${px(o.stop)}`);
      break;
    case "stopLimit":
      parts.push(`stop ${px(o.stop)} limit ${px(o.limit)}`);
      break;
    case "trailingStop":
      parts.push(
        o.trailPercent !== null ? `trail ${(o.trailPercent * 100).toFixed(2)}%` : `trail ${px(o.trailAmount)}`,
      );
      if (o.stop !== null) parts.push(`@ ${px(o.stop)}`);
      break;
  }
  if (o.role) parts.push(`(${o.role === "ocoLeg" ? "OCO" : o.role})`);
  return parts.join(" ");
}

/** "40 / 100" for a partial fill, "100" when complete, "0 / 1,000,000" untouched; counts with separators. */
export function filledText(o: OrderSnapshot): string {
  const amount = formatCount(Math.abs(o.amount));
  const filled = Math.abs(o.filled);
  return filled > 0 && filled < Math.abs(o.amount)
    ? `${formatCount(filled)} / ${amount}`
    : filled === Math.abs(o.amount)
      ? amount
      : `0 / ${amount}`;
}
