import type { OrderRole, OrderType } from "./order";

/**
 * What an order is, in the words a chart label or an exit reason uses: a bracket's legs
 * are "entry", "SL" and "TP"; an OCO leg says which kind it is ("OCO limit", "OCO stop");
 * a trailing stop is "trail"; a plain order is named by its type, a market order is a "signal".
 */
export type OrderLabel =
  | "entry"
  | "SL"
  | "TP"
  | "trail"
  | "OCO limit"
  | "OCO stop"
  | "OCO stop-limit"
  | "OCO trail"
  | "OCO market"
  | "stop"
  | "limit"
  | "stop-limit"
  | "signal";

const TYPE_LABEL: Record<OrderType, OrderLabel> = {
  market: "signal",
  limit: "limit",
  stop: "stop",
  stopLimit: "stop-limit",
  trailingStop: "trail",
};

const OCO_LABEL: Record<OrderType, OrderLabel> = {
  market: "OCO market",
  limit: "OCO limit",
  stop: "OCO stop",
  stopLimit: "OCO stop-limit",
  trailingStop: "OCO trail",
};

export function orderLabel(o: { role: OrderRole | string | null; type: OrderType }): OrderLabel {
  switch (o.role) {
    case "entry":
      return "entry";
    case "stopLoss":
      return "SL";
    case "takeProfit":
      return "TP";
    case "ocoLeg":
      return OCO_LABEL[o.type];
    default:
      return TYPE_LABEL[o.type];
  }
}
